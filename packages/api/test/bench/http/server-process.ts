import { type DatabaseHandle, migrate, openDatabase, sql } from "@meridian/db";
import { seedCompany } from "@meridian/db/testing";
import postgres from "postgres";
import { refreshStaleRollups } from "../../../src/modules/okr/objective-rollup";
import { createCaller } from "../../../src/root";
import { createContext } from "../../../src/trpc";
import { sessionUserFor } from "../../support/callers";
import { BENCH_STATEMENT_TIMEOUT_MS } from "../statement-timeout";
import {
  captureStatements,
  type DriverStatement,
  driverRunner,
  type Listening,
  startApiServer,
  startBareServer,
  startReplayServer,
} from "./servers";

/*
 * The servers under load, in a process of their own so that the load
 * generator (http-bench.ts, which forks one per database and scale) does not
 * share their event loop. Seeds a company of the given scale into a new
 * database (on the server of DATABASE_URL, or an in-memory PGlite), starts
 * the API, the bare server and the replay server on loopback ports, reports
 * them, answers "idle" once they have nothing in flight, and on "close" stops
 * them and drops the database.
 */

export interface ServerConfig {
  driver: "postgres" | "pglite";
  scale: number;
}

export interface ReadyMessage {
  type: "ready";
  api: string;
  bare: string;
  replay: string;
  /** Statements one call of each procedure sends, by step (statements sent at once). */
  steps: { dashboard: number[]; objective: number[] };
  /** The objective whose page is read: a company objective of the open cycle. */
  objectiveId: string;
  organizationId: string;
  counts: Record<string, number>;
  /** Milliseconds: migrate, seed, refreshStaleRollups, vacuum analyze. */
  setup: Record<string, number>;
}

export interface FailedMessage {
  type: "failed";
  error: string;
}

const config = JSON.parse(process.env.HTTP_BENCH_CONFIG ?? "null") as ServerConfig | null;
if (!config || !process.send) throw new Error("server-process.ts is forked by http-bench.ts");
const reply = (message: ReadyMessage | FailedMessage) => process.send?.(message);

async function openFresh(): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (config?.driver === "pglite") {
    return { handle: openDatabase({ pgliteDataDir: "memory://" }), drop: async () => {} };
  }
  if (!serverUrl) throw new Error("the postgres run needs DATABASE_URL");
  const name = `meridian_http_bench_${String(config?.scale).replace(/\W/g, "_")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // The pool the app opens (openDatabase's default size).
  const handle = openDatabase({ url: url.toString(), statementTimeoutMs: BENCH_STATEMENT_TIMEOUT_MS });
  return {
    handle,
    async drop() {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

const { handle, drop } = await openFresh();
const servers: Listening[] = [];
let closing = false;
async function shutdown(code: number) {
  if (closing) return;
  closing = true;
  await Promise.allSettled(servers.map((s) => s.close()));
  await handle.close().catch(() => {});
  await drop().catch((error: unknown) => console.error("could not drop the benchmark database", error));
  process.exit(code);
}
process.on("message", (message: unknown) => {
  const type = (message as { type?: string } | null)?.type;
  if (type === "close") void shutdown(0);
  // Between runs: what the last one left in flight is answered before the next starts.
  if (type === "idle") void Promise.all(servers.map((s) => s.idle())).then(() => process.send?.({ type: "idle" }));
});
// The parent went away (killed, crashed): do not outlive it.
process.on("disconnect", () => void shutdown(1));

try {
  const setup: Record<string, number> = {};
  const timed = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await step();
    setup[name] = Math.round(performance.now() - started);
    return result;
  };
  await timed("migrate", () => migrate(handle.db));
  const company = await timed("seed", () => seedCompany(handle.db, { scale: config.scale }));
  await timed("rollups", () => refreshStaleRollups(handle.db));
  // The rollup refresh rewrote every objective: settle the table and its statistics, as autovacuum would.
  await timed("vacuum", () => handle.db.execute(sql`vacuum analyze`));
  // A member (not a lead): the reads apply visibility as most people see them.
  const user = await sessionUserFor(handle.db, company.memberEmail);
  const objectiveId = company.companyObjectiveId;

  // The API's statements for the two pages, captured from one call each, split into the procedures'
  // steps: the page's one statement, which carries the membership (with the cycles): totals and roots
  // (objectives.dashboard); everything the objective page shows, its path and strategic objective among
  // them (objectives.get, for an objective linked to a strategic objective).
  const caller = createCaller(createContext({ db: handle.db, user, requestedOrganizationId: null }));
  const stepped = (statements: DriverStatement[], sizes: number[], what: string) => {
    if (statements.length !== sizes.reduce((a, b) => a + b, 0)) {
      throw new Error(`${what} now sends ${statements.length} statements: update its steps in server-process.ts`);
    }
    const starts = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
    return sizes.map((n, i) => statements.slice(starts[i], (starts[i] ?? 0) + n));
  };
  // As a running server sends them once it has seen the member: one statement, the membership riding
  // in it (ADR 0031). The first call, which reads the membership alone first, is not captured.
  await caller.objectives.dashboard({});
  const dashboardSteps = [1];
  const objectiveSteps = [1];
  const replay = {
    "/objectives.dashboard": stepped(
      await captureStatements(handle, () => caller.objectives.dashboard({})),
      dashboardSteps,
      "objectives.dashboard",
    ),
    "/objectives.get": stepped(
      await captureStatements(handle, () => caller.objectives.get({ objectiveId })),
      objectiveSteps,
      "objectives.get",
    ),
  };

  const run = driverRunner(handle);
  servers.push(
    await startApiServer(handle, user),
    // Prepared on postgres.js (its default, and how the company benchmark sends its baselines): a
    // hand-written server plans its one statement once per connection. PGlite has no such option.
    await startBareServer(run, user.id, handle.driver === "postgres" ? { prepare: true } : undefined),
    await startReplayServer(run, replay),
  );
  const [api, bare, replayed] = servers;
  reply({
    type: "ready",
    api: api?.url ?? "",
    bare: bare?.url ?? "",
    replay: replayed?.url ?? "",
    steps: { dashboard: dashboardSteps, objective: objectiveSteps },
    objectiveId,
    organizationId: company.organizationId,
    counts: company.counts,
    setup,
  });
} catch (error) {
  const chain: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined)
    chain.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  reply({ type: "failed", error: chain.join("\ncaused by: ") });
  await shutdown(1);
}
