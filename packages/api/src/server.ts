import { hashPassword } from "@meridian/auth/password";
import { type Database, type DatabaseHandle, migrate, openDatabase, pendingMigrations } from "@meridian/db";
import { demoOrganizationExists } from "@meridian/db/seed";
import type { NotificationWorker } from "./jobs/worker";
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
  databaseHealth().closed = true;
  // The jobs first: a tick in flight finishes (or is handed back to the queue) while its database is open.
  await stopBackgroundJobs();
  const current = globalForDb.__meridianDatabase;
  if (!current) return;
  globalForDb.__meridianDatabase = undefined;
  await current.handle.close();
}

/** For the web tier's routes: whether an error means the database cannot serve right now (a 503). */
export { isDatabaseUnavailable } from "@meridian/db";

/** Whether the database is known to be unreachable right now; process-wide, read by the web tier's proxy. */
export interface DatabaseHealth {
  down: boolean;
  probing: boolean;
  closed: boolean;
}

const globalForHealth = globalThis as unknown as { __meridianDatabaseHealth?: DatabaseHealth };

export function databaseHealth(): DatabaseHealth {
  globalForHealth.__meridianDatabaseHealth ??= { down: false, probing: false, closed: false };
  return globalForHealth.__meridianDatabaseHealth;
}

/** Milliseconds between probes of a database marked down. */
const PROBE_INTERVAL_MS = 500;

/**
 * A request just failed on an unreachable database: mark it down (pages then
 * get the 503 page at once instead of failing one by one) and probe it every
 * half second until it answers, then mark it up again. One probe loop per
 * process; it stops when the database is closed for shutdown.
 */
export function reportDatabaseUnavailable(): void {
  const health = databaseHealth();
  if (health.closed) return;
  health.down = true;
  if (health.probing) return;
  health.probing = true;
  void (async () => {
    while (!health.closed) {
      await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS).unref());
      if (health.closed) break;
      if ((await checkReadiness(2_000)).database === "up") break;
    }
    health.down = false;
    health.probing = false;
  })();
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

const globalForJobs = globalThis as unknown as {
  __meridianJobs?: { worker: Promise<NotificationWorker | null>; stopped: boolean };
};

/**
 * Starts this process's notification worker (ADR 0021), once, unless
 * MERIDIAN_WORKER=0: on the server with pg-boss's own small pool, on PGlite
 * through the app's one connection. A start that fails (the database is down,
 * another instance installs pg-boss's schema at the same moment) is retried
 * every 30 s until it succeeds or the process stops; the app serves meanwhile.
 */
export function startBackgroundJobs(log: (message: string, detail?: Record<string, unknown>) => void): void {
  if (process.env.MERIDIAN_WORKER === "0" || globalForJobs.__meridianJobs) return;
  const state = { stopped: false, worker: Promise.resolve<NotificationWorker | null>(null) };
  globalForJobs.__meridianJobs = state;
  state.worker = (async () => {
    const { startNotificationWorker } = await import("./jobs/worker");
    while (!state.stopped) {
      try {
        const db = await getDatabase();
        const driver = globalForDb.__meridianDatabase?.handle.driver ?? "pglite";
        const worker = await startNotificationWorker({ db, driver, databaseUrl: process.env.DATABASE_URL, log });
        log("notification worker started", { driver, email: Boolean(process.env.SMTP_URL?.trim()) });
        if (state.stopped) await worker.stop();
        return worker;
      } catch (error) {
        log("notification worker did not start; trying again in 30 s", { err: error });
        await new Promise((r) => setTimeout(r, 30_000).unref());
      }
    }
    return null;
  })();
}

/** Stops the worker gracefully (the tick in flight finishes, up to 4 s); for shutdown, before the database closes. */
export async function stopBackgroundJobs(): Promise<void> {
  const state = globalForJobs.__meridianJobs;
  if (!state) return;
  state.stopped = true;
  globalForJobs.__meridianJobs = undefined;
  const worker = await Promise.race([state.worker, new Promise<null>((r) => setTimeout(() => r(null), 1_500).unref())]);
  await worker?.stop();
}
