import { apiTokens, type DatabaseHandle, migrate, openDatabase, sql } from "@meridian/db";
import { seedCompany } from "@meridian/db/testing";
import postgres from "postgres";
import { generateApiToken } from "../../../src/modules/integrations/api-token";
import { refreshStaleRollups } from "../../../src/modules/okr/objective-rollup";
import { sessionUserFor } from "../../support/callers";
import { BENCH_STATEMENT_TIMEOUT_MS } from "../statement-timeout";
import { type Listening, startApiServer, startRestServer } from "./servers";

/*
 * The servers rest-bench.ts loads, in a process of their own (the load generator does not share their
 * event loop): a company of the given scale seeded into a new database on the server of DATABASE_URL,
 * the app's API (tRPC's node:http adapter over appRouter, as a signed-in member) and the REST API
 * (handleRestRequest, with an okrs:read token made by the same member), on loopback ports. Answers
 * "idle" once nothing is in flight; on "close" stops them and drops the database.
 */

export interface RestBenchConfig {
  scale: number;
}

export interface RestReadyMessage {
  type: "ready";
  api: string;
  rest: string;
  token: string;
  counts: Record<string, number>;
  /** Milliseconds: migrate, seed, rollups, vacuum. */
  setup: Record<string, number>;
}

const config = JSON.parse(process.env.REST_BENCH_CONFIG ?? "null") as RestBenchConfig | null;
const serverUrl = process.env.DATABASE_URL;
if (!config || !process.send) throw new Error("rest-server-process.ts is forked by rest-bench.ts");
if (!serverUrl) throw new Error("the REST benchmark needs DATABASE_URL");
// The benchmark sends far more than a token may per minute: the counter still runs, it just never refuses.
process.env.MERIDIAN_API_RATE_LIMIT = String(1_000_000_000);

const name = `meridian_rest_bench_${String(config.scale).replace(/\W/g, "_")}`;
async function admin(statement: string) {
  const client = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end();
  }
}
await admin(`drop database if exists ${name} with (force)`);
await admin(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const handle: DatabaseHandle = openDatabase({ url: url.toString(), statementTimeoutMs: BENCH_STATEMENT_TIMEOUT_MS });

const servers: Listening[] = [];
let closing = false;
async function shutdown(code: number) {
  if (closing) return;
  closing = true;
  await Promise.allSettled(servers.map((s) => s.close()));
  await handle.close().catch(() => {});
  await admin(`drop database if exists ${name} with (force)`).catch((error: unknown) =>
    console.error("could not drop the benchmark database", error),
  );
  process.exit(code);
}
process.on("message", (message: unknown) => {
  const type = (message as { type?: string } | null)?.type;
  if (type === "close") void shutdown(0);
  if (type === "idle") void Promise.all(servers.map((s) => s.idle())).then(() => process.send?.({ type: "idle" }));
});
process.on("disconnect", () => void shutdown(1));

try {
  const setup: Record<string, number> = {};
  const timed = async <T>(step: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    setup[step] = Math.round(performance.now() - started);
    return result;
  };
  await timed("migrate", () => migrate(handle.db));
  const company = await timed("seed", () => seedCompany(handle.db, { scale: config.scale }));
  await timed("rollups", () => refreshStaleRollups(handle.db));
  await timed("vacuum", () => handle.db.execute(sql`vacuum analyze`));
  // A member (not a lead), as the HTTP benchmark reads: the token is theirs, so both see the same objectives.
  const user = await sessionUserFor(handle.db, company.memberEmail);
  const { token, hash, prefix } = generateApiToken();
  await handle.db.insert(apiTokens).values({
    organizationId: company.organizationId,
    name: "REST benchmark",
    prefix,
    tokenHash: hash,
    createdById: user.id,
    scopes: ["okrs:read"],
  });
  servers.push(await startApiServer(handle, user), await startRestServer(handle));
  const [api, rest] = servers;
  process.send({
    type: "ready",
    api: api?.url ?? "",
    rest: rest?.url ?? "",
    token,
    counts: company.counts,
    setup,
  } satisfies RestReadyMessage);
} catch (error) {
  process.send({ type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  await shutdown(1);
}
