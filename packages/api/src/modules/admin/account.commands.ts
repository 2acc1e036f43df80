import { checkCurrentPassword } from "@meridian/auth";
import { hashPassword } from "@meridian/auth/password";
import { passwordPolicyError } from "@meridian/auth/password-policy";
import type { Executor } from "@meridian/db";
import { and, eq, isNull, ne, sql, userSessions, users } from "@meridian/db";
import type { TProfileUpdate, TSessionRef, TSignOutEverywhere, ZPasswordChangeSchema } from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { AppError, editConflict, invalidInput } from "../../lib/errors";
import { loadMembership } from "../../trpc";
import { readProfile } from "./account.queries";
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

/** The audit record of a change to one's own account, in the organization the caller acts in (if any). */
async function recordOwnChange(
  tx: Executor,
  scope: SignedInScope & { organizationId: string | null },
  action: string,
  details: Record<string, unknown> = {},
) {
  if (!scope.organizationId) return;
  await recordActivity(tx, {
    organizationId: scope.organizationId,
    actorId: scope.user.id,
    entityType: "user",
    entityId: scope.user.id,
    action,
    details,
  });
}

/**
 * Saves the caller's own name and time zone against the version they read: a
 * stale version (another tab, another device) is a conflict with what the
 * profile holds now, never an overwrite.
 */
export async function updateProfile(scope: SignedInScope, input: TProfileUpdate) {
  const { db, user } = scope;
  const organizationId = (await loadMembership(db, user.id, scope.requestedOrganizationId))?.id ?? null;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: users.name, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, user.id))
      .limit(1);
    const [updated] = await tx
      .update(users)
      .set({ name: input.name, timeZone: input.timeZone, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(users.id, user.id), eq(users.version, input.version)))
      .returning({ name: users.name, email: users.email, timeZone: users.timeZone, version: users.version });
    if (!before || !updated) throw editConflict("profile", await readProfile(tx, user.id));
    const changes: Record<string, { from: string; to: string }> = {};
    if (before.name !== updated.name) changes.name = { from: before.name, to: updated.name };
    if (before.timeZone !== updated.timeZone) changes.timeZone = { from: before.timeZone, to: updated.timeZone };
    await recordOwnChange(tx, { ...scope, organizationId }, "user.profile_updated", changes);
    return updated;
  });
}

/**
 * Signs out one of the caller's own sessions. Anyone else's, or one already
 * ended, is "not found" alike: the answer tells nothing about other people.
 */
export async function signOutSession(scope: SignedInScope, input: TSessionRef) {
  const { db, user } = scope;
  const organizationId = (await loadMembership(db, user.id, scope.requestedOrganizationId))?.id ?? null;
  return db.transaction(async (tx) => {
    const [ended] = await tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(
        and(eq(userSessions.id, input.sessionId), eq(userSessions.userId, user.id), isNull(userSessions.revokedAt)),
      )
      .returning({ id: userSessions.id, device: userSessions.userAgent });
    if (!ended) throw new AppError("NOT_FOUND", "That session has already ended, or it is not one of yours.");
    await recordOwnChange(tx, { ...scope, organizationId }, "user.session_ended", {
      session: ended.id,
      device: ended.device,
    });
    return { ended: 1, currentEnded: ended.id === user.sessionId };
  });
}

/**
 * Signs out every session of the caller, or every other one. The session
 * generation moves on either way, which also ends tokens that name no session
 * row (signed before sessions were listed); a kept session moves with it.
 * A caller whose own token names no row cannot be kept: it ends too.
 */
export async function signOutEverywhere(scope: SignedInScope, input: TSignOutEverywhere) {
  const { db, user } = scope;
  const organizationId = (await loadMembership(db, user.id, scope.requestedOrganizationId))?.id ?? null;
  const keep = input.keepCurrent ? user.sessionId : null;
  return db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    if (!bumped) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    // Sessions of an older generation (before a password change) ended already: not counted again.
    const live = and(
      eq(userSessions.userId, user.id),
      isNull(userSessions.revokedAt),
      eq(userSessions.sessionVersion, bumped.sessionVersion - 1),
    );
    const ended = await tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(keep ? and(live, ne(userSessions.id, keep)) : live)
      .returning({ id: userSessions.id });
    if (keep) {
      await tx
        .update(userSessions)
        .set({ sessionVersion: bumped.sessionVersion })
        .where(and(eq(userSessions.id, keep), eq(userSessions.userId, user.id)));
    }
    await recordOwnChange(
      tx,
      { ...scope, organizationId },
      keep ? "user.other_sessions_ended" : "user.all_sessions_ended",
      {
        sessions: ended.length,
      },
    );
    return { ended: ended.length, currentEnded: keep === null };
  });
}
