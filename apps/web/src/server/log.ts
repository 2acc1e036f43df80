import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Keys whose values never reach the log, at the top level or one level down
 * (`{ password }`, `{ input: { password } }`, `{ headers: { cookie } }`).
 */
const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "confirmPassword",
  "temporaryPassword",
  "token",
  "apiToken",
  "accessToken",
  "refreshToken",
  "secret",
  "csrfToken",
  "authorization",
  "cookie",
];
export const REDACT_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];
export const REDACTED = "[redacted]";

/**
 * Text of an error that may carry secrets: a bearer token or password in a
 * message, and the bound parameters Drizzle appends to a failed query's
 * message (emails, hashes, tokens). The SQL itself stays: it is ours.
 */
export function scrubText(text: string): string {
  return text
    .replace(/\nparams: .*$/gm, `\nparams: ${REDACTED}`)
    .replace(/(bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`)
    .replace(/((?:password|secret|token)[a-z_]*["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi, `$1${REDACTED}`);
}

interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggedError | string;
}

/**
 * Errors as logged: name, message, code, stack and cause, each scrubbed; never
 * the error's other fields (Drizzle's `params`, a driver's `parameters`).
 */
export function serializeError(error: unknown, depth = 0): LoggedError | string {
  if (!(error instanceof Error)) return scrubText(String(error));
  const code = (error as { code?: unknown }).code;
  const out: LoggedError = { type: error.name, message: scrubText(error.message) };
  if (typeof code === "string" || typeof code === "number") out.code = String(code);
  if (error.stack) out.stack = scrubText(error.stack);
  if (error.cause !== undefined && depth < 4) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/**
 * One JSON object per line on stdout: `level`, `time` (ISO), `msg`, and for a
 * request `reqId`, `method`, `path` (never the query string), `status`, `ms`.
 * `LOG_LEVEL` sets the threshold (info by default).
 */
export function createLogger(destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "meridian-web" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLog = globalThis as unknown as { __meridianLogger?: Logger };
/** The process's logger (one per process, however many bundles import this). */
globalForLog.__meridianLogger ??= createLogger();
export const logger: Logger = globalForLog.__meridianLogger;

const requestScope = new AsyncLocalStorage<Logger>();

/** Runs `fn` with `log` as the logger of the current request. */
export function withRequestLog<T>(log: Logger, fn: () => T): T {
  return requestScope.run(log, fn);
}

/** The current request's logger (carrying its `reqId`), or the process's outside a request. */
export function requestLog(): Logger {
  return requestScope.getStore() ?? logger;
}
