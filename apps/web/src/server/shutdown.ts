import { closeDatabase } from "@meridian/api/server";
import type { Logger } from "pino";
import { logger } from "./log";

/** How long in-flight requests may take to finish after SIGTERM before the process gives up on them. */
const DRAIN_LIMIT_MS = 25_000;
/** How long closing the database may take (the server pool itself gives statements 5 s, then ends them). */
const CLOSE_LIMIT_MS = 7_000;

const globalForShutdown = globalThis as unknown as { __meridianShutdownInstalled?: boolean };

/**
 * Graceful shutdown under `next start`. Next handles SIGTERM and SIGINT
 * itself: it stops accepting connections, waits for the requests in flight to
 * be answered, then calls `process.exit(143)` (130 for SIGINT). We step in at
 * that exit: close the database (the server pool ends its connections; PGlite
 * flushes its folder), log, and exit 0, a clean stop for an orchestrator. If
 * the requests do not finish within 25 s, the process closes and exits 1.
 */
export function installGracefulShutdown(log: Logger = logger): void {
  if (globalForShutdown.__meridianShutdownInstalled) return;
  globalForShutdown.__meridianShutdownInstalled = true;
  const exit = process.exit.bind(process);
  let stopping = false;
  let finishing = false;

  async function finish(code: number) {
    if (finishing) return;
    finishing = true;
    try {
      await withinMs(closeDatabase(), CLOSE_LIMIT_MS);
      log.info({ exitCode: code }, "database closed; exiting");
    } catch (error) {
      log.error({ err: error }, "database did not close cleanly; exiting");
      code = code || 1;
    }
    exit(code);
  }

  function onSignal(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down: accepting no new connections, finishing the requests in flight");
    process.exit = ((code?: number | string | null) => {
      const asked = Number(code ?? 0);
      // Next's own exit after a signal (128 + signal number) means it finished cleanly.
      void finish(asked === 143 || asked === 130 ? 0 : asked);
    }) as typeof process.exit;
    setTimeout(() => {
      log.error({ limitMs: DRAIN_LIMIT_MS }, "requests still in flight at the drain limit; exiting anyway");
      void finish(1);
    }, DRAIN_LIMIT_MS).unref();
  }

  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
