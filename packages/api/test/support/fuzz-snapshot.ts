import { type Database, rows, type SQL, sql } from "@meridian/db";

/**
 * Every table a procedure can write, with how to narrow it to one
 * organization: tenant tables by `organization_id`, people by membership.
 */
const TABLES = {
  organizations: (org: string) => sql`where t.id = ${org}`,
  users: (org: string) => sql`where t.id in (select m.user_id from memberships m where m.organization_id = ${org})`,
  memberships: (org: string) => sql`where t.organization_id = ${org}`,
  invitations: (org: string) => sql`where t.organization_id = ${org}`,
  teams: (org: string) => sql`where t.organization_id = ${org}`,
  team_members: (org: string) => sql`where t.organization_id = ${org}`,
  cycles: (org: string) => sql`where t.organization_id = ${org}`,
  objectives: (org: string) => sql`where t.organization_id = ${org}`,
  key_results: (org: string) => sql`where t.organization_id = ${org}`,
  check_ins: (org: string) => sql`where t.organization_id = ${org}`,
  comments: (org: string) => sql`where t.organization_id = ${org}`,
  activity_log: (org: string) => sql`where t.organization_id = ${org}`,
  perspectives: (org: string) => sql`where t.organization_id = ${org}`,
  strategic_objectives: (org: string) => sql`where t.organization_id = ${org}`,
  strategy_links: (org: string) => sql`where t.organization_id = ${org}`,
  kpis: (org: string) => sql`where t.organization_id = ${org}`,
  kpi_targets: (org: string) => sql`where t.organization_id = ${org}`,
  kpi_actuals: (org: string) => sql`where t.organization_id = ${org}`,
  kpi_benchmarks: (org: string) => sql`where t.organization_id = ${org}`,
  api_tokens: (org: string) => sql`where t.organization_id = ${org}`,
  reviews: (org: string) => sql`where t.organization_id = ${org}`,
  review_comments: (org: string) => sql`where t.organization_id = ${org}`,
  corrective_actions: (org: string) => sql`where t.organization_id = ${org}`,
  experiments: (org: string) => sql`where t.organization_id = ${org}`,
  experiment_variants: (org: string) => sql`where t.organization_id = ${org}`,
  experiment_metrics: (org: string) => sql`where t.organization_id = ${org}`,
  experiment_results: (org: string) => sql`where t.organization_id = ${org}`,
  campaigns: (org: string) => sql`where t.organization_id = ${org}`,
  campaign_results: (org: string) => sql`where t.organization_id = ${org}`,
  calendar_feeds: (org: string) => sql`where t.organization_id = ${org}`,
  webhook_endpoints: (org: string) => sql`where t.organization_id = ${org}`,
  webhook_deliveries: (org: string) => sql`where t.organization_id = ${org}`,
  webhook_delivery_attempts: (org: string) => sql`where t.organization_id = ${org}`,
  // Not tenant-owned: people's sessions, narrowed like their accounts.
  user_sessions: (org: string) =>
    sql`where t.user_id in (select m.user_id from memberships m where m.organization_id = ${org})`,
  notifications: (org: string) => sql`where t.organization_id = ${org}`,
  notification_preferences: (org: string) => sql`where t.organization_id = ${org}`,
  notification_defaults: (org: string) => sql`where t.organization_id = ${org}`,
  // Not tenant-owned. Only account.changePassword writes it: a wrong current password is counted.
  login_throttle: null,
} as const satisfies Record<string, ((org: string) => SQL) | null>;

export type FuzzTable = keyof typeof TABLES;
/** Per table: "<row count>:<sum of a 64-bit hash of every row version's ctid and xmin>". */
export type FuzzSnapshot = Record<FuzzTable, string>;

/**
 * The whole written state in one round trip: per table, the row count and
 * the sum of a 64-bit hash of each row version's identity (its physical
 * place, ctid, and the transaction that wrote it, xmin). Postgres writes a
 * new row version for every insert and update, even one that changes no
 * value, and a rolled-back write leaves the old version in place: equal
 * snapshots mean nothing was inserted, deleted or changed (row locks, which
 * touch neither, do not count). Reading no column keeps a snapshot after
 * every fuzzed call cheap however large the rows (review snapshots, activity
 * details) and however many. With `organizationId`, only that organization's
 * rows (and its people's accounts).
 */
export async function fuzzSnapshot(db: Database, organizationId?: string): Promise<FuzzSnapshot> {
  const columns = (Object.keys(TABLES) as FuzzTable[]).map((table) => {
    const scope = TABLES[table];
    if (organizationId && !scope) return sql`'-' as ${sql.identifier(table)}`;
    const where = organizationId && scope ? scope(organizationId) : sql``;
    return sql`(select count(*)::text || ':' || coalesce(sum(hashtextextended(t.ctid::text || '@' || t.xmin::text, 0)), 0)::text from ${sql.identifier(table)} t ${where}) as ${sql.identifier(table)}`;
  });
  const [row] = rows<FuzzSnapshot>(await db.execute(sql`select ${sql.join(columns, sql`, `)}`));
  if (!row) throw new Error("snapshot query returned nothing");
  return { ...row };
}

/**
 * Integrity rules no successful call may break, as one query listing every
 * violation: each reference stays inside its organization (a parent team, an
 * aligned objective, a cycle, a key result's objective, a check-in's or
 * comment's target, a team member's or owner's membership; a strategic
 * objective's perspective, a strategy link's ends, a KPI's objective and
 * inputs, the KPI of a target, actual or benchmark, an OKR objective's
 * strategic objective, a review's cycle and team, the review of a commentary
 * or corrective action), neither the team tree nor the alignment tree has a
 * loop, and a live computed KPI is built from two entered KPIs, never itself.
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
    union all
    select 'strategic objective ' || s.id || ' is in another organization''s perspective'
      from strategic_objectives s join perspectives p on p.id = s.perspective_id where p.organization_id <> s.organization_id
    union all
    select 'strategic objective ' || s.id || ' is owned by someone outside the organization'
      from strategic_objectives s
      where not exists (select 1 from memberships m where m.user_id = s.owner_id and m.organization_id = s.organization_id)
    union all
    select 'strategy link ' || l.id || ' joins another organization''s strategic objective'
      from strategy_links l join strategic_objectives s on s.id in (l.cause_id, l.effect_id)
      where s.organization_id <> l.organization_id
    union all
    select 'KPI ' || k.id || ' measures another organization''s strategic objective'
      from kpis k join strategic_objectives s on s.id = k.strategic_objective_id where s.organization_id <> k.organization_id
    union all
    select 'KPI ' || k.id || ' is owned by someone outside the organization'
      from kpis k
      where not exists (select 1 from memberships m where m.user_id = k.owner_id and m.organization_id = k.organization_id)
    union all
    select 'KPI ' || k.id || ' is computed from another organization''s KPI'
      from kpis k join kpis i on i.id in (k.input_a_id, k.input_b_id) where i.organization_id <> k.organization_id
    union all
    select 'KPI ' || k.id || ' is its own input' from kpis k where k.id in (k.input_a_id, k.input_b_id)
    union all
    select 'KPI ' || k.id || ' is computed from the computed KPI ' || i.id
      from kpis k join kpis i on i.id in (k.input_a_id, k.input_b_id)
      where k.archived_at is null and i.kind in ('ratio', 'roi')
    union all
    select 'KPI target ' || t.id || ' is on another organization''s KPI'
      from kpi_targets t join kpis k on k.id = t.kpi_id where k.organization_id <> t.organization_id
    union all
    select 'KPI actual ' || a.id || ' is on another organization''s KPI'
      from kpi_actuals a join kpis k on k.id = a.kpi_id where k.organization_id <> a.organization_id
    union all
    select 'KPI benchmark ' || b.id || ' is on another organization''s KPI'
      from kpi_benchmarks b join kpis k on k.id = b.kpi_id where k.organization_id <> b.organization_id
    union all
    select 'objective ' || o.id || ' is aligned to another organization''s strategic objective'
      from objectives o join strategic_objectives s on s.id = o.strategic_objective_id
      where s.organization_id <> o.organization_id
    union all
    select 'review ' || r.id || ' is of another organization''s cycle'
      from reviews r join cycles c on c.id = r.cycle_id where c.organization_id <> r.organization_id
    union all
    select 'review ' || r.id || ' is of another organization''s team'
      from reviews r join teams t on t.id = r.team_id where t.organization_id <> r.organization_id
    union all
    select 'review comment ' || c.id || ' is on another organization''s review'
      from review_comments c join reviews r on r.id = c.review_id where r.organization_id <> c.organization_id
    union all
    select 'corrective action ' || a.id || ' is on another organization''s review'
      from corrective_actions a join reviews r on r.id = a.review_id where r.organization_id <> a.organization_id
    union all
    select 'corrective action ' || a.id || ' is owned by someone outside the organization'
      from corrective_actions a
      where not exists (select 1 from memberships m where m.user_id = a.owner_id and m.organization_id = a.organization_id)
  `);
  return rows<{ violation: string }>(result).map((r) => r.violation);
}
