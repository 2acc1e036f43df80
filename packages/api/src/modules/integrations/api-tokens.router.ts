import { and, apiTokens, desc, eq, isNull, sql, users } from "@meridian/db";
import { ZApiTokenCreateSchema, ZApiTokenRevokeSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { orgProcedure, router } from "../../trpc";
import { generateApiToken } from "./api-token";

export const apiTokensRouter = router({
  /** The organization's tokens, live ones first; never the secret nor its hash. */
  list: orgProcedure("token.manage").query(({ ctx }) =>
    ctx.db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        createdByName: users.name,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .leftJoin(users, eq(users.id, apiTokens.createdById))
      .where(eq(apiTokens.organizationId, ctx.org.id))
      .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt), apiTokens.id),
  ),

  /**
   * A new token for the ingestion API. The secret is in this answer only: the
   * database keeps its SHA-256, so a lost token is revoked and replaced.
   */
  create: orgProcedure("token.manage")
    .input(ZApiTokenCreateSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const { token, hash, prefix } = generateApiToken();
        const [created] = await tx
          .insert(apiTokens)
          .values({ organizationId: ctx.org.id, name: input.name, prefix, tokenHash: hash, createdById: ctx.user.id })
          .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
        if (!created) throw new Error("API token was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "api_token",
          entityId: created.id,
          action: "api_token.created",
          details: { name: created.name, prefix: created.prefix },
        });
        return { id: created.id, name: created.name, prefix: created.prefix, token };
      }),
    ),

  /** Stops a token from working, at once and for good. Revoking a revoked token changes nothing. */
  revoke: orgProcedure("token.manage")
    .input(ZApiTokenRevokeSchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [token] = await tx
          .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, revokedAt: apiTokens.revokedAt })
          .from(apiTokens)
          .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.organizationId, ctx.org.id)))
          .limit(1);
        if (!token) throw new TRPCError({ code: "NOT_FOUND", message: "No such API token." });
        if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
        const [revoked] = await tx
          .update(apiTokens)
          .set({ revokedAt: sql`now()` })
          .where(and(eq(apiTokens.id, token.id), eq(apiTokens.organizationId, ctx.org.id), isNull(apiTokens.revokedAt)))
          .returning({ revokedAt: apiTokens.revokedAt });
        // A twin request revoked it in the meantime: already done, and already recorded.
        if (!revoked?.revokedAt) return { id: token.id, revokedAt: token.revokedAt ?? new Date() };
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "api_token",
          entityId: token.id,
          action: "api_token.revoked",
          details: { name: token.name, prefix: token.prefix },
        });
        return { id: token.id, revokedAt: revoked.revokedAt };
      }),
    ),
});
