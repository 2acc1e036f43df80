import { and, type Executor, eq, invitations, memberships } from "@meridian/db";
import type { ZInvitationRefSchema } from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { notFound } from "../../lib/errors";
import type { SignedInScope } from "./me.queries";

type InvitationRef = z.output<typeof ZInvitationRefSchema>;

/** The caller's own invitation, locked for the change; anyone else's does not exist for them. */
async function findOwnInvitation(tx: Executor, userId: string, invitationId: string) {
  const [invitation] = await tx
    .select({ id: invitations.id, organizationId: invitations.organizationId, role: invitations.role })
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.userId, userId)))
    .limit(1)
    .for("update");
  if (!invitation) throw notFound("No such invitation.");
  return invitation;
}

/** Joins the organization with the invited role; the invitation is used up. */
export function acceptInvitation(scope: SignedInScope, input: InvitationRef) {
  return scope.db.transaction(async (tx) => {
    const invitation = await findOwnInvitation(tx, scope.user.id, input.invitationId);
    await tx
      .delete(invitations)
      .where(and(eq(invitations.organizationId, invitation.organizationId), eq(invitations.id, invitation.id)));
    await tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId: scope.user.id, role: invitation.role })
      .onConflictDoNothing();
    await recordActivity(tx, {
      organizationId: invitation.organizationId,
      actorId: scope.user.id,
      entityType: "user",
      entityId: scope.user.id,
      action: "user.invitation_accepted",
      details: { role: invitation.role },
    });
    return { organizationId: invitation.organizationId };
  });
}

/** Deletes the invitation; the organization's log says it was declined. */
export function declineInvitation(scope: SignedInScope, input: InvitationRef) {
  return scope.db.transaction(async (tx) => {
    const invitation = await findOwnInvitation(tx, scope.user.id, input.invitationId);
    await tx
      .delete(invitations)
      .where(and(eq(invitations.organizationId, invitation.organizationId), eq(invitations.id, invitation.id)));
    await recordActivity(tx, {
      organizationId: invitation.organizationId,
      actorId: scope.user.id,
      entityType: "user",
      entityId: scope.user.id,
      action: "user.invitation_declined",
    });
    return { declined: true };
  });
}
