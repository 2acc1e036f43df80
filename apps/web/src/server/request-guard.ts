/**
 * Mutations are accepted only as JSON from the app's own origin, which stops
 * cross-site form posts and other sites' scripts before any procedure runs.
 * Returns the refusal, or null when the request may go on.
 */
export function refuseForeignMutation(request: Request): Response | null {
  if (request.method !== "POST") return null;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let sameOrigin = false;
  try {
    sameOrigin = origin !== null && host !== null && new URL(origin).host === host;
  } catch {
    sameOrigin = false;
  }
  if (!sameOrigin) return json(403, "Cross-origin requests are not accepted.");
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    return json(415, "Send the request body as application/json.");
  }
  return null;
}

function json(status: number, message: string): Response {
  return Response.json({ error: { message } }, { status });
}
