import { hashPassword } from "@meridian/auth/password";
import { type Database, type DatabaseHandle, migrate, openDatabase } from "@meridian/db";
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
