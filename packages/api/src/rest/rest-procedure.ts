import { type ApiScope, can, type Permission } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { AppError } from "../lib/errors";
import { toViewer } from "../lib/viewer";
import { findMembership, publicProcedure } from "../trpc";
import { admitApiCall, recordApiCall } from "./api-call-log";
import { authenticateApiToken, requireApiScope } from "./api-token-auth";

/**
 * A REST API procedure (`/api/v1`, ADR 0025): called with an API token, it acts as the token's
 * creator, re-read on every call like a session, in the token's organization only, and only
 * within the token's `scope`. The creator's role must still hold `permission`, so a token never
 * does more than the person who made it could. Each call counts against the token's rate limit
 * and is written to the audit log with its outcome.
 *
 * Handlers receive the same context as the app's `viewerProcedure`, so they call the same queries
 * and commands.
 */
export function apiProcedure(scope: ApiScope, permission: Permission) {
  // The scope in the meta, merged with each route's own `openapi` meta, is what the document names.
  return publicProcedure.meta({ requiredScope: scope }).use(async ({ ctx, next, path }) => {
    const rest = ctx.rest;
    if (!rest) throw new TRPCError({ code: "UNAUTHORIZED", message: "REST procedures answer /api/v1 only." });
    const token = await authenticateApiToken(ctx.db, rest.authorization);
    // Named field by field: the request's Authorization header (the secret) never reaches the log.
    const { method, path: route } = rest;
    const call = { method, path: route, procedure: path, actorId: token.creator.id };
    await admitApiCall(ctx.db, token, call);
    const outcome = { code: "OK" };
    try {
      const membership = await findMembership(ctx.db, token.creator.id, token.organizationId);
      // The fallback to another organization of the creator's is no use to a token: it belongs to one.
      if (!membership || membership.org.id !== token.organizationId) {
        throw new AppError(
          "UNAUTHORIZED",
          "The person who created this API token no longer belongs to the organization: ask an admin for a new token.",
        );
      }
      requireApiScope(token, scope);
      if (!can(membership.org.role, permission)) {
        throw new AppError("FORBIDDEN", "The role of the person who created this API token does not allow this.");
      }
      const { org, teams, cycles } = membership;
      const user = { ...token.creator, mustChangePassword: false, sessionId: null };
      const result = await next({
        ctx: { ...ctx, rest, user, org, teams, cycles, viewer: toViewer(org.role, user.id, teams), apiToken: token },
      });
      if (!result.ok) outcome.code = result.error.code;
      return result;
    } catch (error) {
      outcome.code = error instanceof AppError || error instanceof TRPCError ? error.code : "INTERNAL_SERVER_ERROR";
      throw error;
    } finally {
      await recordApiCall(ctx.db, token, { ...call, outcome: outcome.code }).catch((error: unknown) =>
        console.error("recording an API call failed", error),
      );
    }
  });
}
