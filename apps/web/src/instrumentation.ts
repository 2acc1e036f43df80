import type { Instrumentation } from "next";

/**
 * Runs once when the server starts: fail fast on a missing production secret
 * or a malformed TRUSTED_PROXIES, install the graceful shutdown, and migrate (and on first start seed) the
 * database before the first request. A database that cannot be reached at
 * start does not stop the server: it answers 503 (and /api/ready says so)
 * until the database is back, and the first request after that migrates. Then the
 * notification worker starts in this process (unless MERIDIAN_WORKER=0).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { authSecret, parseTrustedProxies } = await import("@meridian/auth");
  const { getDatabase, isDatabaseUnavailable, startBackgroundJobs } = await import("@meridian/api/server");
  const { logger } = await import("./server/log");
  const { installGracefulShutdown } = await import("./server/shutdown");
  authSecret();
  parseTrustedProxies(process.env.TRUSTED_PROXIES);
  installGracefulShutdown();
  try {
    await getDatabase();
    logger.info("database ready");
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.error({ err: error }, "database unreachable at start; answering 503 until it is back");
  }
  // Reminders, digests and email delivery (ADR 0021); MERIDIAN_WORKER=0 leaves them to other instances.
  startBackgroundJobs((message, detail) => logger.info(detail ?? {}, message));
}

/** Errors Next catches while rendering a page or running a route, logged with the request's id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./server/log");
  const { isDatabaseUnavailable, reportDatabaseUnavailable } = await import("@meridian/api/server");
  if (isDatabaseUnavailable(error)) reportDatabaseUnavailable();
  const header = request.headers["x-request-id"];
  logger.error(
    {
      reqId: Array.isArray(header) ? header[0] : header,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "request failed",
  );
};
