import { and, asc, eq, ilike, isNull, memberships, type SQL, sql, teamMembers, teams, users } from "@meridian/db";
import type { TPeopleList } from "@meridian/domain";
import { containsPattern } from "../../lib/contains-pattern";
import type { OrgScope } from "../../lib/scope";
import { sqlArray } from "../../lib/sql-array";
import { afterPersonCursor, pageOf } from "./person-cursor";

/**
 * A page of the organization's active people by name, for choosing owners; no emails, which only
 * admins see. Search and paging run in SQL. With `ids`, exactly those of them who belong here —
 * deactivated ones too, so a form can name the owner it holds — all on one page. With `teamIds`, only
 * the people of those (active) teams: whom a manager may pick as owner among the teams they lead.
 * Who is in which team is no secret here (`teams.members` answers it under `team.read`, which every
 * role holds), so the filter is not limited to the caller's own teams.
 */
export async function listPeople(scope: OrgScope, input: TPeopleList) {
  const filters: (SQL | undefined)[] = [eq(memberships.organizationId, scope.org.id), afterPersonCursor(input.cursor)];
  if (input.ids) filters.push(sql`${memberships.userId} = any(${sqlArray(input.ids, "uuid")})`);
  else filters.push(isNull(memberships.deactivatedAt));
  if (input.teamIds) filters.push(inTeams(scope.org.id, input.teamIds));
  if (input.q) filters.push(ilike(users.name, containsPattern(input.q)));
  const limit = Math.max(input.limit, input.ids?.length ?? 0);
  const rows = await scope.db
    .select({
      id: users.id,
      name: users.name,
      role: memberships.role,
      active: sql<boolean>`${memberships.deactivatedAt} is null`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...filters))
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
  const { page, nextCursor } = pageOf(rows, limit);
  return { people: page, nextCursor };
}

/** The person belongs to one of these active teams of the organization; the ids travel as one array. */
function inTeams(organizationId: string, teamIds: readonly string[]): SQL {
  return sql`exists (
    select 1 from ${teamMembers} inner join ${teams} on ${teams.id} = ${teamMembers.teamId}
    where ${teamMembers.organizationId} = ${organizationId}
      and ${teamMembers.userId} = ${memberships.userId}
      and ${teamMembers.teamId} = any(${sqlArray(teamIds, "uuid")})
      and ${teams.organizationId} = ${organizationId}
      and ${teams.archivedAt} is null
  )`;
}
