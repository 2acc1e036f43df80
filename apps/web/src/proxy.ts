import { type NextRequest, NextResponse } from "next/server";
import { acceptRequestId, REQUEST_ID_HEADER } from "~/server/request-id";
import { serviceUnavailable } from "~/server/unavailable";

/**
 * The process-wide database health the app keeps (`reportDatabaseUnavailable`
 * in @meridian/api/server): while the database is known to be down, a page
 * gets our 503 page at once instead of a server error after the render failed.
 * Only read here; when absent (a proxy run apart from the app), pages render.
 */
function databaseDown(): boolean {
  return (globalThis as { __meridianDatabaseHealth?: { down: boolean } }).__meridianDatabaseHealth?.down === true;
}

function isPage(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    !pathname.startsWith("/api/") &&
    (request.headers.get("accept") ?? "").includes("text/html")
  );
}

/**
 * Every page request carries a request id from here on (API routes take theirs in `observed()`): the
 * caller's X-Request-Id when it is a sane short token, else a new one. The
 * app reads it from the request (route logs, error logs) and the response
 * returns it, so a user's report and a log line can be matched.
 */
export function proxy(request: NextRequest) {
  const requestId = acceptRequestId(request.headers.get(REQUEST_ID_HEADER));
  if (isPage(request) && databaseDown()) {
    const refused = serviceUnavailable(request, requestId);
    refused.headers.set(REQUEST_ID_HEADER, requestId);
    return refused;
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Static build output needs no id. API routes give their own (`observed()`, the same rule) and must
  // not pass through here: a proxy makes Next read a request's whole body before the route sees it,
  // which would defeat the body caps (request-limits.ts).
  matcher: ["/((?!api/|_next/static|_next/image|icon.svg).*)"],
};
