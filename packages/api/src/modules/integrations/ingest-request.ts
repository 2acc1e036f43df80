import { apiTokens, type Database, eq, isDatabaseUnavailable } from "@meridian/db";
import type { z } from "zod";
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

/**
 * One push endpoint (`POST path`): an organization's API token, a capped JSON body checked by `schema`
 * (a 400 naming each field), then `apply`. A database that cannot be reached is rethrown for the web
 * tier's 503; any other failure answers JSON without details (SQL, parameters), which go to the server log.
 */
export function ingestEndpoint<S extends z.ZodType>(endpoint: {
  path: string;
  /** What is pushed, for the 405's message ("actuals"). */
  what: string;
  schema: S;
  apply: (db: Database, token: IngestToken, data: z.output<S>) => Promise<Response>;
}): (request: Request, db: Database) => Promise<Response> {
  return async (request, db) => {
    try {
      if (request.method !== "POST") {
        return json(405, { error: `Use POST to push ${endpoint.what}.` }, { allow: "POST" });
      }
      const token = await authenticate(request, db);
      if (token instanceof Response) return token;
      const read = await readJsonBody(request);
      if (read instanceof Response) return read;
      const parsed = endpoint.schema.safeParse(read.body);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
        const error = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join(" ");
        return json(400, { error, errors });
      }
      return await endpoint.apply(db, token, parsed.data);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
      console.error(`POST ${endpoint.path} failed`, error);
      return json(500, { error: "Something went wrong on our side. Try again later." });
    }
  };
}
