/*
 * Hand-written SQL for each read of the company benchmark: one statement per
 * read, returning the rows the API answers with, for the same caller. Each
 * resolves the caller's membership and teams (as every API request does),
 * applies the same visibility, filters, order and page size, and computes the
 * derived fields (progress status, key result progress, check-in rights,
 * KPI scores) in SQL. `same*` functions compare an API answer with a
 * baseline's rows, so a baseline that drifts from the API is reported.
 */

/** A statement and its parameters ($1, $2, …), as both drivers take them. */
export interface Statement {
  text: string;
  params: unknown[];
}

export type Row = Record<string, unknown>;

// The objectives dashboard's and a branch's page (DASHBOARD_PAGE_SIZE), and objectives.list's default limit.
export const PAGE = 50;

/** $1: the caller's user id. The membership the request acts in, with the teams it belongs to and leads. */
export const ME = `me as (
  select m.organization_id as org, m.user_id, m.role::text as role,
    array(select tm.team_id from team_members tm where tm.organization_id = m.organization_id and tm.user_id = m.user_id) as teams,
    array(select tm.team_id from team_members tm
      where tm.organization_id = m.organization_id and tm.user_id = m.user_id and tm.role = 'lead') as led
  from memberships m join organizations org on org.id = m.organization_id
  where m.user_id = $1::uuid and m.deactivated_at is null
  order by m.created_at, org.name limit 1
)`;

const utc = (day: string) => `(${day}::timestamp at time zone 'UTC')`;
/** The elapsed fraction of a cycle at $2 (now). */
const expected = (c: string) =>
  `least(1, greatest(0, extract(epoch from ($2::timestamptz - ${utc(`${c}.starts_on`)})) / extract(epoch from (${utc(`(${c}.ends_on + 1)`)} - ${utc(`${c}.starts_on`)}))))::float8`;
const cycleColumns = (c: string) =>
  `${c}.id, ${c}.name, ${c}.starts_on::text as starts_on, ${c}.ends_on::text as ends_on, ${c}.status::text as status, ${c}.version, ${expected(c)} as expected`;

/** The current cycle: the open one holding now, else the latest open one, else the latest. */
const CURRENT_CYCLE = `cyc as (
  select ${cycleColumns("c")}
  from me cross join cycles c where c.organization_id = me.org
  order by (c.status = 'open' and $2::timestamptz >= ${utc("c.starts_on")} and $2::timestamptz < ${utc("(c.ends_on + 1)")}) desc,
    (c.status = 'open') desc, c.starts_on desc
  limit 1
)`;

/** Who sees an objective: admins, its owner; private ones the leads of its team, drafts its team; others everyone. */
const visible = (o: string) => `(me.role = 'admin' or ${o}.owner_id = me.user_id or case
  when ${o}.visibility = 'private' then coalesce(${o}.team_id = any(me.led), false)
  when ${o}.status = 'draft' then coalesce(${o}.team_id = any(me.teams), false)
  else true end)`;

/** progressStatus of a progress figure against cyc.expected. */
const status = (progress: string, hasData: string, confidence: string) => `case
  when not ${hasData} then 'no_data'
  when ${progress} - cyc.expected > -0.2 + 1e-9 then case when ${confidence} <= 3 then 'at_risk' else 'on_track' end
  when ${progress} - cyc.expected >= -0.4 - 1e-9 then 'at_risk'
  else 'off_track' end`;

/** The columns of an objective summary (o, its owner u, team t, visible parent p). */
const SUMMARY = `o.id, o.cycle_id, o.title, o.description, o.level::text as level, o.status::text as status,
  o.visibility::text as visibility, o.progress_source::text as progress_source, o.weight, o.version,
  o.owner_id, u.name as owner_name, o.team_id, t.name as team_name, p.id as parent_id,
  o.progress, o.progress_has_data as has_data, ${status("o.progress", "o.progress_has_data", "o.lowest_confidence")} as progress_status,
  o.key_result_count,
  (select count(*)::int from objectives ch
    where ch.organization_id = o.organization_id and ch.parent_id = o.id and ch.cycle_id = o.cycle_id
      and ch.status <> 'archived' and ${visible("ch")}) as aligned_count`;

/**
 * From the objectives o of cyc the caller sees, with owner, team and visible parent. The organization and
 * cycle are compared as scalar subqueries: the planner then takes them as values known when it runs (and
 * estimates one cycle's share of the rows), instead of sorting every cycle's objectives to find the page.
 */
const SUMMARY_FROM = `me cross join cyc cross join objectives o
  join users u on u.id = o.owner_id
  left join teams t on t.organization_id = o.organization_id and t.id = o.team_id
  left join objectives p on p.organization_id = o.organization_id and p.id = o.parent_id and p.cycle_id = o.cycle_id
    and p.status <> 'archived' and ${visible("p")}
  where o.organization_id = (select org from me) and o.cycle_id = (select id from cyc) and o.status <> 'archived'
    and ${visible("o")}`;

const ORDER = "o.level, o.created_at, o.id";

const KR_PROGRESS = `case when k.current_value is null then 0::float8 else case k.type
  when 'increase_to' then case when k.target_value = k.start_value then (k.current_value = k.target_value)::int::float8
    else (k.current_value - k.start_value) / (k.target_value - k.start_value) end
  when 'decrease_to' then case when k.target_value = k.start_value then (k.current_value = k.target_value)::int::float8
    else (k.current_value - k.start_value) / (k.target_value - k.start_value) end
  when 'stay_at_or_above' then (k.current_value >= k.target_value)::int::float8
  when 'stay_at_or_below' then (k.current_value <= k.target_value)::int::float8
  when 'milestone' then (k.current_value >= 1)::int::float8
  when 'percentage' then k.current_value / 100 end end`;

/** The active key results of objective `o` (status, team_id), as JSON, in their order. */
const keyResultsOf = (o: string) => `(select coalesce(json_agg(json_build_object(
    'id', k.id, 'objectiveId', k.objective_id, 'version', k.version, 'title', k.title, 'type', k.type,
    'startValue', k.start_value, 'targetValue', k.target_value, 'currentValue', k.current_value,
    'currentConfidence', k.current_confidence, 'lastCheckInAt', k.last_check_in_at, 'unit', k.unit,
    'unitLabel', k.unit_label, 'weight', k.weight, 'ownerId', k.owner_id, 'ownerName', ku.name,
    'gradeOverride', k.grade_override, 'gradeReason', k.grade_reason,
    'progress', kp.progress, 'hasData', k.current_value is not null,
    'status', ${status("kp.progress", "(k.current_value is not null)", "k.current_confidence")},
    'canCheckIn', cyc.status = 'open' and ${o}.status = 'active' and me.role <> 'viewer'
      and (me.role = 'admin' or k.owner_id = me.user_id
        or (me.role = 'manager' and coalesce(${o}.team_id = any(me.led), false)))
  ) order by k.position, k.created_at, k.id), '[]'::json)
  from key_results k join users ku on ku.id = k.owner_id
  cross join lateral (select ${KR_PROGRESS} as progress) kp
  where k.organization_id = me.org and k.objective_id = ${o}.id and k.archived_at is null)`;

export interface ListFilter {
  teamId?: string;
  /** Text in the title, description or a key result's title. */
  q?: string;
  atRisk?: boolean;
}

/** objectives.list: a page of the current cycle's visible objectives matching the filter, with key results. */
export function listBaseline(userId: string, now: Date, filter: ListFilter, limit = PAGE): Statement {
  const params: unknown[] = [userId, now.toISOString()];
  const where: string[] = [];
  if (filter.teamId) {
    params.push(filter.teamId);
    where.push(`o.team_id = $${params.length}::uuid`);
  }
  if (filter.q) {
    params.push(`%${filter.q.replace(/[\\%_]/g, "\\$&")}%`);
    const n = `$${params.length}::text`;
    // `offset 0`: probe each objective's key results by index, not a hash of every matching one.
    where.push(`(o.title ilike ${n} or o.description ilike ${n} or exists (
      select 1 from key_results s where s.organization_id = o.organization_id and s.objective_id = o.id
        and s.archived_at is null and s.title ilike ${n} offset 0))`);
  }
  if (filter.atRisk) {
    where.push(`${status("o.progress", "o.progress_has_data", "o.lowest_confidence")} in ('at_risk', 'off_track')`);
  }
  params.push(limit + 1);
  return {
    text: `with ${ME}, ${CURRENT_CYCLE},
      page as (
        select ${SUMMARY}, o.created_at as sort_created_at, o.level as sort_level, o.organization_id
        from ${SUMMARY_FROM} ${where.map((w) => `and ${w}`).join(" ")}
        order by ${ORDER} limit $${params.length}
      )
      select page.*, cyc.expected, ${keyResultsOf("page")} as key_results
      from me cross join cyc cross join page
      order by page.sort_level, page.sort_created_at, page.id`,
    params,
  };
}

/** objectives.dashboard: the status totals of every visible objective of the cycle, and the first page of its roots. */
export function dashboardBaseline(userId: string, now: Date): Statement {
  return {
    text: `with ${ME}, ${CURRENT_CYCLE},
      totals as (
        select ${status("o.progress", "o.progress_has_data", "o.lowest_confidence")} as status, count(*)::int as n
        from me cross join cyc cross join objectives o
        where o.organization_id = (select org from me) and o.cycle_id = (select id from cyc) and o.status <> 'archived'
          and ${visible("o")}
        group by 1
      ),
      roots as (
        select ${SUMMARY}, o.level as sort_level, o.created_at as sort_created_at
        from ${SUMMARY_FROM}
          and not exists (select 1 from objectives rp
            where rp.organization_id = o.organization_id and rp.id = o.parent_id and rp.cycle_id = o.cycle_id
              and rp.status <> 'archived' and ${visible("rp")})
        order by ${ORDER} limit ${PAGE + 1}
      )
      select (select row_to_json(cyc) from cyc) as cycle,
        (select coalesce(json_object_agg(status, n), '{}'::json) from totals) as totals,
        (select coalesce(json_agg(roots order by sort_level, sort_created_at, id), '[]'::json) from roots) as roots`,
    params: [userId, now.toISOString()],
  };
}

/** The opened objective $3 when the caller sees it, and its cycle. */
const OPENED = `obj as (
    select o.* from me cross join objectives o where o.organization_id = me.org and o.id = $3::uuid and ${visible("o")}
  ),
  cyc as (select ${cycleColumns("c")} from obj join cycles c on c.organization_id = obj.organization_id and c.id = obj.cycle_id)`;

/** A page of the visible objectives aligned under obj in its cycle. */
const ALIGNED = `aligned as (
    select ${SUMMARY}, o.level as sort_level, o.created_at as sort_created_at
    from obj cross join ${SUMMARY_FROM} and o.parent_id = obj.id
    order by ${ORDER} limit ${PAGE + 1}
  )`;

/** objectives.branch: the opened objective's key results and the first page of what aligns under it. */
export function branchBaseline(userId: string, now: Date, objectiveId: string): Statement {
  return {
    text: `with ${ME}, ${OPENED}, ${ALIGNED}
      select obj.id, cyc.expected, ${keyResultsOf("obj")} as key_results,
        (select coalesce(json_agg(aligned order by sort_level, sort_created_at, id), '[]'::json) from aligned) as aligned
      from me cross join obj cross join cyc`,
    params: [userId, now.toISOString(), objectiveId],
  };
}

/** objectives.get: one objective's page, everything it shows, in one row. */
export function getBaseline(userId: string, now: Date, objectiveId: string): Statement {
  const canWrite = `(me.role in ('admin', 'manager', 'member') and (me.role = 'admin' or (obj.level <> 'company' and (
      (obj.level = 'personal' and obj.owner_id = me.user_id)
      or (me.role = 'manager' and coalesce(obj.team_id = any(me.led), false))))))`;
  return {
    text: `with ${ME}, ${OPENED}, ${ALIGNED},
      self as (
        select ${SUMMARY}
        from obj cross join ${SUMMARY_FROM} and o.id = obj.id
      ),
      path as (
        with recursive up(id, title, parent_id, depth) as (
          select o.id, o.title, o.parent_id, 0 from me cross join objectives o where o.organization_id = me.org and o.id = $3::uuid
          union all
          select o.id, o.title, o.parent_id, up.depth + 1 from me cross join up
          join objectives o on o.organization_id = me.org and o.id = up.parent_id
          where up.depth < 50 and o.status <> 'archived' and ${visible("o")}
        )
        select id, title, depth from up where depth > 0
      ),
      krs as (select ${keyResultsOf("obj")} as list from me cross join obj cross join cyc)
      select row_to_json(self) as objective, krs.list as key_results,
        (select coalesce(json_agg(aligned order by sort_level, sort_created_at, id), '[]'::json) from aligned) as aligned,
        row_to_json(cyc) as cycle,
        (select coalesce(json_agg(json_build_object('id', id, 'title', title) order by depth desc), '[]'::json) from path) as path,
        (select json_build_object('id', so.id, 'name', so.name, 'perspectiveName', pe.name)
          from strategic_objectives so join perspectives pe on pe.id = so.perspective_id
          where so.organization_id = me.org and so.id = obj.strategic_objective_id) as strategic_objective,
        (select coalesce(json_agg(json_build_object('id', ci.id, 'keyResultId', ci.key_result_id, 'value', ci.value,
            'confidence', ci.confidence, 'comment', ci.comment, 'createdAt', ci.created_at, 'editedAt', ci.edited_at,
            'authorId', ci.author_id, 'authorName', au.name) order by ci.key_result_id, ci.seq), '[]'::json)
          from check_ins ci
          join key_results k on k.organization_id = ci.organization_id and k.id = ci.key_result_id
          join users au on au.id = ci.author_id
          where ci.organization_id = me.org and k.objective_id = obj.id and k.archived_at is null) as check_ins,
        (select coalesce(json_agg(json_build_object('id', cm.id, 'keyResultId', cm.key_result_id, 'body', cm.body,
            'createdAt', cm.created_at, 'authorName', cu.name) order by cm.created_at), '[]'::json)
          from comments cm join users cu on cu.id = cm.author_id
          where cm.organization_id = me.org and cm.objective_id = obj.id) as comments,
        (select coalesce(json_agg(a order by a.created_at desc), '[]'::json) from (
          select al.id, al.action, al.entity_type, al.entity_id, al.details, al.created_at, au.name as actor_name
          from activity_log al left join users au on au.id = al.actor_id
          where al.organization_id = me.org and ((al.entity_type = 'objective' and al.entity_id = obj.id)
            or (al.entity_type = 'key_result' and al.entity_id in (select k.id from key_results k
              where k.organization_id = me.org and k.objective_id = obj.id and k.archived_at is null)))
          order by al.created_at desc limit 100) a) as activity,
        ${canWrite} and cyc.status <> 'closed' as can_edit,
        obj.status = 'draft' and ${canWrite} and (me.role = 'admin' or (obj.level = 'personal' and obj.owner_id = me.user_id)
          or coalesce(obj.team_id = any(me.led), false)) as can_publish,
        cyc.status = 'closed' and (${canWrite} or exists (select 1 from key_results k
          where k.organization_id = me.org and k.objective_id = obj.id and k.archived_at is null and k.owner_id = me.user_id)) as can_grade,
        me.role in ('admin', 'manager', 'member') as can_comment
      from me cross join obj cross join cyc cross join self cross join krs`,
    params: [userId, now.toISOString(), objectiveId],
  };
}

/*
 * Scorecard scoring in SQL, for entered (manual) KPIs — the only kind the
 * generator makes: a quarter's actual aggregates the KPI's values as it
 * declares (sum, average, last), a summed KPI is held to the share of its
 * targets for the periods reported while its quarter is open and to its full
 * targets once the quarter has ended (ADR 0015), the goal / red-flag score is
 * clamp(10·(actual − (red − d)) / 3d, 0, 10) with d = goal − red, and
 * objectives, perspectives and the scorecard take weighted means of the
 * scores they have. $2: the quarters' first days, oldest first.
 */
const quarterNumber = (day: string) => `(extract(year from ${day})::int * 4 + extract(quarter from ${day})::int)`;
const QUARTERS = `q as (
    select i::int as i, qs::date as qs, (qs + interval '3 months' - interval '1 day')::date as qe, ${quarterNumber("qs")} as qn
    from unnest($2::date[]) with ordinality as u(qs, i)
  )`;
/** Reporting periods starting inside quarter q: 3 months, 1 quarter, or the Mondays from q.qs to q.qe. */
const periodsIn = (frequency: string) => `case ${frequency} when 'monthly' then 3 when 'quarterly' then 1
    else (q.qe - (q.qs + (8 - extract(isodow from q.qs)::int) % 7)) / 7 + 1 end`;
/**
 * Every live KPI (k) scored in every quarter (q) as of the day `today` (a placeholder such as
 * "$3"): ks. `kpiFilter` narrows k. An actual is stored once per reporting period, named by its
 * first day, so a quarter's rows are its periods with data.
 */
const scored = (today: string, kpiFilter = "") => `k as (
    select kp.* from me cross join kpis kp where kp.organization_id = me.org and kp.archived_at is null ${kpiFilter}
  ),
  agg as (
    select a.kpi_id, ${quarterNumber("a.period_start")} as qn, sum(a.value) as total, avg(a.value) as mean,
      count(*)::int as reported, max(a.period_start) as last_period
    from me cross join kpi_actuals a
    where a.organization_id = me.org and a.kpi_id in (select id from k)
      and a.period_start between (select min(qs) from q) and (select max(qe) from q)
    group by 1, 2
  ),
  kq as (
    select k.id, k.strategic_objective_id, k.weight, q.i, q.qs, q.qe < ${today}::date as ended,
      case k.aggregation when 'sum' then agg.total when 'average' then agg.mean else la.value end as actual,
      coalesce(t.goal, k.goal) as full_goal, coalesce(t.red_flag, k.red_flag) as full_red,
      case when k.aggregation = 'sum' and ${periodsIn("k.frequency")} > 1 and coalesce(agg.reported, 0) > 0
        and agg.reported < ${periodsIn("k.frequency")} then agg.reported end as reported,
      ${periodsIn("k.frequency")} as periods
    from k cross join q
    left join agg on agg.kpi_id = k.id and agg.qn = q.qn
    left join kpi_actuals la on k.aggregation = 'last' and la.organization_id = k.organization_id and la.kpi_id = k.id
      and la.period_start = agg.last_period
    left join kpi_targets t on t.organization_id = k.organization_id and t.kpi_id = k.id and t.period_start = q.qs
  ),
  kg as (
    select kq.*,
      case when reported is null or ended then full_goal else full_goal * (reported::float8 / periods) end as goal,
      case when reported is null or ended then full_red else full_red * (reported::float8 / periods) end as red_flag
    from kq
  ),
  ks as (
    select kg.*, case when actual is null or goal = red_flag then null
      else least(10, greatest(0, 10 * (actual - (red_flag - (goal - red_flag))) / (3 * (goal - red_flag)))) end as score
    from kg
  )`;
const kpiStatus = (score: string) => `case when ${score} is null then 'no_data'
    when floor(${score} * 100 + 0.5) / 100 < 3.33 then 'red' when floor(${score} * 100 + 0.5) / 100 < 6.67 then 'amber'
    else 'green' end`;
const weighted = (score: string, weight: string) =>
  `sum(${weight} * ${score}) filter (where ${score} is not null and ${weight} > 0)
    / nullif(sum(${weight}) filter (where ${score} is not null and ${weight} > 0), 0)`;

/**
 * scorecard.tree: the scorecard, its perspectives and strategic objectives, each scored over 8 quarters, with
 * how many KPIs each objective has (and how many are linked to none); with `withKpis` the KPIs too, scored alike.
 */
export function treeBaseline(
  userId: string,
  quarterStarts: readonly string[],
  withKpis: boolean,
  today: string,
): Statement {
  const kpiRows = `
      union all
      select 'kpi', k.id, k.name, k.weight, kt.scores, kt.statuses, kt.actuals, kt.actual, kt.goal, kt.red_flag,
        kt.reported, kt.periods, null, k.owner_id, ku.name, k.unit, k.direction::text, k.frequency::text, k.kind::text,
        null, null, null, case when so.id is null then 2 else 1 end, pe.position, pe.name, so.name, k.name, k.id
      from k join kt on kt.id = k.id join users ku on ku.id = k.owner_id
      left join so on so.id = k.strategic_objective_id left join pe on pe.id = so.perspective_id
      where k.strategic_objective_id is null or so.id is not null`;
  return {
    text: `with ${ME}, ${QUARTERS}, ${scored("$3")},
      so as (select s.* from me cross join strategic_objectives s where s.organization_id = me.org),
      pe as (select p.* from me cross join perspectives p where p.organization_id = me.org),
      sos as (
        select so.id, q.i, ${weighted("ks.score", "ks.weight")} as score
        from so cross join q left join ks on ks.strategic_objective_id = so.id and ks.i = q.i
        group by so.id, q.i
      ),
      pes as (
        select pe.id, q.i, ${weighted("sos.score", "so.weight")} as score
        from pe cross join q left join so on so.perspective_id = pe.id left join sos on sos.id = so.id and sos.i = q.i
        group by pe.id, q.i
      ),
      total as (
        select pes.i, ${weighted("pes.score", "pe.weight")} as score from pes join pe on pe.id = pes.id group by pes.i
      ),
      kt as (
        select id, array_agg(score order by i) as scores, array_agg(${kpiStatus("score")} order by i) as statuses,
          array_agg(actual order by i) as actuals, (array_agg(actual order by i desc))[1] as actual,
          (array_agg(goal order by i desc))[1] as goal, (array_agg(red_flag order by i desc))[1] as red_flag,
          (array_agg(reported order by i desc))[1] as reported, (array_agg(periods order by i desc))[1] as periods
        from ks group by id
      )
      select 'scorecard' as kind, null::uuid as id, null::text as name, null::float8 as weight,
        array_agg(score order by i) as scores, array_agg(${kpiStatus("score")} order by i) as statuses,
        null::float8[] as actuals, null::float8 as actual, null::float8 as goal, null::float8 as red_flag,
        null::int as reported, null::int as periods, null::text as description, null::uuid as owner_id,
        null::text as owner_name, null::text as unit, null::text as direction, null::text as frequency,
        null::text as kpi_kind, null::int as aligned_okr_count,
        (select count(*)::int from k where k.strategic_objective_id is null) as kpi_count,
        (select array_agg(x order by x desc) from (
          select distinct date_trunc('quarter', a.period_start)::date::text as x from me cross join kpi_actuals a
          where a.organization_id = me.org
          union select (($2::date[])[array_length($2::date[], 1)])::text) qa) as available,
        0 as g, null::int as p_position, null::text as p_name, null::text as o_name, null::text as k_name, null::uuid as k_id
      from total
      union all
      select 'perspective', pe.id, pe.name, pe.weight, array_agg(pes.score order by pes.i),
        array_agg(${kpiStatus("pes.score")} order by pes.i), null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, 1, pe.position, pe.name, null, null, null
      from pe join pes on pes.id = pe.id group by pe.id, pe.name, pe.weight, pe.position
      union all
      select 'objective', so.id, so.name, so.weight, array_agg(sos.score order by sos.i),
        array_agg(${kpiStatus("sos.score")} order by sos.i), null, null, null, null, null, null, so.description,
        so.owner_id, ou.name, null, null, null, null,
        (select count(*)::int from objectives o where o.organization_id = so.organization_id
          and o.strategic_objective_id = so.id and o.visibility = 'public' and o.status in ('active', 'closed')),
        (select count(*)::int from k where k.strategic_objective_id = so.id), null, 1, pe.position, pe.name, so.name,
        null, null
      from so join pe on pe.id = so.perspective_id join users ou on ou.id = so.owner_id join sos on sos.id = so.id
      group by so.id, so.name, so.weight, so.description, so.owner_id, ou.name, so.organization_id, pe.position, pe.name
      ${withKpis ? kpiRows : ""}
      order by g, p_position nulls first, p_name nulls first, o_name nulls first, k_name nulls first, k_id nulls first`,
    params: [userId, `{${quarterStarts.join(",")}}`, today],
  };
}

/**
 * kpis.list: live KPIs by name (a page of `limit` + 1 when the API pages, else all), each with
 * its latest actual within `lookbackStart`..today and its score this quarter ($2 holds the one quarter).
 */
export function kpiListBaseline(
  userId: string,
  quarterStart: string,
  today: string,
  lookbackStart: string,
  limit: number | null,
): Statement {
  return {
    text: `with ${ME}, ${QUARTERS},
      page as (
        select kp.id from me cross join kpis kp where kp.organization_id = me.org and kp.archived_at is null
        order by kp.name, kp.id limit $5
      ),
      ${scored("$3", "and kp.id in (select id from page)")}
      select k.id, k.name, k.unit, k.direction::text as direction, k.frequency::text as frequency,
        k.aggregation::text as aggregation, k.kind::text as kind, k.goal as definition_goal,
        k.red_flag as definition_red_flag, k.weight, k.version, k.owner_id, u.name as owner_name,
        k.strategic_objective_id, so.name as objective_name,
        latest.period_start::text as latest_period_start, latest.value as latest_value,
        ks.actual, ks.goal, ks.red_flag, ks.reported, ks.periods, ks.score, ${kpiStatus("ks.score")} as status
      from k join users u on u.id = k.owner_id
      left join strategic_objectives so on so.organization_id = k.organization_id and so.id = k.strategic_objective_id
      join ks on ks.id = k.id
      left join lateral (
        select a.period_start, a.value from kpi_actuals a
        where a.organization_id = k.organization_id and a.kpi_id = k.id and a.period_start between $4::date and $3::date
        order by a.period_start desc limit 1
      ) latest on true
      order by k.name, k.id`,
    params: [userId, `{${quarterStart}}`, today, lookbackStart, limit === null ? null : limit + 1],
  };
}

/**
 * teams.list: the organization's active teams by name, each with its head count and the caller's
 * role in it — the aggregate over the organization's team memberships, joined once.
 */
export function teamsListBaseline(userId: string): Statement {
  return {
    text: `with ${ME},
      counts as (
        select tm.team_id, count(*)::int as member_count,
          max(tm.role::text) filter (where tm.user_id = me.user_id) as my_role
        from me join team_members tm on tm.organization_id = me.org
        group by tm.team_id
      )
      select t.id, t.name, t.parent_id, t.version, coalesce(c.member_count, 0) as member_count, c.my_role
      from me join teams t on t.organization_id = me.org and t.archived_at is null
      left join counts c on c.team_id = t.id
      order by t.name, t.id`,
    params: [userId],
  };
}
