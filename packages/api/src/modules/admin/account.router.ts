import { hashPassword, verifyPassword } from "@meridian/auth/password";
import { passwordPolicyError } from "@meridian/auth/password-policy";
import { eq, sql, users } from "@meridian/db";
import { ZPasswordChangeSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { invalidInput } from "../../lib/errors";
import { authedProcedure, loadMembership, router } from "../../trpc";

export const accountRouter = router({
  /**
   * Replaces the caller's password (a temporary one included). Every session
   * of the user ends, this one too: the client signs in again with the new password.
   */
  changePassword: authedProcedure
    .meta({ allowTemporaryPassword: true })
    .input(ZPasswordChangeSchema)
    .mutation(async ({ ctx, input }) => {
      const [user] = await ctx.db
        .select({ passwordHash: users.passwordHash, email: users.email })
        .from(users)
        .where(eq(users.id, ctx.user.id))
        .limit(1);
      if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw invalidInput("currentPassword", "Your current password is not correct.");
      }
      const policyError = passwordPolicyError(input.newPassword, { email: user.email });
      if (policyError) throw invalidInput("newPassword", policyError);

      const passwordHash = await hashPassword(input.newPassword);
      const org = await loadMembership(ctx.db, ctx.user.id, ctx.requestedOrganizationId);
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({
            passwordHash,
            mustChangePassword: false,
            sessionVersion: sql`${users.sessionVersion} + 1`,
            updatedAt: sql`now()`,
            version: sql`${users.version} + 1`,
          })
          .where(eq(users.id, ctx.user.id));
        if (org) {
          await recordActivity(tx, {
            organizationId: org.id,
            actorId: ctx.user.id,
            entityType: "user",
            entityId: ctx.user.id,
            action: "user.password_changed",
          });
        }
      });
      return { changed: true };
    }),
});
