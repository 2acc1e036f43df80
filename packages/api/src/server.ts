import { hashPassword } from "@meridian/auth/password";
import { type Database, type DatabaseHandle, migrate, openDatabase } from "@meridian/db";
import { demoOrganizationExists } from "@meridian/db/seed";
import { type DemoEnv, demoMode, demoWarning } from "./modules/demo/demo-mode";
import { seedDemoIfEmpty } from "./modules/demo/seed-demo";
import { refreshStaleRollups } from "./modules/okr/objective-rollup";

interface Ready {
  handle: DatabaseHandle;
  ready: Promise<Database>;
}

const globalForDb = globalThis as unknown as { __meridianDatabase?: Ready };

/**
 * The process-wide database, migrated and (in demo mode, on an empty
 * database) seeded with the demo organization before first use. One instance
 * per process: a PGlite folder must never be opened twice.
 */
export function getDatabase(): Promise<Database> {
  if (!globalForDb.__meridianDatabase) {
    const handle = openDatabase({ url: process.env.DATABASE_URL });
    const ready = (async () => {
      await prepareDatabase(handle.db);
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

/**
 * What a start does to the database before the first request: migrations, the
 * demo when demo mode is on (`demoMode`), the rollups still stale, and a loud
 * warning when a production server holds the demo accounts.
 */
export async function prepareDatabase(
  db: Database,
  { env = process.env, warn = console.warn }: { env?: DemoEnv; warn?: (message: string) => void } = {},
): Promise<void> {
  await migrate(db);
  if (demoMode(env)) await seedDemoIfEmpty(db, { hashPassword });
  await refreshStaleRollups(db);
  const warning = demoWarning(env, await demoOrganizationExists(db));
  if (warning) warn(warning);
}
