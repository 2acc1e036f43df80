import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { dataDir } from "./paths";
import { preparingStatementsOnPglite } from "./pglite-prepared";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The driver-neutral database handle every other package works with. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database or an open transaction: helpers that write take this. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: "postgres" | "pglite";
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A Postgres connection string; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway database. Defaults to `.data/pglite`. */
  pgliteDataDir?: string;
  /** Connection pool size for a server. */
  maxConnections?: number;
  /** Seconds to wait for a new server connection before the query fails (not hangs). */
  connectTimeoutSeconds?: number;
  /** Milliseconds a statement may run on the server before it is cancelled. */
  statementTimeoutMs?: number;
}

/**
 * Timeouts of a server pool. An outage must fail a request within seconds
 * (the route answers 503), and the pool must serve again as soon as the server
 * is back: postgres.js drops a connection whose socket closed and opens a new
 * one for the next query, but by default it waits before reconnecting with a
 * backoff that grows to 10–20 s after a few failures. That wait, not the
 * database, was what kept the app down after a restart.
 */
export const SERVER_POOL_DEFAULTS = {
  connectTimeoutSeconds: 3,
  statementTimeoutMs: 15_000,
  /** An open transaction left idle this long (a crashed request) is ended by the server, releasing its locks. */
  idleInTransactionTimeoutMs: 30_000,
  /** Close a connection unused this long; the next query opens a fresh one. */
  idleTimeoutSeconds: 60,
  /** Replace every connection after this long, so none lives forever behind a proxy or failover. */
  maxLifetimeSeconds: 30 * 60,
  /** TCP keepalive probes on idle connections, so a dead peer is noticed. */
  keepAliveSeconds: 30,
} as const;

/** Seconds before reconnecting after the `retries`-th failed connection in a row: 50 ms doubling, at most 0.5 s. */
export function reconnectDelaySeconds(retries: number): number {
  return Math.min(0.05 * 2 ** Math.max(0, retries - 1), 0.5);
}

export function openDatabase(options: OpenOptions = {}): DatabaseHandle {
  if (options.url) {
    const defaults = SERVER_POOL_DEFAULTS;
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      connect_timeout: options.connectTimeoutSeconds ?? defaults.connectTimeoutSeconds,
      idle_timeout: defaults.idleTimeoutSeconds,
      max_lifetime: defaults.maxLifetimeSeconds,
      keep_alive: defaults.keepAliveSeconds,
      backoff: reconnectDelaySeconds,
      // Sent as startup parameters, so they hold on every connection, including reconnected ones.
      connection: {
        application_name: "meridian",
        statement_timeout: options.statementTimeoutMs ?? defaults.statementTimeoutMs,
        idle_in_transaction_session_timeout: defaults.idleInTransactionTimeoutMs,
      },
      onnotice: () => {},
    });
    const db = drizzlePostgres({
      client: preparingStatements(client),
      schema,
      casing: "snake_case",
    }) as unknown as Database;
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const dir = options.pgliteDataDir ?? path.join(dataDir(), "pglite");
  // PGlite needs its folder to exist before it opens.
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = preparingStatementsOnPglite(new PGlite(dir));
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Database;
  return { db, driver: "pglite", close: () => client.close() };
}

/**
 * Drizzle sends every query it has not been told to `.prepare()` as an unnamed statement, which the
 * server parses and plans again each time. Our SQL is built from a fixed set of shapes (lists go in as
 * one array parameter), so postgres.js' per-connection statement cache stays small: let it prepare
 * each shape once per connection. `DATABASE_PREPARE=false` turns it off for poolers that cannot
 * carry prepared statements across transactions.
 */
function preparingStatements(client: postgres.Sql): postgres.Sql {
  if (process.env.DATABASE_PREPARE === "false") return client;
  const send = client.unsafe;
  client.unsafe = (query, parameters, options) => send(query, parameters, { ...options, prepare: true });
  return client;
}
