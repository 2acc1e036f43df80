import { apiTokens, type Database, eq } from "@meridian/db";
import { readBodyText } from "../../lib/limited-body";
import { bearerToken, hashApiToken } from "./api-token";

/** The largest body a push may have; 1,000 actuals take far less. */
export const MAX_INGEST_BODY_BYTES = 1024 * 1024;

/** A JSON answer that no cache keeps. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });

const unauthorized = (error: string) => json(401, { error }, { "www-authenticate": 'Bearer realm="meridian"' });

/** The live API token a request carries, with the organization it acts for. */
export interface IngestToken {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
}

/** The request's token, or the 401 that says what is wrong with it. */
export async function authenticate(request: Request, db: Database): Promise<IngestToken | Response> {
  const authorization = request.headers.get("authorization");
  const secret = bearerToken(authorization);
  if (!secret) {
    // A header that holds no well-formed token is a wrong token, not a missing one.
    return unauthorized(
      authorization ? "This API token is not valid." : "Send an API token in the header 'Authorization: Bearer mrd_…'.",
    );
  }
  const [token] = await db
    .select({
      id: apiTokens.id,
      organizationId: apiTokens.organizationId,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashApiToken(secret)))
    .limit(1);
  if (!token) return unauthorized("This API token is not valid.");
  if (token.revokedAt) return unauthorized("This API token has been revoked.");
  const { revokedAt: _, ...live } = token;
  return live;
}

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
