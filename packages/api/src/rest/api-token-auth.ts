import { apiTokens, type Database, eq, users } from "@meridian/db";
import { type ApiScope, isApiScope } from "@meridian/domain";
import { AppError } from "../lib/errors";
import { bearerToken, hashApiToken } from "../modules/integrations/api-token";

/** A live token and the person it acts for: its creator, whose membership is re-read on every call. */
export interface ApiTokenPrincipal {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  creator: { id: string; email: string; name: string };
}

const unauthorized = (message: string) => new AppError("UNAUTHORIZED", message);

/**
 * The token an Authorization header carries, or the 401 that says what is wrong with it:
 * missing, malformed, unknown, revoked, expired, or made by someone since removed.
 * One statement: the token by its hash, with its creator.
 */
export async function authenticateApiToken(db: Database, authorization: string | null): Promise<ApiTokenPrincipal> {
  const secret = bearerToken(authorization);
  if (!secret) {
    throw unauthorized(
      authorization ? "This API token is not valid." : "Send an API token in the header 'Authorization: Bearer mrd_…'.",
    );
  }
  const [row] = await db
    .select({
      id: apiTokens.id,
      organizationId: apiTokens.organizationId,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      revokedAt: apiTokens.revokedAt,
      expiresAt: apiTokens.expiresAt,
      creatorId: users.id,
      creatorEmail: users.email,
      creatorName: users.name,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdById))
    .where(eq(apiTokens.tokenHash, hashApiToken(secret)))
    .limit(1);
  if (!row) throw unauthorized("This API token is not valid.");
  if (row.revokedAt) throw unauthorized("This API token has been revoked.");
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) {
    throw unauthorized(`This API token expired on ${row.expiresAt.toISOString().slice(0, 10)}.`);
  }
  if (!row.creatorId || !row.creatorEmail || row.creatorName === null) {
    throw unauthorized("The person who created this API token no longer exists: ask an admin for a new token.");
  }
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isApiScope),
    creator: { id: row.creatorId, email: row.creatorEmail, name: row.creatorName },
  };
}
