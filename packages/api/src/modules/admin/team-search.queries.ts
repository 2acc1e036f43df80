import { rows, sql } from "@meridian/db";
import type { TeamMemberRole, ZTeamSearchSchema } from "@meridian/domain";
import type { z } from "zod";
import { containsPattern } from "../../lib/contains-pattern";
import { invalidInput } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { sqlArray } from "../../lib/sql-array";

export interface TeamPageRow {
  id: string;
  name: string;
  parentId: string | null;
  version: number;
  /** How deep in the tree: 0 for a team under no (active) team. */
  depth: number;
  /** The names of the teams above it, top first. */
  path: string[];
  memberCount: number;
  myRole: TeamMemberRole | null;
}

/**
 * A page of the organization's active teams in tree order (parents first, siblings by name), each with its
 * depth, the names above it and its head count; or those whose name holds `q`, in the same order; or the
 * teams asked for by id. Ordered, limited and counted in SQL: an organization may have thousands.
 */
export async function searchTeams(scope: OrgScope, input: z.output<typeof ZTeamSearchSchema>) {
  const offset = offsetOf(input.cursor);
  const org = scope.org.id;
  const q = input.q ? containsPattern(input.q) : null;
  const ids = input.ids ?? null;
  const found = rows<TeamPageRow>(
    await scope.db.execute(sql`
      with recursive active as (
        select id, name, parent_id, version from teams where organization_id = ${org} and archived_at is null
      ),
      tree as (
        select a.id, a.name, a.parent_id, a.version, 0 as depth, array[]::text[] as path,
               array[lower(a.name) || chr(1) || a.id::text] as sort
        from active a
        where a.parent_id is null or a.parent_id not in (select id from active)
        union all
        select a.id, a.name, a.parent_id, a.version, t.depth + 1, t.path || t.name,
               t.sort || (lower(a.name) || chr(1) || a.id::text)
        from active a join tree t on a.parent_id = t.id
        where t.depth < 50
      )
      select t.id, t.name, t.parent_id as "parentId", t.version, t.depth, t.path,
             coalesce(m.member_count, 0)::int as "memberCount", m.my_role as "myRole"
      from tree t
      left join lateral (
        select count(*) as member_count,
               max(role::text) filter (where user_id = ${scope.user.id}) as my_role
        from team_members where organization_id = ${org} and team_id = t.id
      ) m on true
      where (${q}::text is null or t.name ilike ${q})
        and (${ids === null ? sql`true` : sql`t.id = any(${sqlArray(ids, "uuid")})`})
      order by t.sort
      offset ${offset} limit ${input.limit + 1}`),
  );
  const more = found.length > input.limit;
  return { teams: more ? found.slice(0, input.limit) : found, nextCursor: more ? String(offset + input.limit) : null };
}

function offsetOf(cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  if (!/^\d{1,9}$/.test(cursor)) throw invalidInput("cursor", "This page link is not valid.");
  return Number(cursor);
}
