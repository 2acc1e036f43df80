import { migrate, openDatabase } from "@meridian/db";
import { seedCompany } from "@meridian/db/testing";
import { refreshStaleRollups } from "./src/modules/okr/objective-rollup";
import { callerFor } from "./test/support/callers";

const handle = openDatabase({ pgliteDataDir: "memory://" });
await migrate(handle.db);
const company = await seedCompany(handle.db, { scale: 0.1 } as never);
await refreshStaleRollups(handle.db as never).catch(() => {});
const caller = await callerFor(handle.db, company.memberEmail);
const reads: [string, () => Promise<unknown>][] = [
  ["dashboard", () => caller.objectives.dashboard({})],
  ["get", () => caller.objectives.get({ objectiveId: company.teamObjectiveId })],
  ["list team", () => caller.objectives.list({ teamId: company.teamId })],
];
for (const [name, read] of reads) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await read();
    times.push(performance.now() - t);
  }
  console.log(name, times.map((x) => x.toFixed(1)).join(" "));
}
await handle.close();
