import { type Database, isDatabaseUnavailable } from "@meridian/db";
import type { ApiScope } from "@meridian/domain";
import type { z } from "zod";
import { AppError } from "../../lib/errors";
import { readBodyText } from "../../lib/limited-body";
import { type ApiCall, type ApiCallToken, admitApiCall, recordApiCall } from "../../rest/api-call-log";
import { RateLimitedError } from "../../rest/api-rate-limit";
import { findLiveApiToken, requireApiScope } from "../../rest/api-token-auth";

/** The largest body a push may have; 1,000 actuals take far less. */
export const MAX_INGEST_BODY_BYTES = 1024 * 1024;

/** A JSON answer that no cache keeps. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });

/** The live API token a push carries: it acts for its organization, with no person as the actor. */
export type IngestToken = ApiCallToken;

/** A refusal from the shared token checks, as a push answers it: `{ error }`, with the headers it needs. */
function refusal(error: AppError): Response {
  if (error instanceof RateLimitedError) {
    return json(429, { error: error.message }, { "retry-after": String(error.retryAfterSeconds) });
  }
  if (error.code === "UNAUTHORIZED") {
    return json(401, { error: error.message }, { "www-authenticate": 'Bearer realm="meridian"' });
  }
  return json(error.code === "FORBIDDEN" ? 403 : 400, { error: error.message });
}

/** The audit log's outcome for a push's answer: the tRPC code of its status, as REST calls record. */
const OUTCOMES: Record<number, string> = {
  200: "OK",
  400: "BAD_REQUEST",
  403: "FORBIDDEN",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
  500: "INTERNAL_SERVER_ERROR",
};

/** The body parsed as JSON, or the 415, 413 or 400 that refuses it. */
export async function readJsonBody(request: Request): Promise<{ body: unknown } | Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return json(415, { error: "Send the body as JSON, with the header 'Content-Type: application/json'." });
  }
  const text = await readBodyText(request, MAX_INGEST_BODY_BYTES);
  if (text === null) {
    return json(413, { error: "The body is larger than 1 MB: send at most 1,000 actuals per request." });
  }
  try {
    return { body: JSON.parse(text) };
  } catch {
    return json(400, { error: "The body is not valid JSON." });
  }
}

/**
 * One push endpoint (`POST path`): a live API token of the organization (401 when missing, unknown,
 * revoked or expired), counted against its rate limit (429 with Retry-After), holding `scope` (403),
 * then a capped JSON body checked by `schema` (a 400 naming each field), then `apply`. Every call with
 * a live token is written to the audit log with its outcome, as REST calls are (ADR 0025); the push
 * itself acts for the organization, with no person as its actor. A database that cannot be reached is
 * rethrown for the web tier's 503; any other failure answers JSON without details (SQL, parameters),
 * which go to the server log.
 */
export function ingestEndpoint<S extends z.ZodType>(endpoint: {
  path: string;
  /** What is pushed, for the 405's message ("actuals"). */
  what: string;
  /** The scope a token needs to push here. */
  scope: ApiScope;
  schema: S;
  apply: (db: Database, token: IngestToken, data: z.output<S>) => Promise<Response>;
}): (request: Request, db: Database) => Promise<Response> {
  const procedure = endpoint.path.replace(/^\/api\//, "").replaceAll("/", ".");
  return async (request, db) => {
    let token: IngestToken | null = null;
    let answer: Response | null = null;
    const call: ApiCall = { method: request.method, path: endpoint.path, procedure, actorId: null };
    try {
      if (request.method !== "POST") {
        return json(405, { error: `Use POST to push ${endpoint.what}.` }, { allow: "POST" });
      }
      const live = await findLiveApiToken(db, request.headers.get("authorization"));
      const tokenOfCall: IngestToken = {
        id: live.id,
        organizationId: live.organizationId,
        name: live.name,
        prefix: live.prefix,
      };
      await admitApiCall(db, tokenOfCall, call);
      // Counted and admitted: from here every answer is in the audit log.
      token = tokenOfCall;
      requireApiScope(live, endpoint.scope);
      answer = await pushWith(request, db, token, endpoint);
      return answer;
    } catch (error) {
      if (error instanceof AppError) {
        answer = refusal(error);
        return answer;
      }
      if (isDatabaseUnavailable(error)) throw error;
      console.error(`POST ${endpoint.path} failed`, error);
      answer = json(500, { error: "Something went wrong on our side. Try again later." });
      return answer;
    } finally {
      if (token) {
        const outcome = OUTCOMES[answer?.status ?? 500] ?? "INTERNAL_SERVER_ERROR";
        await recordApiCall(db, token, { ...call, outcome }).catch((failure: unknown) =>
          console.error("recording an API call failed", failure),
        );
      }
    }
  };
}

/** The body read and checked, then applied: the part of a push after its token passed. */
async function pushWith<S extends z.ZodType>(
  request: Request,
  db: Database,
  token: IngestToken,
  endpoint: { schema: S; apply: (db: Database, token: IngestToken, data: z.output<S>) => Promise<Response> },
): Promise<Response> {
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;
  const parsed = endpoint.schema.safeParse(read.body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const error = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join(" ");
    return json(400, { error, errors });
  }
  return endpoint.apply(db, token, parsed.data);
}
