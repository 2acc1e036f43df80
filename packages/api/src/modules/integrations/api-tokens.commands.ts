import { and, apiTokens, type Executor, eq, isNull, sql } from "@meridian/db";
import type { ZApiTokenCreateSchema, ZApiTokenRevokeSchema } from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { generateApiToken } from "./api-token";

/**
 * A new token for the ingestion API. The secret is in this answer only: the
 * database keeps its SHA-256, so a lost token is revoked and replaced.
 */
export function createApiToken(scope: OrgScope, input: z.output<typeof ZApiTokenCreateSchema>) {
  return scope.db.transaction(async (tx) => {
    const { token, hash, prefix } = generateApiToken();
    const [created] = await tx
      .insert(apiTokens)
      .values({
        organizationId: scope.org.id,
        name: input.name,
        prefix,
        tokenHash: hash,
        createdById: scope.user.id,
        scopes: input.scopes,
        // Works through its last day (UTC), so it stops at the next midnight.
        expiresAt: input.expiresOn ? new Date(Date.parse(`${input.expiresOn}T00:00:00Z`) + 86_400_000) : null,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        scopes: apiTokens.scopes,
        expiresAt: apiTokens.expiresAt,
      });
    if (!created) throw new Error("API token was not created");
    await recordTokenActivity(tx, scope, created, "api_token.created");
    return { ...created, token };
  });
}

/** Stops a token from working, at once and for good. Revoking a revoked token changes nothing. */
export function revokeApiToken(scope: OrgScope, input: z.output<typeof ZApiTokenRevokeSchema>) {
  return scope.db.transaction(async (tx) => {
    const [token] = await tx
      .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.organizationId, scope.org.id)))
      .limit(1);
    if (!token) throw notFound("No such API token.");
    if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, token.id), eq(apiTokens.organizationId, scope.org.id), isNull(apiTokens.revokedAt)))
      .returning({ revokedAt: apiTokens.revokedAt });
    // A twin request revoked it in the meantime: already done, and already recorded.
    if (!revoked?.revokedAt) return { id: token.id, revokedAt: token.revokedAt ?? new Date() };
    await recordTokenActivity(tx, scope, token, "api_token.revoked");
    return { id: token.id, revokedAt: revoked.revokedAt };
  });
}

/** A token's activity names it by name and prefix, never by its secret. */
function recordTokenActivity(
  tx: Executor,
  scope: OrgScope,
  token: { id: string; name: string; prefix: string },
  action: string,
) {
  return recordActivity(tx, {
    organizationId: scope.org.id,
    actorId: scope.user.id,
    entityType: "api_token",
    entityId: token.id,
    action,
    details: { name: token.name, prefix: token.prefix },
  });
}
