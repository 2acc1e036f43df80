/**
 * Whether an error means the database cannot serve right now (down,
 * restarting, unreachable, refusing connections, or too slow), as opposed
 * to a bug or bad input. The API answers these with 503 and Retry-After
 * instead of 500: the request may well succeed when retried.
 *
 * Walks the `cause` chain (Drizzle wraps driver errors) and the `errors` of an
 * AggregateError (a connection attempt to several addresses).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const e = pending.pop();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && isUnavailableCode(code)) return true;
    pending.push((e as { cause?: unknown }).cause);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}

/** Socket errors of Node and the connection errors postgres.js raises itself. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
]);

/** SQLSTATEs (PostgreSQL appendix A) that say the server, not the statement, is the trouble. */
const SERVER_STATES = new Set([
  "57P01", // admin_shutdown: the server is stopping, or the backend was terminated
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: still starting up or in recovery
  "57014", // query_canceled: statement_timeout ran out
  "53300", // too_many_connections
  "53000", // insufficient_resources
]);

function isUnavailableCode(code: string): boolean {
  // Class 08: connection exception.
  return CONNECTION_CODES.has(code) || SERVER_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}
