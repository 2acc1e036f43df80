import type { Database } from "@meridian/db";
import type { TRPCError } from "@trpc/server";
import { readBodyText } from "../lib/limited-body";
import { RateLimitedError } from "./api-rate-limit";
import { runRestCall } from "./openapi-bridge";
import { openApiDocument, REST_BASE_PATH } from "./openapi-document";
import { methodsAllowedOn } from "./rest-routes";

/** The largest body a REST call may send: 1,000 actuals or check-ins take far less. */
export const MAX_REST_BODY_BYTES = 1024 * 1024;

const NO_STORE = { "cache-control": "no-store" };

/**
 * Answers `/api/v1/*`: the OpenAPI document, and every REST procedure through trpc-to-openapi.
 * The body is capped before it is parsed; every failure answers the one error body
 * (`{ code, message, errors }`, `ZRestError`), with `WWW-Authenticate` on a 401 and
 * `Retry-After` on a 429. An unexpected failure says nothing of its cause, which `onError` logs.
 */
export async function handleRestRequest(
  request: Request,
  db: Database,
  options: { onError?: (error: TRPCError, procedure: string | undefined) => void } = {},
): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === `${REST_BASE_PATH}/openapi.json`) {
    if (request.method !== "GET" && request.method !== "HEAD") {
      return errorResponse(405, "METHOD_NOT_SUPPORTED", "Use GET to read the OpenAPI document.", [], { allow: "GET" });
    }
    return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.method !== "DELETE";
  let body: unknown;
  if (hasBody) {
    const text = await readBodyText(request, MAX_REST_BODY_BYTES);
    if (text === null) {
      return errorResponse(413, "PAYLOAD_TOO_LARGE", "The body is larger than 1 MB: send fewer items per request.", []);
    }
    // Parsed only when it says it is JSON; otherwise the route answers 415.
    if (/^application\/json\s*(;|$)/i.test(request.headers.get("content-type") ?? "")) {
      try {
        body = JSON.parse(text);
      } catch {
        return errorResponse(400, "PARSE_ERROR", "The body is not valid JSON.", []);
      }
    }
  }
  const response = await runRestCall(request, REST_BASE_PATH, body, {
    context: {
      db,
      user: null,
      requestedOrganizationId: null,
      rest: { authorization: request.headers.get("authorization"), method: request.method, path: url.pathname },
    },
    responseMeta: ({ ctx, errors }) => {
      // A procedure that recorded something new says so (201); see `restCreates` in the meta.
      if (!errors.length) return ctx?.rest?.status ? { status: ctx.rest.status } : {};
      const cause = errors[0]?.cause;
      if (cause instanceof RateLimitedError) return { headers: { "retry-after": String(cause.retryAfterSeconds) } };
      if (errors[0]?.code === "UNAUTHORIZED") return { headers: { "www-authenticate": 'Bearer realm="meridian"' } };
      return {};
    },
    onError: options.onError,
  });
  return response.status >= 400 ? stableErrorBody(response, request) : withHeaders(response, NO_STORE);
}

interface LibraryErrorBody {
  code?: string;
  message?: string;
  issues?: { code: string; path: PropertyKey[]; message: string; keys?: string[] }[];
  data?: { fieldErrors?: Record<string, string[] | undefined> | null };
}

/** trpc-to-openapi's error answer, rewritten as ours: the same three fields on every error. */
async function stableErrorBody(response: Response, request: Request): Promise<Response> {
  const body = (await response.json().catch(() => ({}))) as LibraryErrorBody;
  const code = body.code ?? "INTERNAL_SERVER_ERROR";
  const headers = Object.fromEntries(response.headers);
  if (code === "NOT_FOUND" && body.message === "Not found") {
    const { pathname } = new URL(request.url);
    const allowed = methodsAllowedOn(pathname.slice(REST_BASE_PATH.length));
    if (allowed.length > 0) {
      const message = `${pathname} does not answer ${request.method}: use ${allowed.join(" or ")}.`;
      return errorResponse(405, "METHOD_NOT_SUPPORTED", message, [], { ...headers, allow: allowed.join(", ") });
    }
  }
  if (response.status >= 500 && code !== "SERVICE_UNAVAILABLE") {
    return errorResponse(response.status, code, "Something went wrong on our side. Try again later.", [], headers);
  }
  if (body.issues?.length) {
    const errors = body.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys" && issue.keys
        ? issue.keys.map((key) => ({ path: [...issue.path, key].join("."), message: `Unknown field '${key}'.` }))
        : [{ path: issue.path.map(String).join("."), message: issue.message }],
    );
    const message = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join(" ");
    return errorResponse(response.status, code, message, errors, headers);
  }
  const fieldErrors = Object.entries(body.data?.fieldErrors ?? {}).flatMap(([path, messages]) =>
    (messages ?? []).map((message) => ({ path, message })),
  );
  return errorResponse(response.status, code, libraryMessage(code, body.message, request), fieldErrors, headers);
}

/** The library's own English for the failures it finds before a procedure runs, in ours. */
function libraryMessage(code: string, message: string | undefined, request: Request): string {
  const { pathname } = new URL(request.url);
  if (code === "NOT_FOUND" && message === "Not found") return `No such route: ${request.method} ${pathname}.`;
  if (code === "PARSE_ERROR") return "The body is not valid JSON.";
  if (code === "UNSUPPORTED_MEDIA_TYPE") {
    return "Send the body as JSON, with the header 'Content-Type: application/json'.";
  }
  return message ?? "The request could not be answered.";
}

function errorResponse(
  status: number,
  code: string,
  message: string,
  errors: { path: string; message: string }[],
  headers: Record<string, string> = {},
): Response {
  const { "content-length": _, ...kept } = headers;
  return Response.json({ code, message, errors }, { status, headers: { ...kept, ...NO_STORE } });
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  const merged = new Headers(response.headers);
  for (const [key, value] of Object.entries(headers)) merged.set(key, value);
  return new Response(response.body, { status: response.status, headers: merged });
}
