/**
 * Why a request is refused before any procedure runs: an HTTP status, the
 * matching tRPC error code, and a message for the person or program that sent it.
 */
export interface Refusal {
  status: number;
  code:
    | "BAD_REQUEST"
    | "FORBIDDEN"
    | "METHOD_NOT_SUPPORTED"
    | "PAYLOAD_TOO_LARGE"
    | "UNSUPPORTED_MEDIA_TYPE"
    | "INTERNAL_SERVER_ERROR";
  message: string;
}

export const refusal = (status: number, code: Refusal["code"], message: string): Refusal => ({ status, code, message });

/**
 * The app's own origin (scheme, host and port), from its configured address:
 * NEXTAUTH_URL, which next-auth uses for its own links too. Never taken from a
 * request's Host or X-Forwarded-* headers, which the client chooses.
 */
export function configuredOrigin(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.NEXTAUTH_URL;
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

let warnedUnconfigured = false;

/**
 * Mutations are accepted only as JSON from the app's own origin, which stops
 * cross-site form posts and other sites' scripts before any procedure runs.
 * The Origin header must equal the configured origin exactly: another scheme,
 * host or port is another site. Returns the refusal, or null when the request may go on.
 */
export function checkMutationOrigin(request: Request, appOrigin = configuredOrigin()): Refusal | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  if (appOrigin === null) {
    if (!warnedUnconfigured) {
      warnedUnconfigured = true;
      console.error("Refusing every mutation: set NEXTAUTH_URL to the address people open the app at.");
    }
    return refusal(500, "INTERNAL_SERVER_ERROR", "The server's address is not configured, so it accepts no changes.");
  }
  if (request.headers.get("origin") !== appOrigin) {
    return refusal(403, "FORBIDDEN", "Cross-origin requests are not accepted.");
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return refusal(415, "UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
  }
  return null;
}

/** The origin check for the app's routes other than tRPC, answered as `{ error: { message } }`. */
export function refuseForeignMutation(request: Request): Response | null {
  const refused = checkMutationOrigin(request);
  return refused ? plainRefusal(refused, { connection: "close" }) : null;
}

export function plainRefusal(refused: Refusal, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { message: refused.message } }, { status: refused.status, headers });
}
