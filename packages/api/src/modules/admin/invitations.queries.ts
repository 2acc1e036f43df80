import { asc, eq, invitations, organizations, users } from "@meridian/db";
import type { SignedInScope } from "./me.queries";

/**
 * The caller's pending invitations: which organization, which role, who
 * invited them. The organization's name is all they learn of it until they accept.
 */
export async function listMyInvitations(scope: SignedInScope) {
  const rows = await scope.db
    .select({
      id: invitations.id,
      organizationId: organizations.id,
      organizationName: organizations.name,
      role: invitations.role,
      invitedBy: users.name,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .leftJoin(users, eq(users.id, invitations.invitedById))
    .where(eq(invitations.userId, scope.user.id))
    .orderBy(asc(invitations.createdAt), asc(organizations.name));
  return rows.map((row) => ({
    id: row.id,
    organization: { id: row.organizationId, name: row.organizationName },
    role: row.role,
    invitedBy: row.invitedBy ?? "An administrator",
    createdAt: row.createdAt,
  }));
}
