import type { SessionUser } from "@meridian/auth";
import { and, asc, type Database, eq, isNull, memberships, organizations } from "@meridian/db";
import { can, PERMISSIONS, type Permission } from "@meridian/domain";
import { loadMembership } from "../../trpc";

/** Someone signed in, not yet placed in an organization: `me` works before there is one. */
export interface SignedInScope {
  db: Database;
  user: SessionUser;
  requestedOrganizationId: string | null;
}

/** Who is signed in, their organizations, and what they may do in the current one. */
export async function getMe(scope: SignedInScope) {
  const [active, all] = await Promise.all([
    loadMembership(scope.db, scope.user.id, scope.requestedOrganizationId),
    scope.db
      .select({ id: organizations.id, name: organizations.name, role: memberships.role })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.userId, scope.user.id), isNull(memberships.deactivatedAt)))
      .orderBy(asc(organizations.name)),
  ]);
  const permissions = active ? (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(active.role, p)) : [];
  return { user: scope.user, organization: active, organizations: all, permissions };
}
