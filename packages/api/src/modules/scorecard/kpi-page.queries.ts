import {
  and,
  asc,
  eq,
  inArray,
  kpiActuals,
  kpiBenchmarks,
  kpis,
  kpiTargets,
  perspectives,
  sql,
  strategicObjectives,
  users,
} from "@meridian/db";
import {
  actualsWindow,
  canEnterKpiActuals,
  canManageKpi,
  isComputedKpi,
  kpiForecast,
  kpiHistory,
  kpiReadings,
  type Period,
  periodLabel,
  periodsWithin,
  quarterContaining,
  quarterLabel,
  quartersEndingAt,
  reportingPeriodTargets,
  type TKpiActualsWindow,
  type TKpiGet,
  targetsFor,
  todayIso,
} from "@meridian/domain";
import { invalidInput } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { computedKpisUsing, findKpi } from "./kpi-rows";
import { forHistory, HISTORY_QUARTERS, kpiDefinition } from "./kpis.queries";
import { loadScorecard } from "./load-scorecard";

/**
 * Everything a KPI's page shows: its definition, eight quarters of history
 * and its own reporting periods in them, the forecast to the quarter's end,
 * target overrides and benchmarks, and what the caller may change.
 */
export async function getKpiPage(scope: OrgScope, input: TKpiGet) {
  const kpi = await findKpi(scope.db, scope.org.id, input.kpiId);
  const today = todayIso();
  const quarter = quarterContaining(input.period ?? today);
  const quarters = quartersEndingAt(quarter.start, HISTORY_QUARTERS);
  const range: Period = { start: quarters[0]?.start ?? quarter.start, end: quarter.end };

  const [index, [owner], objective, inputs, targets, benchmarks, actualRows, usedBy] = await Promise.all([
    // This KPI and the inputs it is computed from, over the quarters on the page.
    loadScorecard(scope.db, scope.org.id, {
      window: range,
      kpiIds: [kpi.id, kpi.inputAId, kpi.inputBId].filter((id): id is string => id !== null),
    }),
    scope.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, kpi.ownerId)).limit(1),
    strategicObjectiveOf(scope, kpi.strategicObjectiveId),
    !isComputedKpi(kpi.kind)
      ? Promise.resolve([])
      : scope.db
          .select({ id: kpis.id, name: kpis.name, unit: kpis.unit, archivedAt: kpis.archivedAt })
          .from(kpis)
          .where(
            and(
              eq(kpis.organizationId, scope.org.id),
              inArray(
                kpis.id,
                [kpi.inputAId, kpi.inputBId].filter((id): id is string => id !== null),
              ),
            ),
          ),
    scope.db
      .select({ periodStart: kpiTargets.periodStart, goal: kpiTargets.goal, redFlag: kpiTargets.redFlag })
      .from(kpiTargets)
      .where(and(eq(kpiTargets.organizationId, scope.org.id), eq(kpiTargets.kpiId, kpi.id)))
      .orderBy(asc(kpiTargets.periodStart)),
    scope.db
      .select({
        id: kpiBenchmarks.id,
        source: kpiBenchmarks.source,
        periodStart: kpiBenchmarks.periodStart,
        value: kpiBenchmarks.value,
      })
      .from(kpiBenchmarks)
      .where(and(eq(kpiBenchmarks.organizationId, scope.org.id), eq(kpiBenchmarks.kpiId, kpi.id)))
      .orderBy(asc(kpiBenchmarks.source), asc(kpiBenchmarks.periodStart)),
    scope.db
      .select({ periodStart: kpiActuals.periodStart, source: kpiActuals.source, updatedAt: kpiActuals.updatedAt })
      .from(kpiActuals)
      .where(
        and(
          eq(kpiActuals.organizationId, scope.org.id),
          eq(kpiActuals.kpiId, kpi.id),
          sql`${kpiActuals.periodStart} between ${range.start} and ${range.end}`,
        ),
      ),
    computedKpisUsing(scope.db, scope.org.id, kpi.id),
  ]);

  const scoring = forHistory(kpi);
  const history = kpiHistory(index, scoring, quarters, today).map((row) => ({
    ...row,
    label: quarterLabel(row.period),
  }));
  // A campaign-fed KPI's values are its campaigns' sums: values entered before it was fed by them are not shown.
  const entered = new Map(kpi.kind === "manual" ? actualRows.map((a) => [a.periodStart, a]) : []);
  const periods = kpiReadings(index, scoring, range).map(({ period, value }) => {
    const row = entered.get(period.start);
    // The chart spreads the quarter's whole targets over its periods, not the share held to date.
    const quarterOfPeriod = quarterContaining(period.start);
    const targets = reportingPeriodTargets(scoring, targetsFor(index, scoring, quarterOfPeriod), quarterOfPeriod);
    return {
      periodStart: period.start,
      periodEnd: period.end,
      label: periodLabel(period.start, kpi.frequency),
      value,
      source: row?.source ?? null,
      updatedAt: row?.updatedAt ?? null,
      goal: targets.goal,
      redFlag: targets.redFlag,
    };
  });
  // Looking at a past quarter, its forecast is what its data says at its end.
  // Today held within the quarter: the middle of the three dates.
  const forecastDay = [quarter.start, today, quarter.end].sort()[1] ?? today;
  const allowed = { role: scope.org.role, userId: scope.user.id, kpiOwnerId: kpi.ownerId };
  const live = kpi.archivedAt === null;

  return {
    kpi: {
      ...kpiDefinition(kpi),
      description: kpi.description,
      archivedAt: kpi.archivedAt,
      owner: owner ?? { id: kpi.ownerId, name: "Unknown" },
      strategicObjective: objective,
      inputAId: kpi.inputAId,
      inputBId: kpi.inputBId,
    },
    inputs: {
      a: inputs.find((i) => i.id === kpi.inputAId) ?? null,
      b: inputs.find((i) => i.id === kpi.inputBId) ?? null,
    },
    /** The server's date, so the page marks the same "today" as the numbers used. */
    today,
    quarter: { ...quarter, label: quarterLabel(quarter) },
    current: history.at(-1) ?? null,
    history,
    periods,
    forecast: kpiForecast(index, scoring, forecastDay),
    targets,
    benchmarks,
    usedBy,
    canEdit: live && canManageKpi(allowed),
    canEnterActuals: live && kpi.kind === "manual" && canEnterKpiActuals(allowed),
  };
}

/**
 * One KPI with its values in a window of days (`actualsWindow`: bounded, eight quarters by default):
 * each of its reporting periods starting in the window with its value (null when missing), and each
 * quarter the window touches scored as the scorecard scores it. Reads this KPI, its inputs and their
 * actuals in those quarters only.
 */
export async function kpiWithActuals(scope: OrgScope, input: TKpiActualsWindow) {
  const today = todayIso();
  const window = actualsWindow(input, today);
  if ("error" in window) throw invalidInput(window.error.path, window.error.message);
  const kpi = await findKpi(scope.db, scope.org.id, input.kpiId);
  // The quarters the window touches, whole: a quarter's score reads all of it.
  const quarters = periodsWithin({ start: quarterContaining(window.from).start, end: window.to }, "quarterly");
  const range: Period = { start: quarters[0]?.start ?? window.from, end: quarters.at(-1)?.end ?? window.to };
  const [index, [owner], objective, actualRows] = await Promise.all([
    loadScorecard(scope.db, scope.org.id, {
      window: range,
      kpiIds: [kpi.id, kpi.inputAId, kpi.inputBId].filter((id): id is string => id !== null),
    }),
    scope.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, kpi.ownerId)).limit(1),
    strategicObjectiveOf(scope, kpi.strategicObjectiveId),
    kpi.kind !== "manual"
      ? Promise.resolve([])
      : scope.db
          .select({ periodStart: kpiActuals.periodStart, source: kpiActuals.source, updatedAt: kpiActuals.updatedAt })
          .from(kpiActuals)
          .where(
            and(
              eq(kpiActuals.organizationId, scope.org.id),
              eq(kpiActuals.kpiId, kpi.id),
              sql`${kpiActuals.periodStart} between ${window.from} and ${window.to}`,
            ),
          ),
  ]);
  const scoring = forHistory(kpi);
  const entered = new Map(actualRows.map((a) => [a.periodStart, a]));
  return {
    kpi: {
      ...kpiDefinition(kpi),
      description: kpi.description,
      archivedAt: kpi.archivedAt,
      owner: owner ?? { id: kpi.ownerId, name: "Unknown" },
      strategicObjective: objective,
      inputAId: kpi.inputAId,
      inputBId: kpi.inputBId,
    },
    window,
    periods: kpiReadings(index, scoring, { start: window.from, end: window.to }).map(({ period, value }) => ({
      periodStart: period.start,
      periodEnd: period.end,
      label: periodLabel(period.start, kpi.frequency),
      value,
      source: entered.get(period.start)?.source ?? null,
      updatedAt: entered.get(period.start)?.updatedAt ?? null,
    })),
    quarters: kpiHistory(index, scoring, quarters, today).map((row) => ({ ...row, label: quarterLabel(row.period) })),
  };
}

/** A KPI's strategic objective with its perspective, or null when it measures none. */
function strategicObjectiveOf(scope: OrgScope, strategicObjectiveId: string | null) {
  if (!strategicObjectiveId) return Promise.resolve(null);
  return scope.db
    .select({
      id: strategicObjectives.id,
      name: strategicObjectives.name,
      perspective: { id: perspectives.id, name: perspectives.name },
    })
    .from(strategicObjectives)
    .innerJoin(perspectives, eq(perspectives.id, strategicObjectives.perspectiveId))
    .where(and(eq(strategicObjectives.id, strategicObjectiveId), eq(strategicObjectives.organizationId, scope.org.id)))
    .limit(1)
    .then((rows) => rows[0] ?? null);
}
