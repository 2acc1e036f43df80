import { PROGRESS_STATUS_BOUNDS } from "@meridian/domain";

/*
 * The bare server's SQL: one hand-written statement per page, returning in
 * one row what `objectives.dashboard` and `objectives.get` answer (the same
 * fields, names and order), built as JSON by the database. It resolves the
 * caller's membership and teams and the cycle as every API request does, and
 * applies the same visibility, order, page size and derived fields (progress
 * status, key result progress, check-in and edit rights).
 */

/** A statement and its parameters ($1, $2, …), as postgres.js (`unsafe`) and PGlite (`query`) take them. */
export interface Statement {
  text: string;
  params: unknown[];
}

/** Roots per dashboard page, aligned objectives per objective page (DASHBOARD_PAGE_SIZE). */
export const PAGE = 50;

/** $1: the caller. The membership the request acts in (the first one), with the teams it is in and leads. */
const ME = `me as (
  select m.organization_id as org, m.user_id as uid, m.role::text as role,
    array(select tm.team_id from team_members tm
      where tm.organization_id = m.organization_id and tm.user_id = m.user_id) as teams,
    array(select tm.team_id from team_members tm
      where tm.organization_id = m.organization_id and tm.user_id = m.user_id and tm.role = 'lead') as led
  from memberships m join organizations org on org.id = m.organization_id
  where m.user_id = $1::uuid and m.deactivated_at is null
  order by m.created_at, org.name
  limit 1
)`;

/** Who sees objective `o`: `visibleTo` / `canSeeObjective`. */
const visible = (o: string) => `(me.role = 'admin' or ${o}.owner_id = me.uid or case
  when ${o}.visibility = 'private' then coalesce(${o}.team_id = any(me.led), false)
  when ${o}.status = 'draft' then coalesce(${o}.team_id = any(me.teams), false)
  else true end)`;

const B = PROGRESS_STATUS_BOUNDS;
/** `progressStatus` against cv.expected. */
const status = (progress: string, hasData: string, confidence: string) => `case
  when not ${hasData} then 'no_data'
  when ${progress} - cv.expected > ${B.onTrackAbove}::float8 then
    case when ${confidence} <= ${B.lowConfidence} then 'at_risk' else 'on_track' end
  when ${progress} - cv.expected >= ${B.atRiskFrom}::float8 then 'at_risk'
  else 'off_track' end`;

/** An instant as JavaScript's Date.toJSON writes it. */
const iso = (t: string) => `to_char(${t} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const midnight = (day: string) => `(${day}::timestamp at time zone 'UTC')`;

/** A cycle `c` with its window and how much of it has elapsed at $2 (now). */
const cycleColumns = (c: string) => `${c}.id, ${c}.name, ${c}.starts_on, ${c}.ends_on, ${c}.status, ${c}.version,
  least(1, greatest(0, extract(epoch from ($2::timestamptz - ${midnight(`${c}.starts_on`)}))
    / extract(epoch from (${midnight(`(${c}.ends_on + 1)`)} - ${midnight(`${c}.starts_on`)}))))::float8 as expected`;

/** CycleView. */
const CYCLE_JSON = `json_build_object('id', cv.id, 'name', cv.name, 'startsOn', cv.starts_on::text,
  'endsOn', cv.ends_on::text, 'status', cv.status, 'version', cv.version,
  'start', to_char(cv.starts_on, 'YYYY-MM-DD') || 'T00:00:00.000Z',
  'end', to_char(cv.ends_on + 1, 'YYYY-MM-DD') || 'T00:00:00.000Z')`;

/**
 * A page of ObjectiveSummary rows (o with owner u, team t, visible parent p) of the objectives `where`
 * selects among those the caller sees, in (level, created_at, id) order, one more than a page:
 * columns rn, j (the summary as JSON) and next (the row's cursor key).
 */
const summaries = (
  where: string,
  limit: number,
) => `select row_number() over (order by o.level, o.created_at, o.id) as rn,
    json_build_object('id', o.id, 'cycleId', o.cycle_id, 'title', o.title, 'description', o.description,
      'level', o.level, 'status', o.status, 'visibility', o.visibility, 'progressSource', o.progress_source,
      'weight', o.weight, 'version', o.version, 'owner', json_build_object('id', u.id, 'name', u.name),
      'team', case when t.id is not null then json_build_object('id', t.id, 'name', t.name) end,
      'parentId', p.id, 'progress', o.progress, 'hasData', o.progress_has_data,
      'progressStatus', ${status("o.progress", "o.progress_has_data", "o.lowest_confidence")},
      'keyResultCount', o.key_result_count,
      'alignedCount', (select count(*)::int from objectives ch
        where ch.organization_id = o.organization_id and ch.parent_id = o.id and ch.cycle_id = o.cycle_id
          and ch.status <> 'archived' and ${visible("ch")})) as j,
    json_build_object('l', o.level, 'c', o.created_at::text, 'i', o.id) as next
  from me cross join cv cross join objectives o
  join users u on u.id = o.owner_id
  left join teams t on t.organization_id = o.organization_id and t.id = o.team_id
  left join objectives p on p.organization_id = o.organization_id and p.id = o.parent_id and p.cycle_id = o.cycle_id
    and p.status <> 'archived' and ${visible("p")}
  where o.organization_id = (select org from me) and o.status <> 'archived' and ${visible("o")} and ${where}
  order by o.level, o.created_at, o.id
  limit ${limit}`;

/** The first page of CTE `page` as a JSON array, and the cursor key of its last row when there is more. */
const pageColumns = (page: string, items: string, next: string) =>
  `coalesce((select json_agg(j order by rn) from ${page} where rn <= ${PAGE}), '[]'::json) as ${items},
  (select next from ${page} where rn = ${PAGE} and exists (select 1 from ${page} where rn > ${PAGE})) as ${next}`;

/**
 * objectives.dashboard for $1 at $2: the current cycle (the open one holding now, else the latest
 * open one, else the latest), status totals of every objective of it the caller sees, and the
 * first page of its roots (no visible parent in the cycle).
 */
export function dashboardStatement(userId: string, now: Date): Statement {
  return {
    text: `with ${ME},
    cv as (
      select ${cycleColumns("c")} from me cross join cycles c where c.organization_id = me.org
      order by (c.status = 'open' and $2::timestamptz >= ${midnight("c.starts_on")}
          and $2::timestamptz < ${midnight("(c.ends_on + 1)")}) desc,
        (c.status = 'open') desc, c.starts_on desc
      limit 1
    ),
    totals as (
      select ${status("o.progress", "o.progress_has_data", "o.lowest_confidence")} as s
      from me cross join cv cross join objectives o
      where o.organization_id = (select org from me) and o.cycle_id = (select id from cv)
        and o.status <> 'archived' and ${visible("o")}
    ),
    roots as (
      ${summaries(
        `o.cycle_id = (select id from cv) and not exists (select 1 from objectives rp
          where rp.organization_id = (select org from me) and rp.cycle_id = (select id from cv)
            and rp.id = o.parent_id and rp.status <> 'archived' and ${visible("rp")})`,
        PAGE + 1,
      )}
    )
    select ${CYCLE_JSON} as cycle, cv.expected,
      (select json_build_object('on_track', count(*) filter (where s = 'on_track'),
        'at_risk', count(*) filter (where s = 'at_risk'), 'off_track', count(*) filter (where s = 'off_track'),
        'no_data', count(*) filter (where s = 'no_data')) from totals) as totals,
      ${pageColumns("roots", "roots", "next")}
    from cv`,
    params: [userId, now.toISOString()],
  };
}

/** Key result progress (`keyResultProgress`) of k. */
const KR_PROGRESS = `case when k.current_value is null then 0::float8 else case k.type
  when 'increase_to' then case when k.target_value = k.start_value then (k.current_value = k.target_value)::int::float8
    else (k.current_value - k.start_value) / (k.target_value - k.start_value) + 0 end
  when 'decrease_to' then case when k.target_value = k.start_value then (k.current_value = k.target_value)::int::float8
    else (k.current_value - k.start_value) / (k.target_value - k.start_value) + 0 end
  when 'stay_at_or_above' then (k.current_value >= k.target_value)::int::float8
  when 'stay_at_or_below' then (k.current_value <= k.target_value)::int::float8
  when 'milestone' then (k.current_value >= 1)::int::float8
  when 'percentage' then k.current_value / 100 end end`;

/** `suggestedGrade`: the progress clamped to 0–1, to two decimals. */
const SUGGESTED_GRADE = (p: string) => `round((least(1, greatest(0, ${p})) * 100)::numeric)::float8 / 100`;

const leads = "coalesce(obj.team_id = any(me.led), false)";
const ownPersonal = "(obj.level = 'personal' and obj.owner_id = me.uid)";
/** `canWriteObjective`. */
const CAN_WRITE = `(me.role in ('admin', 'manager', 'member') and (me.role = 'admin' or (obj.level <> 'company'
  and (${ownPersonal} or (me.role = 'manager' and ${leads})))))`;

/**
 * objectives.get for $1 at $2, objective $3: one row with the objective's summary, key results,
 * first page of aligned objectives, cycle, path, strategic objective, check-ins, comments, the
 * newest 100 activity entries and what the caller may do. No row: the caller does not see it.
 */
export function objectiveStatement(userId: string, now: Date, objectiveId: string): Statement {
  return {
    text: `with recursive ${ME},
    obj as (
      select o.* from me cross join objectives o
      where o.organization_id = (select org from me) and o.id = $3::uuid and ${visible("o")}
    ),
    cv as (select ${cycleColumns("c")} from obj join cycles c on c.organization_id = obj.organization_id and c.id = obj.cycle_id),
    self as (${summaries("o.id = $3::uuid", 1)}),
    aligned as (${summaries("o.cycle_id = (select cycle_id from obj) and o.parent_id = $3::uuid", PAGE + 1)}),
    krs as (
      select k.position, k.created_at, k.id, k.owner_id, k.weight,
        coalesce(k.grade_override, kp.suggested) as grade, json_build_object('id', k.id, 'objectiveId', k.objective_id,
        'version', k.version, 'gradeOverride', k.grade_override, 'gradeReason', k.grade_reason, 'title', k.title,
        'type', k.type, 'startValue', k.start_value, 'targetValue', k.target_value, 'currentValue', k.current_value,
        'currentConfidence', k.current_confidence, 'lastCheckInAt', ${iso("k.last_check_in_at")}, 'unit', k.unit,
        'unitLabel', k.unit_label, 'weight', k.weight, 'owner', json_build_object('id', ku.id, 'name', ku.name),
        'progress', kp.progress, 'hasData', k.current_value is not null,
        'suggestedGrade', kp.suggested, 'grade', coalesce(k.grade_override, kp.suggested),
        'status', ${status("kp.progress", "(k.current_value is not null)", "k.current_confidence")},
        'canCheckIn', cv.status = 'open' and obj.status = 'active' and me.role in ('admin', 'manager', 'member')
          and (me.role = 'admin' or k.owner_id = me.uid or (me.role = 'manager' and ${leads}))) as j
      from me cross join obj cross join cv
      join key_results k on k.organization_id = obj.organization_id and k.objective_id = obj.id and k.archived_at is null
      join users ku on ku.id = k.owner_id
      cross join lateral (select ${KR_PROGRESS} as progress) kp0
      cross join lateral (select kp0.progress, ${SUGGESTED_GRADE("kp0.progress")} as suggested) kp
    ),
    up(id, title, parent_id, depth) as (
      select obj.id, obj.title, obj.parent_id, 0 from obj
      union all
      select o.id, o.title, o.parent_id, up.depth + 1 from up cross join me
      join objectives o on o.organization_id = me.org and o.id = up.parent_id
      where up.depth < 50 and o.status <> 'archived' and ${visible("o")}
    )
    select (select j from self) as objective,
      coalesce((select json_agg(j order by position, created_at, id) from krs), '[]'::json) as key_results,
      (select round((sum(weight * grade) / nullif(sum(weight), 0) * 100)::numeric)::float8 / 100
        from krs where weight > 0) as grade,
      ${pageColumns("aligned", "aligned", "aligned_next")},
      ${CYCLE_JSON} as cycle, cv.expected,
      case when (select j->>'parentId' from self) is not null then
        (select json_build_object('id', id, 'title', title) from up where depth = 1) end as parent,
      coalesce((select json_agg(json_build_object('id', id, 'title', title) order by depth desc)
        from up where depth > 0), '[]'::json) as path,
      (select json_build_object('id', so.id, 'name', so.name, 'perspectiveName', pe.name)
        from strategic_objectives so join perspectives pe on pe.id = so.perspective_id
        where so.organization_id = obj.organization_id and so.id = obj.strategic_objective_id limit 1) as strategic_objective,
      coalesce((select json_agg(json_build_object('id', ci.id, 'keyResultId', ci.key_result_id, 'value', ci.value,
          'confidence', ci.confidence, 'comment', ci.comment, 'createdAt', ${iso("ci.created_at")},
          'editedAt', ${iso("ci.edited_at")}, 'authorId', ci.author_id, 'authorName', au.name) order by ci.key_result_id, ci.seq)
        from check_ins ci
        join key_results k on k.organization_id = ci.organization_id and k.id = ci.key_result_id
        join users au on au.id = ci.author_id
        where ci.organization_id = obj.organization_id and k.objective_id = obj.id and k.archived_at is null),
        '[]'::json) as check_ins,
      coalesce((select json_agg(json_build_object('id', cm.id, 'keyResultId', cm.key_result_id, 'body', cm.body,
          'createdAt', ${iso("cm.created_at")}, 'authorName', cu.name) order by cm.created_at)
        from comments cm join users cu on cu.id = cm.author_id
        where cm.organization_id = obj.organization_id and cm.objective_id = obj.id), '[]'::json) as comments,
      coalesce((select json_agg(json_build_object('id', a.id, 'action', a.action, 'entityType', a.entity_type,
          'entityId', a.entity_id, 'details', a.details, 'createdAt', ${iso("a.created_at")}, 'actorName', a.actor_name)
          order by a.created_at desc)
        from (select al.*, au.name as actor_name from activity_log al left join users au on au.id = al.actor_id
          where al.organization_id = obj.organization_id and ((al.entity_type = 'objective' and al.entity_id = obj.id)
            or (al.entity_type = 'key_result' and al.entity_id in (select k.id from key_results k
              where k.organization_id = obj.organization_id and k.objective_id = obj.id and k.archived_at is null)))
          order by al.created_at desc limit 100) a), '[]'::json) as activity,
      json_build_object(
        'edit', ${CAN_WRITE} and cv.status <> 'closed',
        'publish', obj.status = 'draft' and ${CAN_WRITE} and (me.role = 'admin' or ${ownPersonal} or ${leads}),
        'grade', cv.status = 'closed' and (${CAN_WRITE} or exists (select 1 from krs where krs.owner_id = me.uid)),
        'comment', me.role in ('admin', 'manager', 'member')) as can
    from me cross join obj cross join cv`,
    params: [userId, now.toISOString(), objectiveId],
  };
}
