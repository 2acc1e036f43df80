import { ZApiTokenCreateSchema, ZApiTokenRevokeSchema } from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { createApiToken, revokeApiToken } from "./api-tokens.commands";
import { listApiTokens } from "./api-tokens.queries";

const manage = orgProcedure("token.manage");

export const apiTokensRouter = router({
  /** The organization's tokens, live ones first; never the secret nor its hash. */
  list: manage.query(({ ctx }) => listApiTokens(ctx)),
  /** A new token for the ingestion API; the secret is in this answer only. */
  create: manage.input(ZApiTokenCreateSchema).mutation(({ ctx, input }) => createApiToken(ctx, input)),
  /** Stops a token from working, at once and for good. Revoking a revoked token changes nothing. */
  revoke: manage.input(ZApiTokenRevokeSchema).mutation(({ ctx, input }) => revokeApiToken(ctx, input)),
});
