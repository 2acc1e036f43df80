import { CLIENT_BATCH_MAX_CALLS } from "~/trpc/limits";

/**
 * How much one request may ask of the server. Each can be set in the
 * environment (a whole number); docs/security.md lists them.
 */
export interface RequestLimits {
  /** The largest body of a tRPC call or of POST /api/organization: MERIDIAN_MAX_BODY_BYTES. */
  maxBodyBytes: number;
  /** The largest body of a call that carries a file (the CSV import): MERIDIAN_MAX_IMPORT_BODY_BYTES. */
  maxImportBodyBytes: number;
  /** The most calls in one tRPC batch: MERIDIAN_MAX_BATCH_CALLS, never below what the app's own client sends. */
  maxBatchCalls: number;
}

const MB = 1024 * 1024;

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxBodyBytes: MB,
  // A 2 MB CSV file (the import's own limit), JSON-escaped, with room to spare.
  maxImportBodyBytes: 5 * MB,
  maxBatchCalls: CLIENT_BATCH_MAX_CALLS,
};

/** The procedures whose input carries a file, and so may use the larger import cap. */
export const IMPORT_PROCEDURES: ReadonlySet<string> = new Set(["kpiActuals.import"]);

export function requestLimitsFrom(env: Record<string, string | undefined>): RequestLimits {
  const d = DEFAULT_REQUEST_LIMITS;
  const maxBodyBytes = positiveInteger(env.MERIDIAN_MAX_BODY_BYTES) ?? d.maxBodyBytes;
  return {
    maxBodyBytes,
    maxImportBodyBytes: Math.max(
      positiveInteger(env.MERIDIAN_MAX_IMPORT_BODY_BYTES) ?? d.maxImportBodyBytes,
      maxBodyBytes,
    ),
    maxBatchCalls: Math.max(positiveInteger(env.MERIDIAN_MAX_BATCH_CALLS) ?? d.maxBatchCalls, CLIENT_BATCH_MAX_CALLS),
  };
}

let cached: RequestLimits | undefined;
/** The limits of this server, read from the environment once. */
export function requestLimits(): RequestLimits {
  cached ??= requestLimitsFrom(process.env);
  return cached;
}

function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  if (Number.isSafeInteger(n) && n > 0) return n;
  console.warn(`Ignoring a request limit that is not a positive whole number: ${JSON.stringify(value)}`);
  return undefined;
}

/** "1 MB", "512 KB", "300 bytes": a size as the messages say it. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes.toLocaleString("en")} bytes`;
}

export { readBodyText } from "@meridian/api/limited-body";

/**
 * An answer given before the request's body was read to its end also closes
 * the connection: kept alive, the server would go on reading (and discarding)
 * whatever the client still sends, 200 MB or more.
 */
export function closingConnection(response: Response): Response {
  response.headers.set("connection", "close");
  return response;
}

/**
 * The request with its body watched, so that a route whose handler reads the
 * body itself can tell afterwards whether it was read to the end.
 */
export function watchBody(request: Request): { request: Request; readToEnd: () => boolean } {
  if (!request.body) return { request, readToEnd: () => true };
  let ended = false;
  const body = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      flush() {
        ended = true;
      },
    }),
  );
  const watched = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    // Node's fetch needs this for a streamed request body.
    duplex: "half",
  } as RequestInit);
  return { request: watched, readToEnd: () => ended };
}
