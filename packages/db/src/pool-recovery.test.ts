import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../test/testing";
import { openDatabase, reconnectDelaySeconds } from "./client";
import { pendingMigrations, rows } from "./migrate";
import { isDatabaseUnavailable } from "./unavailable";

describe("reconnect delay", () => {
  it("starts at 50 ms and never exceeds half a second, however long the outage", () => {
    expect(reconnectDelaySeconds(1)).toBe(0.05);
    expect(reconnectDelaySeconds(2)).toBe(0.1);
    expect(reconnectDelaySeconds(50)).toBe(0.5);
  });
});

describe("pending migrations", () => {
  it("are none on a migrated database, and all of them on an empty one", async () => {
    const migrated = await createTestDatabase();
    const empty = openDatabase({ pgliteDataDir: "memory://" });
    try {
      expect(await pendingMigrations(migrated.db)).toBe(0);
      expect(await pendingMigrations(empty.db)).toBeGreaterThan(5);
    } finally {
      await migrated.close();
      await empty.close();
    }
  });
});

// The server's own behaviour: a backend ended under the pool (a restart, a failover, an admin's
// pg_terminate_backend) must fail the query in flight as "unavailable", and the next query must get a new connection.
const serverUrl = process.env.DATABASE_URL;
describe.skipIf(!serverUrl)("server pool after its connections are terminated", () => {
  const tag = `meridian_pool_${randomBytes(4).toString("hex")}`;
  let admin: postgres.Sql;
  let handle: ReturnType<typeof openDatabase>;

  beforeAll(() => {
    admin = postgres(serverUrl as string, { max: 1, onnotice: () => {} });
    const url = new URL(serverUrl as string);
    url.searchParams.set("application_name", tag);
    handle = openDatabase({ url: url.toString(), maxConnections: 4 });
  });
  afterAll(async () => {
    await handle?.close();
    await admin?.end();
  });

  const terminate = () => admin`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${tag}`;

  it("drops the dead connections and serves the next query at once", async () => {
    await Promise.all([1, 2, 3, 4].map(() => handle.db.execute(sql`select pg_sleep(0.05)`)));
    await terminate();
    // The ended backends' goodbyes (FATAL 57P01, then the socket closing) reach the pool within
    // milliseconds; after that, no query may be sent down a dead connection.
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    const [row] = rows<{ one: number }>(await handle.db.execute(sql`select 1 as one`));
    expect(row?.one).toBe(1);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("fails a statement cut off mid-flight with an error the API answers as 503", async () => {
    const running = handle.db.execute(sql`select pg_sleep(5)`).then(
      () => null,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 300));
    await terminate();
    const error = await running;
    expect(error).toBeTruthy();
    expect(isDatabaseUnavailable(error)).toBe(true);
    const [row] = rows<{ one: number }>(await handle.db.execute(sql`select 1 as one`));
    expect(row?.one).toBe(1);
  });

  it("cancels a statement that runs past the statement timeout, as unavailable", async () => {
    const url = new URL(serverUrl as string);
    const short = openDatabase({ url: url.toString(), maxConnections: 1, statementTimeoutMs: 200 });
    try {
      const error = await short.db.execute(sql`select pg_sleep(2)`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await short.close();
    }
  });

  it("fails fast, not after 30 s, when nothing listens at the address", async () => {
    const url = new URL(serverUrl as string);
    url.port = "1"; // nothing listens on port 1: connection refused
    const nowhere = openDatabase({ url: url.toString(), maxConnections: 1 });
    try {
      const started = performance.now();
      const error = await nowhere.db.execute(sql`select 1`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(3_500);
    } finally {
      await nowhere.close();
    }
  });
});
