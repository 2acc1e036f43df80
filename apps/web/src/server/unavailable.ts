import { DATABASE_UNAVAILABLE_MESSAGE } from "@meridian/api/unavailable";

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Our own 503: JSON for API clients, a short page for a browser, both with
 * Retry-After. Answered at once, instead of a request hanging until a proxy
 * gives up, while the database cannot be reached.
 */
export function serviceUnavailable(request: Request, requestId: string): Response {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  if ((request.headers.get("accept") ?? "").includes("text/html")) {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Meridian is briefly unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>Meridian is briefly unavailable</h1><p>${DATABASE_UNAVAILABLE_MESSAGE}</p><p>This page can be reloaded in ${RETRY_AFTER_SECONDS} seconds. Reference: <code>${requestId}</code></p></body></html>`;
    return new Response(page, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
  }
  return Response.json(
    { error: { code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, requestId } },
    { status: 503, headers },
  );
}
