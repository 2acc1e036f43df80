import { type NextRequest, NextResponse } from "next/server";
import { acceptRequestId, REQUEST_ID_HEADER } from "~/server/request-id";

/**
 * Every request, page or API, carries a request id from here on: the
 * caller's X-Request-Id when it is a sane short token, else a new one. The
 * app reads it from the request (route logs, error logs) and the response
 * returns it, so a user's report and a log line can be matched.
 */
export function proxy(request: NextRequest) {
  const requestId = acceptRequestId(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  // Static build output needs no id.
  matcher: ["/((?!_next/static|_next/image|icon.svg).*)"],
};
