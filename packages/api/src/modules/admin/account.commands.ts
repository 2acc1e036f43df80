import { checkCurrentPassword } from "@meridian/auth";
import { hashPassword } from "@meridian/auth/password";
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
 * Replaces the caller's password (a temporary one included), after checking
 * the current one under the sign-in throttle's rules. Every session
 * of the user ends, this one too: the client signs in again with the new password.
 */
export async function changePassword(scope: SignedInScope, input: z.output<typeof ZPasswordChangeSchema>) {
  const { db, user } = scope;
  const [account] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, email: users.email })
    .from(users)
    .where(eq(users.id, user.id))
    .limit(1);
  if (!account) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  // Throttled like sign-in, so a stolen session cannot guess the password at full speed.
  const current = await checkCurrentPassword(db, account, input.currentPassword);
  if (current === "throttled")
    throw new AppError("TOO_MANY_REQUESTS", "Too many attempts. Wait 15 minutes, then try again.");
  if (current === "invalid") throw invalidInput("currentPassword", "Your current password is not correct.");
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
