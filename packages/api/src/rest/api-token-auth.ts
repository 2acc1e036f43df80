import { apiTokens, type Database, eq, users } from "@meridian/db";
import {
  API_SCOPE_INFO,
  type ApiScope,
  apiTokenLastDay,
  apiTokenState,
  isApiScope,
  tokenHasScope,
} from "@meridian/domain";
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

/** A live token as the database holds it; `creator` is null once the person who made it is gone. */
export interface ApiTokenRecord extends Omit<ApiTokenPrincipal, "creator"> {
  creator: ApiTokenPrincipal["creator"] | null;
}

/**
 * The live token an Authorization header carries, or the 401 that says what is wrong with it:
 * missing, malformed, unknown, revoked or expired. One statement: the token by its hash, with its
 * creator. The push endpoints (`/api/ingest/*`) act for the organization and take it as it is.
 */
export async function findLiveApiToken(db: Database, authorization: string | null): Promise<ApiTokenRecord> {
  const secret = bearerToken(authorization);
  if (!secret) {
    // A header that holds no well-formed token is a wrong token, not a missing one.
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
  const state = apiTokenState(row);
  if (state === "revoked") throw unauthorized("This API token has been revoked.");
  if (state === "expired" && row.expiresAt) {
    // expiresAt is the midnight after the last day: that day is the one people chose.
    throw unauthorized(
      `This API token expired at the end of ${apiTokenLastDay(row.expiresAt)} (UTC): ask an admin for a new token.`,
    );
  }
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter(isApiScope),
    creator:
      row.creatorId && row.creatorEmail && row.creatorName !== null
        ? { id: row.creatorId, email: row.creatorEmail, name: row.creatorName }
        : null,
  };
}

/**
 * The token a REST call carries and the person it acts for, or a 401: as `findLiveApiToken`, and
 * also when the person who created the token no longer exists.
 */
export async function authenticateApiToken(db: Database, authorization: string | null): Promise<ApiTokenPrincipal> {
  const token = await findLiveApiToken(db, authorization);
  const { creator } = token;
  if (!creator) {
    throw unauthorized("The person who created this API token no longer exists: ask an admin for a new token.");
  }
  return { ...token, creator };
}

/** The 403 for a token without `scope`, naming it, on REST and push endpoints alike. */
export function requireApiScope(token: { scopes: readonly string[] }, scope: ApiScope): void {
  if (!tokenHasScope(token.scopes, scope)) {
    throw new AppError(
      "FORBIDDEN",
      `This API token lacks the scope '${scope}' (${API_SCOPE_INFO[scope].label}): make a token that has it.`,
    );
  }
}
