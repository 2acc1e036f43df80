import {
  and,
  asc,
  correctiveActions,
  eq,
  inArray,
  isNull,
  keyResults,
  kpis,
  objectives,
  reviews,
  type SQL,
  sql,
  users,
} from "@meridian/db";
import {
  checkInDueBefore,
  dueActualPeriodStarts,
  type KpiFrequency,
  readableReviewStatuses,
  todayIso,
} from "@meridian/domain";
import type { ViewerScope } from "../../lib/scope";
import { cycleInView } from "./cycle-in-view";
import { visibleTo } from "./objective-filters";
import { type KeyResultView, toKeyResultView } from "./objective-summaries";

/** One person's queue is theirs alone, but never unbounded (as My OKRs). */
export const QUEUE_LIMIT = 200;
/** The check-ins a row's sparkline draws, newest last. */
export const SPARK_POINTS = 8;

export interface QueuedKeyResult {
  keyResult: KeyResultView;
  objective: { id: string; title: string };
  /** The values of its latest check-ins, oldest first (at most SPARK_POINTS). */
  recentValues: number[];
}

export interface DueKpi {
  id: string;
  name: string;
  unit: string;
  frequency: KpiFrequency;
  goal: number;
  redFlag: number;
  /** The first day of the period whose actual is owed (`dueActualPeriod`). */
  duePeriodStart: string;
  /** The newest actual entered, whatever its period; null with none yet. */
  lastActual: { periodStart: string; value: number } | null;
}

export interface AssignedAction {
  id: string;
  title: string;
  dueOn: string;
  status: "open" | "in_progress";
  version: number;
  review: { id: string; title: string };
}

/**
 * The weekly check-in: what the caller owes, in three lists, each one statement filtered in SQL by
 * owner and due: the key results they own whose check-in is due (the domain's `checkInDueBefore`),
 * the entered KPIs they own whose last ended period has no actual (`dueActualPeriodStarts`), and
 * the open corrective actions assigned to them. Nothing of the rest of the cycle is read.
 */
export async function getCheckInQueue(scope: ViewerScope, now: Date = new Date()) {
  const view = await cycleInView(scope, undefined, now);
  const [keyResultRows, kpiRows, actionRows] = await Promise.all([
    view && view.cycle.status === "open" ? dueKeyResults(scope, view.cycle.id, now) : Promise.resolve([]),
    dueKpis(scope, todayIso(now)),
    assignedActions(scope),
  ]);
  const cycle = view?.cycle ?? null;
  const expected = view?.expected ?? 0;
  return {
    cycle,
    expected,
    keyResults: keyResultRows.map(
      (r): QueuedKeyResult => ({
        keyResult: toKeyResultView(scope.viewer, { status: "open" }, expected, r.objective, r.keyResult),
        objective: { id: r.objective.id, title: r.objective.title },
        recentValues: r.recentValues,
      }),
    ),
    kpis: kpiRows,
    actions: actionRows,
  };
}

/** The caller's active key results in the cycle, on active objectives they may see, with no check-in this week. */
async function dueKeyResults(scope: ViewerScope, cycleId: string, now: Date) {
  const recent = sql<number[]>`(
    select coalesce(json_agg(h.value order by h.seq), '[]') from (
      select ci.value, ci.seq from "check_ins" ci
      where ci.organization_id = ${keyResults.organizationId} and ci.key_result_id = ${keyResults.id}
      order by ci.seq desc limit ${SPARK_POINTS}
    ) h
  )`;
  const rows = await scope.db
    .select({
      id: keyResults.id,
      objectiveId: keyResults.objectiveId,
      version: keyResults.version,
      gradeOverride: keyResults.gradeOverride,
      gradeReason: keyResults.gradeReason,
      title: keyResults.title,
      type: keyResults.type,
      startValue: keyResults.startValue,
      targetValue: keyResults.targetValue,
      currentValue: keyResults.currentValue,
      currentConfidence: keyResults.currentConfidence,
      lastCheckInAt: keyResults.lastCheckInAt,
      unit: keyResults.unit,
      unitLabel: keyResults.unitLabel,
      weight: keyResults.weight,
      ownerId: keyResults.ownerId,
      ownerName: users.name,
      objectiveTitle: objectives.title,
      objectiveStatus: objectives.status,
      teamId: objectives.teamId,
      recentValues: recent,
    })
    .from(keyResults)
    .innerJoin(
      objectives,
      and(eq(objectives.organizationId, keyResults.organizationId), eq(objectives.id, keyResults.objectiveId)),
    )
    .innerJoin(users, eq(users.id, keyResults.ownerId))
    .where(
      and(
        eq(keyResults.organizationId, scope.org.id),
        eq(keyResults.ownerId, scope.user.id),
        isNull(keyResults.archivedAt),
        eq(objectives.cycleId, cycleId),
        eq(objectives.status, "active"),
        visibleTo(scope.viewer),
        checkInDue(checkInDueBefore(now)),
      ),
    )
    .orderBy(asc(objectives.title), asc(objectives.id), asc(keyResults.position), asc(keyResults.createdAt))
    .limit(QUEUE_LIMIT);
  return rows.map(({ objectiveTitle, objectiveStatus, teamId, recentValues, ...kr }) => ({
    keyResult: kr,
    objective: { id: kr.objectiveId, title: objectiveTitle, status: objectiveStatus, teamId },
    recentValues,
  }));
}

/** `isCheckInStale` as a condition: never checked in, or not since `cutoff` (tested against the domain rule). */
export function checkInDue(cutoff: Date): SQL {
  return sql`(${keyResults.lastCheckInAt} is null or ${keyResults.lastCheckInAt} < ${cutoff.toISOString()}::timestamptz)`;
}

/** The owed period's first day for the KPI's frequency, as `dueActualPeriodStarts` names them. */
export function duePeriodStartOf(today: string): SQL<string> {
  const starts = dueActualPeriodStarts(today);
  return sql<string>`(case ${kpis.frequency}
    when 'weekly' then ${starts.weekly}::date
    when 'monthly' then ${starts.monthly}::date
    else ${starts.quarterly}::date end)`;
}

/** The entered KPIs the caller owns whose owed period has no actual (`isActualDue`), with their newest actual. */
async function dueKpis(scope: ViewerScope, today: string): Promise<DueKpi[]> {
  const due = duePeriodStartOf(today);
  const rows = await scope.db
    .select({
      id: kpis.id,
      name: kpis.name,
      unit: kpis.unit,
      frequency: kpis.frequency,
      goal: kpis.goal,
      redFlag: kpis.redFlag,
      duePeriodStart: sql<string>`to_char(${due}, 'YYYY-MM-DD')`,
      // Spelt out: Drizzle leaves a one-table select's columns unqualified, which inside this
      // subquery would name kpi_actuals' own columns.
      lastActual: sql<{ periodStart: string; value: number } | null>`(
        select json_build_object('periodStart', to_char(a.period_start, 'YYYY-MM-DD'), 'value', a.value)
        from "kpi_actuals" a
        where a.organization_id = "kpis"."organization_id" and a.kpi_id = "kpis"."id"
        order by a.period_start desc limit 1
      )`,
    })
    .from(kpis)
    .where(
      and(
        eq(kpis.organizationId, scope.org.id),
        eq(kpis.ownerId, scope.user.id),
        isNull(kpis.archivedAt),
        eq(kpis.kind, "manual"),
        sql`not exists (select 1 from "kpi_actuals" a
          where a.organization_id = ${kpis.organizationId} and a.kpi_id = ${kpis.id} and a.period_start = ${due})`,
      ),
    )
    .orderBy(asc(kpis.name), asc(kpis.id))
    .limit(QUEUE_LIMIT);
  return rows;
}

/** Open and in-progress corrective actions assigned to the caller, soonest due first, in reviews they may read. */
async function assignedActions(scope: ViewerScope): Promise<AssignedAction[]> {
  const readable = readableReviewStatuses(scope.org.role);
  if (readable.length === 0) return [];
  const rows = await scope.db
    .select({
      id: correctiveActions.id,
      title: correctiveActions.title,
      dueOn: correctiveActions.dueOn,
      status: correctiveActions.status,
      version: correctiveActions.version,
      reviewId: reviews.id,
      reviewTitle: reviews.title,
    })
    .from(correctiveActions)
    .innerJoin(
      reviews,
      and(eq(reviews.organizationId, correctiveActions.organizationId), eq(reviews.id, correctiveActions.reviewId)),
    )
    .where(
      and(
        eq(correctiveActions.organizationId, scope.org.id),
        eq(correctiveActions.ownerId, scope.user.id),
        inArray(correctiveActions.status, ["open", "in_progress"]),
        inArray(reviews.status, [...readable]),
      ),
    )
    .orderBy(asc(correctiveActions.dueOn), asc(correctiveActions.createdAt), asc(correctiveActions.id))
    .limit(QUEUE_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    dueOn: r.dueOn,
    status: r.status === "in_progress" ? "in_progress" : "open",
    version: r.version,
    review: { id: r.reviewId, title: r.reviewTitle },
  }));
}
