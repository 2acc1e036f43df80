import { and, asc, eq, isNull, memberships, teamMembers, teams, users } from "@meridian/db";
import { groupBy } from "../../lib/group-by";
import type { OrgScope } from "../../lib/scope";

/** Everyone in the organization, with role, status and teams. */
export async function listUsers(scope: OrgScope) {
  const [people, teamRows] = await Promise.all([
    scope.db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: memberships.role,
        deactivatedAt: memberships.deactivatedAt,
        mustChangePassword: users.mustChangePassword,
        createdAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, scope.org.id))
      .orderBy(asc(users.name)),
    scope.db
      .select({ userId: teamMembers.userId, name: teams.name, role: teamMembers.role })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(and(eq(teamMembers.organizationId, scope.org.id), isNull(teams.archivedAt)))
      .orderBy(asc(teams.name)),
  ]);
  const teamsOf = groupBy(teamRows, (t) => t.userId);
  return people.map((p) => ({
    ...p,
    active: p.deactivatedAt === null,
    teams: (teamsOf.get(p.id) ?? []).map(({ name, role }) => ({ name, role })),
  }));
}
