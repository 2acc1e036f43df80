import { and, asc, type Executor, eq, isNull, sql, teamMembers, teams, users } from "@meridian/db";
import type { TeamMemberRole, TTeamMembers, ZTeamListSchema } from "@meridian/domain";
import type { z } from "zod";
import { notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { runShaped } from "../../lib/shaped-statement";
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
 * Rendered once per process (`runShaped`) and returned as the driver reads it: with 500 teams,
 * rebuilding the query and mapping each row per request cost more than the statement itself.
 * (One JSON column was slower: the ordered json_agg of 500 objects costs the server ~1 ms.)
 */
export async function listTeams(scope: OrgScope): Promise<TeamView[]> {
  return runShaped<TeamView>(
    scope.db,
    "teams-list",
    () => {
      const P = sql.placeholder;
      return sql`select ${teams.id} as id, ${teams.name} as name, ${teams.parentId} as "parentId", ${teams.version} as version,
          coalesce(team_counts.member_count, 0) as "memberCount", team_counts.my_role as "myRole"
        from ${teams} left join (
          select ${teamMembers.teamId} as team_id, count(*)::int as member_count,
            max(${teamMembers.role}::text) filter (where ${teamMembers.userId} = ${P("userId")}) as my_role
          from ${teamMembers} where ${teamMembers.organizationId} = ${P("org")}
          group by ${teamMembers.teamId}
        ) team_counts on team_counts.team_id = ${teams.id}
        where ${teams.organizationId} = ${P("org")} and ${teams.archivedAt} is null
        order by ${teams.name}, ${teams.id}`;
    },
    { org: scope.org.id, userId: scope.user.id },
  );
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
