import {
  and,
  asc,
  eq,
  ilike,
  isNotNull,
  isNull,
  memberships,
  or,
  type SQL,
  sql,
  teamMembers,
  teams,
  users,
} from "@meridian/db";
import type { TUserList } from "@meridian/domain";
import { containsPattern } from "../../lib/contains-pattern";
import { groupBy } from "../../lib/group-by";
import type { OrgScope } from "../../lib/scope";
import { sqlArray } from "../../lib/sql-array";
import { afterPersonCursor, pageOf } from "./person-cursor";

/**
 * A page of everyone in the organization by name, with role, status and teams. Search (name and
 * email), filters and paging run in SQL; teams are read for the page's people only.
 */
export async function listUsers(scope: OrgScope, input: TUserList) {
  const filters: (SQL | undefined)[] = [eq(memberships.organizationId, scope.org.id), afterPersonCursor(input.cursor)];
  if (input.ids) filters.push(sql`${memberships.userId} = any(${sqlArray(input.ids, "uuid")})`);
  if (input.q) {
    const pattern = containsPattern(input.q);
    filters.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (input.role) filters.push(eq(memberships.role, input.role));
  if (input.active !== undefined) {
    filters.push(input.active ? isNull(memberships.deactivatedAt) : isNotNull(memberships.deactivatedAt));
  }
  const limit = Math.max(input.limit, input.ids?.length ?? 0);
  const rows = await scope.db
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
    .where(and(...filters))
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
  const { page, nextCursor } = pageOf(rows, limit);

  const teamRows =
    page.length === 0
      ? []
      : await scope.db
          .select({ userId: teamMembers.userId, name: teams.name, role: teamMembers.role })
          .from(teamMembers)
          .innerJoin(teams, and(eq(teams.organizationId, teamMembers.organizationId), eq(teams.id, teamMembers.teamId)))
          .where(
            and(
              eq(teamMembers.organizationId, scope.org.id),
              sql`${teamMembers.userId} = any(${sqlArray(
                page.map((p) => p.id),
                "uuid",
              )})`,
              isNull(teams.archivedAt),
            ),
          )
          .orderBy(asc(teams.name));
  const teamsOf = groupBy(teamRows, (t) => t.userId);
  const people = page.map((p) => ({
    ...p,
    active: p.deactivatedAt === null,
    teams: (teamsOf.get(p.id) ?? []).map(({ name, role }) => ({ name, role })),
  }));
  return { users: people, nextCursor };
}
