import { type DatabaseHandle, migrate, openDatabase } from "@meridian/db";
import { seedCompany } from "@meridian/db/testing";
import postgres from "postgres";
import { refreshStaleRollups } from "../../../src/modules/okr/objective-rollup";
import { sessionUserFor } from "../../support/callers";
import { driverRunner, type Listening, startApiServer, startBareServer } from "./servers";

/*
 * The servers under load, in a process of their own so that the load
 * generator (http-bench.ts, which forks this) does not share their event
 * loop. Seeds a company of the given scale into a new database (on the
 * server of DATABASE_URL, or an in-memory PGlite), starts the API and the
 * bare server on loopback ports, reports them, and on "close" stops both and
 * drops the database.
 */

export interface ServerConfig {
  driver: "postgres" | "pglite";
  scale: number;
}

export interface ReadyMessage {
  type: "ready";
  api: string;
  bare: string;
  /** The objective whose page is read: a company objective of the open cycle. */
  objectiveId: string;
  organizationId: string;
  counts: Record<string, number>;
  /** Milliseconds: migrate, seed, refreshStaleRollups. */
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
  const handle = openDatabase({ url: url.toString() });
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
  // A member (not a lead): the reads apply visibility as most people see them.
  const user = await sessionUserFor(handle.db, company.memberEmail);
  servers.push(await startApiServer(handle, user), await startBareServer(driverRunner(handle), user.id));
  const [api, bare] = servers;
  reply({
    type: "ready",
    api: api?.url ?? "",
    bare: bare?.url ?? "",
    objectiveId: company.companyObjectiveId,
    organizationId: company.organizationId,
    counts: company.counts,
    setup,
  });
} catch (error) {
  reply({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  await shutdown(1);
}
