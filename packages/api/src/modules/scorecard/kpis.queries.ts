import { and, asc, eq, isNull, kpis, type SQL, strategicObjectives, users } from "@meridian/db";
import {
  type KpiForHistory,
  kpiHistory,
  latestKpiReading,
  quarterAt,
  quarterContaining,
  quarterLabel,
  type TKpiList,
  todayIso,
} from "@meridian/domain";
import type { OrgScope } from "../../lib/scope";
import { type KpiRow, kpiColumns } from "./kpi-rows";
import { loadScorecard } from "./load-scorecard";

/** History shown on a KPI's page: the quarter looked at and the seven before it. */
export const HISTORY_QUARTERS = 8;

/** What the domain's history and scoring read of a KPI. */
export const forHistory = (k: KpiRow): KpiForHistory => ({
  id: k.id,
  name: k.name,
  strategicObjectiveId: k.strategicObjectiveId,
  weight: k.weight,
  kind: k.kind,
  inputAId: k.inputAId,
  inputBId: k.inputBId,
  aggregation: k.aggregation,
  goal: k.goal,
  redFlag: k.redFlag,
  frequency: k.frequency,
  direction: k.direction,
});

/** The definition fields every KPI read returns. */
export const kpiDefinition = (k: KpiRow) => ({
  id: k.id,
  name: k.name,
  unit: k.unit,
  direction: k.direction,
  frequency: k.frequency,
  aggregation: k.aggregation,
  kind: k.kind,
  goal: k.goal,
  redFlag: k.redFlag,
  weight: k.weight,
  version: k.version,
});

/** Live KPIs with their latest actual and this quarter's score. */
export async function listKpis(scope: OrgScope, input: TKpiList) {
  const today = todayIso();
  const quarter = quarterContaining(today);
  const lookback = { start: quarterAt(today, 1 - HISTORY_QUARTERS).start, end: quarter.end };
  const filters: SQL[] = [eq(kpis.organizationId, scope.org.id), isNull(kpis.archivedAt)];
  if (input.strategicObjectiveId) filters.push(eq(kpis.strategicObjectiveId, input.strategicObjectiveId));
  if (input.ownerId) filters.push(eq(kpis.ownerId, input.ownerId));
  const [index, rows] = await Promise.all([
    loadScorecard(scope.db, scope.org.id),
    scope.db
      .select({
        kpi: kpiColumns,
        ownerName: users.name,
        objectiveName: strategicObjectives.name,
      })
      .from(kpis)
      .innerJoin(users, eq(users.id, kpis.ownerId))
      .leftJoin(strategicObjectives, eq(strategicObjectives.id, kpis.strategicObjectiveId))
      .where(and(...filters))
      .orderBy(asc(kpis.name)),
  ]);
  return rows.map(({ kpi, ownerName, objectiveName }) => {
    const scoring = forHistory(kpi);
    const [current] = kpiHistory(index, scoring, [quarter]);
    return {
      ...kpiDefinition(kpi),
      owner: { id: kpi.ownerId, name: ownerName },
      strategicObjective:
        kpi.strategicObjectiveId && objectiveName !== null
          ? { id: kpi.strategicObjectiveId, name: objectiveName }
          : null,
      latestActual: latestKpiReading(index, scoring, today, lookback),
      quarter: { ...quarter, label: quarterLabel(quarter) },
      actual: current?.actual ?? null,
      quarterGoal: current?.goal ?? kpi.goal,
      quarterRedFlag: current?.redFlag ?? kpi.redFlag,
      targetShare: current?.targetShare ?? null,
      score: current?.score ?? null,
      status: current?.status ?? "no_data",
    };
  });
}
