import { hashPassword } from "@meridian/auth/password";
import { BENCHMARK_SIZE, createTestDatabase, seedLargeOrganization } from "@meridian/db/testing";
import { afterAll, bench, describe } from "vitest";
import { refreshStaleRollups } from "../../src/modules/okr/objective-rollup";
import { callerFor } from "../support";

// A generated organization (40 teams, 400 people, 1,500 objectives, 4,500 key
// results, 27,000 check-ins) on a database of its own: PGlite, or the server in DATABASE_URL.
const handle = await createTestDatabase();
const { adminEmail } = await seedLargeOrganization(handle.db, BENCHMARK_SIZE, {
  passwordHash: await hashPassword("benchmark-password"),
});
// The generator inserts objectives stale, as a bulk load does: their rollups come first, as on the app's start.
await refreshStaleRollups(handle.db);
const admin = await callerFor(handle.db, adminEmail);

afterAll(async () => {
  await handle.close();
});

describe(`OKR reads over ${BENCHMARK_SIZE.objectives} objectives`, () => {
  bench("objectives.dashboard (whole alignment tree, rolled up)", async () => {
    await admin.objectives.dashboard({});
  });
  bench("objectives.list with a text search", async () => {
    await admin.objectives.list({ q: "matters", atRisk: true });
  });
  bench("objectives.mine (My OKRs)", async () => {
    await admin.objectives.mine();
  });
});
