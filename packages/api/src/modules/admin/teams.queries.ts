import { and, asc, type Executor, eq, isNull, sql, teamMembers, teams, users } from "@meridian/db";
import type { TeamMemberRole, TTeamMembers, ZTeamListSchema } from "@meridian/domain";
import type { z } from "zod";
import { notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { afterTeamCursor, teamPageOf } from "./team-cursor";

export interface TeamView {
  id: string;
  name: string;
  parentId: string | null;
  version: number;
  /** Everyone on the team, leads included. */
  memberCount: number;
  /** The caller's own place in it: lead, member, or not on it. */
  myRole: TeamMemberRole | null;
}

export interface TeamMemberView {
  id: string;
  name: string;
  role: TeamMemberRole;
}

export const teamColumns = { id: teams.id, name: teams.name, parentId: teams.parentId, version: teams.version };

/**
 * Active teams of the organization by name, lean: `parentId` gives the tree, and each team its
 * head count and the caller's role in it, aggregated in the same statement (one pass over the
 * organization's team memberships, whatever the number of teams). Its people: `teams.members`.
 */
export async function listTeams(scope: OrgScope): Promise<TeamView[]> {
  const counts = scope.db
    .select({
      teamId: teamMembers.teamId,
      memberCount: sql<number>`count(*)::int`.as("member_count"),
      myRole:
        sql<TeamMemberRole | null>`max(${teamMembers.role}::text) filter (where ${teamMembers.userId} = ${scope.user.id})`.as(
          "my_role",
        ),
    })
    .from(teamMembers)
    .where(eq(teamMembers.organizationId, scope.org.id))
    .groupBy(teamMembers.teamId)
    .as("team_counts");
  return scope.db
    .select({
      ...teamColumns,
      memberCount: sql<number>`coalesce(${counts.memberCount}, 0)`.mapWith(Number),
      myRole: counts.myRole,
    })
    .from(teams)
    .leftJoin(counts, eq(counts.teamId, teams.id))
    .where(and(eq(teams.organizationId, scope.org.id), isNull(teams.archivedAt)))
    .orderBy(asc(teams.name), asc(teams.id));
}

/**
 * A page of the organization's active teams by name, each with its head count: the REST list.
 * Paged in SQL; the count is a correlated subquery, so it is worked out for the page's teams only.
 */
export async function listTeamPage(scope: OrgScope, input: z.output<typeof ZTeamListSchema>) {
  const rows = await scope.db
    .select({
      id: teams.id,
      name: teams.name,
      parentId: teams.parentId,
      memberCount: sql<number>`(select count(*)::int from ${teamMembers}
        where ${teamMembers.organizationId} = ${teams.organizationId} and ${teamMembers.teamId} = ${teams.id})`.mapWith(
        Number,
      ),
    })
    .from(teams)
    .where(and(eq(teams.organizationId, scope.org.id), isNull(teams.archivedAt), afterTeamCursor(input.cursor)))
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = teamPageOf(rows, input.limit);
  return { teams: page, nextCursor };
}

/**
 * One active team's people, leads first, then by name; another organization's or an archived
 * team is NOT_FOUND.
 */
export async function listTeamMembers(scope: OrgScope, input: TTeamMembers): Promise<TeamMemberView[]> {
  await findTeam(scope.db, scope.org.id, input.teamId);
  return scope.db
    .select({ id: users.id, name: users.name, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.organizationId, scope.org.id), eq(teamMembers.teamId, input.teamId)))
    .orderBy(asc(teamMembers.role), asc(users.name), asc(users.id));
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
