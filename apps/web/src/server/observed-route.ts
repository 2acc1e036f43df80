import "server-only";
import { isDatabaseUnavailable, reportDatabaseUnavailable } from "@meridian/api/server";
import { logger, requestLog, withRequestLog } from "./log";
import { acceptRequestId, REQUEST_ID_HEADER } from "./request-id";
import { RETRY_AFTER_SECONDS, serviceUnavailable } from "./unavailable";

type RouteHandler<Rest extends unknown[]> = (request: Request, ...rest: Rest) => Response | Promise<Response>;

/**
 * Wraps a route handler: gives the request an id (the caller's X-Request-Id
 * when sane, else a new one) that every log line of the request carries and
 * the response returns; logs one line per request (method, path, status, ms);
 * turns a database that cannot be reached into our 503 with Retry-After,
 * and any other uncaught error into a logged 500 that says nothing of it.
 */
export function observed<Rest extends unknown[]>(handler: RouteHandler<Rest>): RouteHandler<Rest> {
  return async (request, ...rest) => {
    const requestId = acceptRequestId(request.headers.get(REQUEST_ID_HEADER));
    const log = logger.child({ reqId: requestId });
    const started = performance.now();
    const method = request.method;
    const path = new URL(request.url).pathname;
    let response: Response;
    try {
      response = await withRequestLog(log, () => handler(request, ...rest));
    } catch (error) {
      // Next's own control flow (redirect, notFound, dynamic rendering) travels as errors with a digest.
      if (error && typeof error === "object" && "digest" in error) throw error;
      if (isDatabaseUnavailable(error)) {
        log.warn({ method, path, err: error }, "database unavailable");
        response = serviceUnavailable(request, requestId);
      } else {
        log.error({ method, path, err: error }, "request failed");
        response = Response.json(
          { error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side.", requestId } },
          { status: 500 },
        );
      }
    }
    response = withHeader(response, REQUEST_ID_HEADER, requestId);
    if (response.status === 503) {
      // Pages get the 503 page at once from now on, until a probe finds the database back.
      reportDatabaseUnavailable();
      if (!response.headers.has("retry-after")) {
        response = withHeader(response, "retry-after", String(RETRY_AFTER_SECONDS));
      }
    }
    const ms = Math.round(performance.now() - started);
    const level = response.status >= 500 ? "warn" : "info";
    log[level]({ method, path, status: response.status, ms }, "request");
    return response;
  };
}

/** Sets a header, copying the response when its headers are immutable (a redirect, a fetched response). */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

export { requestLog };
