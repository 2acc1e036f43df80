import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { dataDir } from "./paths";
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
}

export function openDatabase(options: OpenOptions = {}): DatabaseHandle {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
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
  const client = new PGlite(dir);
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
