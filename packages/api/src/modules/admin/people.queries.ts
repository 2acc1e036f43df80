import { and, asc, eq, ilike, isNull, memberships, type SQL, sql, users } from "@meridian/db";
import type { TPeopleList } from "@meridian/domain";
import { containsPattern } from "../../lib/contains-pattern";
import type { OrgScope } from "../../lib/scope";
import { sqlArray } from "../../lib/sql-array";
import { afterPersonCursor, pageOf } from "./person-cursor";

/**
 * A page of the organization's active people by name, for choosing owners; no emails, which only
 * admins see. Search and paging run in SQL. With `ids`, exactly those of them who belong here —
 * deactivated ones too, so a form can name the owner it holds — all on one page.
 */
export async function listPeople(scope: OrgScope, input: TPeopleList) {
  const filters: (SQL | undefined)[] = [eq(memberships.organizationId, scope.org.id), afterPersonCursor(input.cursor)];
  if (input.ids) filters.push(sql`${memberships.userId} = any(${sqlArray(input.ids, "uuid")})`);
  else filters.push(isNull(memberships.deactivatedAt));
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
