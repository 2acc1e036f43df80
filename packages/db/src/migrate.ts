import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Database } from "./client";
import { migrationsFolder } from "./paths";

// Arbitrary constant: the advisory lock that serializes migrations across app instances.
const MIGRATION_LOCK = 727_274_001;

/**
 * Applies the committed SQL migrations that have not run yet. Both drivers
 * share this path, so PGlite and the server end with the same schema.
 * Every step runs in one transaction holding an advisory lock, so two
 * instances starting together cannot apply a migration twice.
 */
export async function migrate(db: Database, folder = migrationsFolder()): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create schema if not exists meridian_meta`);
    await tx.execute(
      sql`create table if not exists meridian_meta.migrations (hash text primary key, created_at bigint not null, applied_at timestamptz not null default now())`,
    );
    const applied = await tx.execute(sql`select hash from meridian_meta.migrations`);
    const done = new Set(rows<{ hash: string }>(applied).map((r) => r.hash));
    let count = 0;
    for (const migration of migrations) {
      if (done.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into meridian_meta.migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      count++;
    }
    return count;
  });
}

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
export function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * How many committed migrations this database has not applied: 0 when it is
 * up to date (readiness requires that), all of them on an empty database.
 */
export async function pendingMigrations(db: Database, folder = migrationsFolder()): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: folder });
  const [table] = rows<{ present: boolean }>(
    await db.execute(sql`select to_regclass('meridian_meta.migrations') is not null as present`),
  );
  if (!table?.present) return migrations.length;
  const applied = await db.execute(sql`select hash from meridian_meta.migrations`);
  const done = new Set(rows<{ hash: string }>(applied).map((r) => r.hash));
  return migrations.filter((m) => !done.has(m.hash)).length;
}
