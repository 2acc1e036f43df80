import { hashPassword, verifyPassword } from "@meridian/auth/password";
import { passwordPolicyError } from "@meridian/auth/password-policy";
import { eq, sql, users } from "@meridian/db";
import type { ZPasswordChangeSchema } from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { AppError, invalidInput } from "../../lib/errors";
import { loadMembership } from "../../trpc";
import { replacePassword } from "./credentials";
import type { SignedInScope } from "./me.queries";

/**
 * Replaces the caller's password (a temporary one included). Every session
 * of the user ends, this one too: the client signs in again with the new password.
 */
export async function changePassword(scope: SignedInScope, input: z.output<typeof ZPasswordChangeSchema>) {
  const { db, user } = scope;
  const [account] = await db
    .select({ passwordHash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, user.id))
    .limit(1);
  if (!account) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw invalidInput("currentPassword", "Your current password is not correct.");
  }
  const policyError = passwordPolicyError(input.newPassword, { email: account.email });
  if (policyError) throw invalidInput("newPassword", policyError);

  const passwordHash = await hashPassword(input.newPassword);
  // The change is recorded in the organization the user is acting in, if any.
  const org = await loadMembership(db, user.id, scope.requestedOrganizationId);
  await db.transaction(async (tx) => {
    await replacePassword(tx, user.id, { passwordHash, mustChangePassword: false, version: sql`${users.version} + 1` });
    if (org) {
      await recordActivity(tx, {
        organizationId: org.id,
        actorId: user.id,
        entityType: "user",
        entityId: user.id,
        action: "user.password_changed",
      });
    }
  });
  return { changed: true };
}
