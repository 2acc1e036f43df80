import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { checkMutationOrigin, type Refusal, refusal } from "./request-guard";
import { formatBytes, IMPORT_PROCEDURES, type RequestLimits, readBodyText } from "./request-limits";

export const TRPC_ENDPOINT = "/api/trpc";

/**
 * Everything /api/trpc checks before tRPC sees a request, so that no call
 * runs for a request that is too large, too long, foreign or malformed, and
 * every refusal says what is wrong in words of ours:
 *
 * - GET (queries) and POST (mutations) only;
 * - a mutation comes from the app's own origin, as JSON (request-guard.ts);
 * - a batch holds at most `maxBatchCalls` calls;
 * - a body holds at most `maxBodyBytes` (a file import `maxImportBodyBytes`), checked from
 *   Content-Length and while it streams in, and is valid JSON;
 * - a GET's `input` parameter is valid JSON;
 * - a batch's input is an object with an entry per call, keyed by its position.
 *
 * Returns the request to hand to tRPC (its body already read, so tRPC reads
 * only what was checked), or the refusal to answer with.
 */
export async function checkTrpcRequest(request: Request, limits: RequestLimits): Promise<Request | Response> {
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const refuse = (refused: Refusal) => trpcRefusal(refused, hasBody);
  if (request.method !== "GET" && request.method !== "POST") {
    return refuse(refusal(405, "METHOD_NOT_SUPPORTED", "Use GET for queries and POST for mutations."));
  }
  const foreign = checkMutationOrigin(request);
  if (foreign) return refuse(foreign);

  const url = new URL(request.url);
  const paths = procedurePaths(url);
  if (paths === null) return refuse(refusal(400, "BAD_REQUEST", "The procedure's name in the address is not valid."));
  const isBatch = url.searchParams.get("batch") === "1";
  if (isBatch && paths.length > limits.maxBatchCalls) {
    return refuse(
      refusal(
        400,
        "BAD_REQUEST",
        `A batch holds at most ${limits.maxBatchCalls} calls; this one has ${paths.length}. Split it.`,
      ),
    );
  }

  if (request.method === "GET") {
    const input = url.searchParams.get("input");
    if (input === null) return request;
    const parsed = parseJson(input);
    if (!parsed.ok) return refuse(refusal(400, "BAD_REQUEST", "The input query parameter is not valid JSON."));
    const shape = isBatch ? checkBatchInput(parsed.value, paths.length) : null;
    return shape ? refuse(shape) : request;
  }

  const limit = paths.some((p) => IMPORT_PROCEDURES.has(p)) ? limits.maxImportBodyBytes : limits.maxBodyBytes;
  const text = await readBodyText(request, limit);
  if (text === null) {
    return refuse(
      refusal(413, "PAYLOAD_TOO_LARGE", `The request is larger than ${formatBytes(limit)}: send less at a time.`),
    );
  }
  // From here on the body has been read to its end: the connection may stay open.
  const parsed = parseJson(text);
  if (!parsed.ok) return trpcRefusal(refusal(400, "BAD_REQUEST", "The request body is not valid JSON."), false);
  const shape = isBatch ? checkBatchInput(parsed.value, paths.length) : null;
  if (shape) return trpcRefusal(shape, false);
  return new Request(request.url, { method: "POST", headers: request.headers, body: text, signal: request.signal });
}

/** The procedure paths a request names, as tRPC reads them ("a.b,c.d" in a batch), or null if undecodable. */
function procedurePaths(url: URL): string[] | null {
  const raw = url.pathname.slice(TRPC_ENDPOINT.length).replace(/^\/+|\/+$/g, "");
  try {
    return decodeURIComponent(raw).split(",");
  } catch {
    return null;
  }
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * A batch's input is an object keyed "0", "1", … by each call's position. An
 * entry may be missing (the client leaves out a call without input); a key
 * that names no call of the batch is refused.
 */
function checkBatchInput(input: unknown, calls: number): Refusal | null {
  const wrong = refusal(
    400,
    "BAD_REQUEST",
    "A batch's input must be a JSON object with one entry per call, keyed 0, 1, 2, …",
  );
  if (typeof input !== "object" || input === null || Array.isArray(input)) return wrong;
  for (const key of Object.keys(input)) {
    if (!INDEX.test(key) || Number(key) >= calls) return wrong;
  }
  return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * A refusal in tRPC's own error shape, so the app's client shows its message
 * as it shows any other error (the batch link gives it to every call of a batch).
 * `unread`: the body was not read to its end, so the connection is closed.
 */
export function trpcRefusal(refused: Refusal, unread: boolean): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (refused.status === 405) headers.allow = "GET, POST";
  if (unread) headers.connection = "close";
  return Response.json(
    {
      error: {
        message: refused.message,
        code: TRPC_ERROR_CODES_BY_KEY[refused.code],
        data: { code: refused.code, httpStatus: refused.status },
      },
    },
    { status: refused.status, headers },
  );
}
