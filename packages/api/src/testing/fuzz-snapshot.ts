import { type Database, rows, type SQL, sql } from "@meridian/db";

/**
 * Every table a procedure can write, with how to narrow it to one
 * organization: tenant tables by `organization_id`, people by membership.
 */
const TABLES = {
  organizations: (org: string) => sql`where t.id = ${org}`,
  users: (org: string) => sql`where t.id in (select m.user_id from memberships m where m.organization_id = ${org})`,
  memberships: (org: string) => sql`where t.organization_id = ${org}`,
  teams: (org: string) => sql`where t.organization_id = ${org}`,
  team_members: (org: string) => sql`where t.organization_id = ${org}`,
  cycles: (org: string) => sql`where t.organization_id = ${org}`,
  objectives: (org: string) => sql`where t.organization_id = ${org}`,
  key_results: (org: string) => sql`where t.organization_id = ${org}`,
  check_ins: (org: string) => sql`where t.organization_id = ${org}`,
  comments: (org: string) => sql`where t.organization_id = ${org}`,
  activity_log: (org: string) => sql`where t.organization_id = ${org}`,
  // Not tenant-owned, but no procedure of the router may write it either.
  login_throttle: null,
} as const satisfies Record<string, ((org: string) => SQL) | null>;

export type FuzzTable = keyof typeof TABLES;
/** Per table: "<row count>:<md5 of every row, every column>". */
export type FuzzSnapshot = Record<FuzzTable, string>;

/**
 * The whole written state in one round trip: the row count of each table and
 * an md5 over the full text of its rows (values, versions, session versions,
 * password hashes, archive and deactivation stamps, `updated_at`…). Equal
 * snapshots mean nothing was inserted, deleted or changed. With
 * `organizationId`, only that organization's rows (and its people's accounts).
 */
export async function fuzzSnapshot(db: Database, organizationId?: string): Promise<FuzzSnapshot> {
  const columns = (Object.keys(TABLES) as FuzzTable[]).map((table) => {
    const scope = TABLES[table];
    if (organizationId && !scope) return sql`'-' as ${sql.identifier(table)}`;
    const where = organizationId && scope ? scope(organizationId) : sql``;
    return sql`(select count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${sql.identifier(table)} t ${where}) as ${sql.identifier(table)}`;
  });
  const [row] = rows<FuzzSnapshot>(await db.execute(sql`select ${sql.join(columns, sql`, `)}`));
  if (!row) throw new Error("snapshot query returned nothing");
  return { ...row };
}

/**
 * Integrity rules no successful call may break, as one query listing every
 * violation: each reference stays inside its organization (a parent team, an
 * aligned objective, a cycle, a key result's objective, a check-in's or
 * comment's target, a team member's or owner's membership), and neither the
 * team tree nor the alignment tree has a loop.
 */
export async function fuzzInvariantViolations(db: Database): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive
      team_walk(start_id, id, depth) as (
        select t.id, t.parent_id, 1 from teams t where t.parent_id is not null
        union all
        select w.start_id, t.parent_id, w.depth + 1
        from team_walk w join teams t on t.id = w.id
        where t.parent_id is not null and w.depth < 100 and w.id <> w.start_id
      ),
      objective_walk(start_id, id, depth) as (
        select o.id, o.parent_id, 1 from objectives o where o.parent_id is not null
        union all
        select w.start_id, o.parent_id, w.depth + 1
        from objective_walk w join objectives o on o.id = w.id
        where o.parent_id is not null and w.depth < 100 and w.id <> w.start_id
      )
    select distinct 'team ' || start_id || ' is its own ancestor' as violation from team_walk where id = start_id
    union all
    select distinct 'objective ' || start_id || ' is aligned under itself' from objective_walk where id = start_id
    union all
    select 'team ' || t.id || ' has a parent in another organization'
      from teams t join teams p on p.id = t.parent_id where p.organization_id <> t.organization_id
    union all
    select 'team member ' || m.user_id || ' of team ' || m.team_id || ' crosses organizations'
      from team_members m join teams t on t.id = m.team_id where t.organization_id <> m.organization_id
    union all
    select 'team member ' || m.user_id || ' is no member of the organization'
      from team_members m
      where not exists (select 1 from memberships s where s.user_id = m.user_id and s.organization_id = m.organization_id)
    union all
    select 'objective ' || o.id || ' is in another organization''s cycle'
      from objectives o join cycles c on c.id = o.cycle_id where c.organization_id <> o.organization_id
    union all
    select 'objective ' || o.id || ' belongs to another organization''s team'
      from objectives o join teams t on t.id = o.team_id where t.organization_id <> o.organization_id
    union all
    select 'objective ' || o.id || ' is aligned to another organization'
      from objectives o join objectives p on p.id = o.parent_id where p.organization_id <> o.organization_id
    union all
    select 'objective ' || o.id || ' is carried from another organization'
      from objectives o join objectives p on p.id = o.carried_from_id where p.organization_id <> o.organization_id
    union all
    select 'objective ' || o.id || ' is owned by someone outside the organization'
      from objectives o
      where not exists (select 1 from memberships s where s.user_id = o.owner_id and s.organization_id = o.organization_id)
    union all
    select 'key result ' || k.id || ' hangs on another organization''s objective'
      from key_results k join objectives o on o.id = k.objective_id where o.organization_id <> k.organization_id
    union all
    select 'key result ' || k.id || ' is owned by someone outside the organization'
      from key_results k
      where not exists (select 1 from memberships s where s.user_id = k.owner_id and s.organization_id = k.organization_id)
    union all
    select 'check-in ' || c.id || ' is on another organization''s key result'
      from check_ins c join key_results k on k.id = c.key_result_id where k.organization_id <> c.organization_id
    union all
    select 'comment ' || c.id || ' is on another organization''s objective'
      from comments c join objectives o on o.id = c.objective_id where o.organization_id <> c.organization_id
    union all
    select 'comment ' || c.id || ' names a key result of another objective'
      from comments c join key_results k on k.id = c.key_result_id where k.objective_id <> c.objective_id
  `);
  return rows<{ violation: string }>(result).map((r) => r.violation);
}
