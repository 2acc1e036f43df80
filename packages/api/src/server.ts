import { hashPassword } from "@meridian/auth/password";
import { type Database, type DatabaseHandle, migrate, openDatabase, pendingMigrations } from "@meridian/db";
import { seedDemoIfEmpty } from "./modules/demo/seed-demo";
import { refreshStaleRollups } from "./modules/okr/objective-rollup";

interface Ready {
  handle: DatabaseHandle;
  ready: Promise<Database>;
}

const globalForDb = globalThis as unknown as { __meridianDatabase?: Ready };

/**
 * The process-wide database, migrated and (on an empty database) seeded with
 * the demo organization before first use. One instance per process: a PGlite
 * folder must never be opened twice.
 */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.__meridianDatabase) {
    const handle = openDatabase({ url: process.env.DATABASE_URL });
    const ready = (async () => {
      await migrate(handle.db);
      if (process.env.MERIDIAN_SEED_DEMO !== "false") await seedDemoIfEmpty(handle.db, { hashPassword });
      await refreshStaleRollups(handle.db);
      return handle.db;
    })();
    // A failed start must not be cached forever: the next request tries again.
    ready.catch(() => {
      if (globalForDb.__meridianDatabase?.ready === ready) globalForDb.__meridianDatabase = undefined;
      void handle.close().catch(() => {});
    });
    globalForDb.__meridianDatabase = { handle, ready };
  }
  return globalForDb.__meridianDatabase.ready;
}

/** What `/api/ready` reports: ready means the database answers and every committed migration is applied. */
export interface Readiness {
  ready: boolean;
  database: "up" | "down";
  driver: "postgres" | "pglite" | null;
  /** Committed migrations not applied yet; null while the database cannot be asked. */
  pendingMigrations: number | null;
}

/**
 * Asks the database, within `timeoutMs`, whether it answers and is fully
 * migrated. Never throws and never hangs: a load balancer polls this.
 */
export async function checkReadiness(timeoutMs = 2_500): Promise<Readiness> {
  const down: Readiness = { ready: false, database: "down", driver: null, pendingMigrations: null };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve(down), timeoutMs);
  });
  const check = (async (): Promise<Readiness> => {
    const db = await getDatabase();
    const pending = await pendingMigrations(db);
    const driver = globalForDb.__meridianDatabase?.handle.driver ?? null;
    return { ready: pending === 0, database: "up", driver, pendingMigrations: pending };
  })().catch(() => down);
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes the process-wide database (the server pool waits up to 5 s for
 * statements in flight; PGlite flushes its folder). For a graceful shutdown,
 * after the HTTP server has finished its requests.
 */
export async function closeDatabase(): Promise<void> {
  const current = globalForDb.__meridianDatabase;
  if (!current) return;
  globalForDb.__meridianDatabase = undefined;
  await current.handle.close();
}

/** For the web tier's routes: whether an error means the database cannot serve right now (a 503). */
export { isDatabaseUnavailable } from "@meridian/db";
