import { and, asc, type Executor, eq, isNull, teamMembers, teams, users } from "@meridian/db";
import type { TeamMemberRole } from "@meridian/domain";
import { notFound } from "../../lib/errors";
import { groupBy } from "../../lib/group-by";
import type { OrgScope } from "../../lib/scope";

export interface TeamView {
  id: string;
  name: string;
  parentId: string | null;
  version: number;
  members: { id: string; name: string; role: TeamMemberRole }[];
}

export const teamColumns = { id: teams.id, name: teams.name, parentId: teams.parentId, version: teams.version };

/** Active teams of the organization with their people; `parentId` gives the tree. */
export async function listTeams(scope: OrgScope): Promise<TeamView[]> {
  const [teamRows, memberRows] = await Promise.all([
    scope.db
      .select(teamColumns)
      .from(teams)
      .where(and(eq(teams.organizationId, scope.org.id), isNull(teams.archivedAt)))
      .orderBy(asc(teams.name)),
    scope.db
      .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, role: teamMembers.role })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(teamMembers.organizationId, scope.org.id))
      .orderBy(asc(teamMembers.role), asc(users.name)),
  ]);
  const membersOf = groupBy(memberRows, (m) => m.teamId);
  return teamRows.map((t) => ({
    ...t,
    members: (membersOf.get(t.id) ?? []).map(({ teamId: _, ...m }) => m),
  }));
}

/** An active (not archived) team of the organization, or NOT_FOUND. */
export async function findTeam(tx: Executor, organizationId: string, teamId: string) {
  const [team] = await tx
    .select(teamColumns)
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organizationId, organizationId), isNull(teams.archivedAt)))
    .limit(1);
  if (!team) throw notFound("No such team.");
  return team;
}
