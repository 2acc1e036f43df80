import {
  and,
  type Executor,
  eq,
  invitations,
  isNull,
  memberships,
  ne,
  organizations,
  type PgUpdateSetSource,
  sql,
  users,
} from "@meridian/db";
import type { Role, ZUserCreateSchema, ZUserRefSchema, ZUserRoleChangeSchema } from "@meridian/domain";
import type { z } from "zod";
import { type ActivityEntry, recordActivity } from "../../lib/activity";
import { badRequest, conflict, forbidden } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { endSessions, issueTemporaryPassword, replacePassword } from "./credentials";
import { findMember } from "./members";

type UserRef = z.output<typeof ZUserRefSchema>;

/**
 * Invites a person, answering alike whether or not the email has an account,
 * so the answer tells nobody who uses Meridian elsewhere. A new email gets an
 * account, a membership and a one-time temporary password (stored only as a
 * hash). An existing account gets a pending invitation that they accept or
 * decline when signed in; until then they are not a member here. Their answer
 * carries a temporary password too, generated and hashed the same way but
 * stored nowhere: it opens nothing.
 */
export function createUser(scope: OrgScope, input: z.output<typeof ZUserCreateSchema>) {
  return scope.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
    // The same argon2 work on both paths, so the timing does not tell either.
    const issued = await issueTemporaryPassword();
    let userId = existing?.id;
    if (userId) {
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organizationId, scope.org.id), eq(memberships.userId, userId)))
        .limit(1);
      if (member) throw conflict(`${input.email} is already in this organization.`);
      await tx
        .insert(invitations)
        .values({ organizationId: scope.org.id, userId, role: input.role, invitedById: scope.user.id })
        .onConflictDoUpdate({
          target: [invitations.organizationId, invitations.userId],
          set: { role: input.role, invitedById: scope.user.id, createdAt: sql`now()` },
        });
    } else {
      const [created] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash: issued.passwordHash, mustChangePassword: true })
        .returning({ id: users.id });
      userId = created?.id;
      if (!userId) throw new Error("user was not created");
      await tx.insert(memberships).values({ organizationId: scope.org.id, userId, role: input.role });
    }
    // One action for both, so the audit log does not tell either.
    await recordActivity(tx, userActivity(scope, userId, "user.invited", { email: input.email, role: input.role }));
    return { temporaryPassword: issued.password };
  });
}

export function changeRole(scope: OrgScope, input: z.output<typeof ZUserRoleChangeSchema>) {
  return scope.db.transaction(async (tx) => {
    const member = await findMember(tx, scope.org.id, input.userId);
    if (member.role === input.role) return { role: member.role };
    if (member.role === "admin") await ensureAnotherAdmin(tx, scope.org.id, input.userId);
    await updateMembership(tx, member.id, { role: input.role });
    await recordActivity(
      tx,
      userActivity(scope, input.userId, "user.role_changed", { from: member.role, to: input.role }),
    );
    return { role: input.role };
  });
}

/**
 * Ends the person's access here; their objectives and history stay. Every
 * request re-reads the membership, so the next one here is refused. Their
 * sessions end only when no other organization still has them: access to
 * the others is none of this organization's business.
 */
export async function deactivateUser(scope: OrgScope, input: UserRef) {
  if (input.userId === scope.user.id) throw badRequest("You cannot deactivate yourself.");
  return scope.db.transaction(async (tx) => {
    const member = await findMember(tx, scope.org.id, input.userId);
    if (member.deactivatedAt) return { active: false };
    if (member.role === "admin") await ensureAnotherAdmin(tx, scope.org.id, input.userId);
    await updateMembership(tx, member.id, { deactivatedAt: sql`now()` });
    const stillActiveElsewhere = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, input.userId), isNull(memberships.deactivatedAt)))
      .limit(1);
    if (stillActiveElsewhere.length === 0) await endSessions(tx, input.userId);
    await recordActivity(tx, userActivity(scope, input.userId, "user.deactivated"));
    return { active: false };
  });
}

export function reactivateUser(scope: OrgScope, input: UserRef) {
  return scope.db.transaction(async (tx) => {
    const member = await findMember(tx, scope.org.id, input.userId);
    if (!member.deactivatedAt) return { active: true };
    await updateMembership(tx, member.id, { deactivatedAt: null });
    await recordActivity(tx, userActivity(scope, input.userId, "user.reactivated"));
    return { active: true };
  });
}

/**
 * Issues a new temporary password and ends the person's sessions. Only for
 * people whose account belongs to this organization alone: an admin here has
 * no say over an account others share.
 */
export async function resetPassword(scope: OrgScope, input: UserRef) {
  if (input.userId === scope.user.id) throw badRequest("Change your own password from your account page.");
  return scope.db.transaction(async (tx) => {
    await findMember(tx, scope.org.id, input.userId);
    const elsewhere = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, input.userId), ne(memberships.organizationId, scope.org.id)))
      .limit(1);
    if (elsewhere.length > 0) {
      throw forbidden("This person also belongs to another organization, so only they can change their password.");
    }
    const { password, passwordHash } = await issueTemporaryPassword();
    await replacePassword(tx, input.userId, { passwordHash, mustChangePassword: true });
    await recordActivity(tx, userActivity(scope, input.userId, "user.password_reset"));
    return { temporaryPassword: password };
  });
}

/** An organization always keeps at least one active admin. */
async function ensureAnotherAdmin(tx: Executor, organizationId: string, leavingUserId: string) {
  // Serializes admin removals per organization, so two admins cannot remove each other at once.
  await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  const others = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, "admin" satisfies Role),
        isNull(memberships.deactivatedAt),
        ne(memberships.userId, leavingUserId),
      ),
    )
    .limit(1);
  if (others.length === 0) throw badRequest("The organization needs at least one other active admin first.");
}

/**
 * A change to a membership: its version moves on. No version is asked of the
 * caller: each of these changes is idempotent, so two at once cannot lose work.
 */
async function updateMembership(tx: Executor, membershipId: string, set: PgUpdateSetSource<typeof memberships>) {
  await tx
    .update(memberships)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${memberships.version} + 1` })
    .where(eq(memberships.id, membershipId));
}

/** Every change here is recorded against the person it concerns. */
function userActivity(
  scope: OrgScope,
  userId: string,
  action: string,
  details?: Record<string, unknown>,
): ActivityEntry {
  return {
    organizationId: scope.org.id,
    actorId: scope.user.id,
    entityType: "user",
    entityId: userId,
    action,
    details,
  };
}
