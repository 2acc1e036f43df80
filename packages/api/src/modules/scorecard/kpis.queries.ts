import { and, asc, eq, ilike, isNull, kpis, or, type SQL, strategicObjectives, users } from "@meridian/db";
import {
  type Currency,
  type KpiCampaignSource,
  type KpiForHistory,
  kpiHistory,
  latestKpiReading,
  quarterAt,
  quarterContaining,
  quarterLabel,
  type TKpiList,
  todayIso,
} from "@meridian/domain";
import { containsPattern } from "../../lib/contains-pattern";
import type { OrgScope } from "../../lib/scope";
import { afterKpiCursor, encodeKpiCursor } from "./kpi-cursor";
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
  /** Campaign-fed KPIs: what they sum, from which channel and in which currency; null otherwise. */
  campaignSource: campaignSourceOf(k),
});

/** A campaign-fed KPI's source as the domain names it; null for the other kinds. */
export function campaignSourceOf(k: Pick<KpiRow, "kind" | "campaignMeasure" | "campaignChannel" | "currency">) {
  if (k.kind !== "campaigns" || !k.campaignMeasure) return null;
  return {
    measure: k.campaignMeasure,
    channel: k.campaignChannel,
    currency: k.currency as Currency | null,
  } satisfies KpiCampaignSource;
}

/**
 * One page of live KPIs, alphabetical, with their latest actual and this
 * quarter's score. Filters, search and paging run in SQL; scoring reads only
 * the page's KPIs (and the inputs of its computed ones) over the quarters it needs.
 */
export async function listKpis(scope: OrgScope, input: TKpiList) {
  const today = todayIso();
  const quarter = quarterContaining(today);
  const lookback = { start: quarterAt(today, 1 - HISTORY_QUARTERS).start, end: quarter.end };
  const filters: (SQL | undefined)[] = [
    eq(kpis.organizationId, scope.org.id),
    isNull(kpis.archivedAt),
    afterKpiCursor(input.cursor),
  ];
  if (input.strategicObjectiveId) filters.push(eq(kpis.strategicObjectiveId, input.strategicObjectiveId));
  if (input.perspectiveId) filters.push(eq(strategicObjectives.perspectiveId, input.perspectiveId));
  if (input.ownerId) filters.push(eq(kpis.ownerId, input.ownerId));
  if (input.kind) filters.push(eq(kpis.kind, input.kind));
  if (input.q) {
    const pattern = containsPattern(input.q);
    filters.push(or(ilike(kpis.name, pattern), ilike(users.name, pattern), ilike(strategicObjectives.name, pattern)));
  }
  const rows = await scope.db
    .select({ kpi: kpiColumns, ownerName: users.name, objectiveName: strategicObjectives.name })
    .from(kpis)
    .innerJoin(users, eq(users.id, kpis.ownerId))
    .leftJoin(
      strategicObjectives,
      and(
        eq(strategicObjectives.organizationId, kpis.organizationId),
        eq(strategicObjectives.id, kpis.strategicObjectiveId),
      ),
    )
    .where(and(...filters))
    .orderBy(asc(kpis.name), asc(kpis.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeKpiCursor(last.kpi) : null;

  const kpiIds = page.flatMap(({ kpi }) => [kpi.id, kpi.inputAId, kpi.inputBId]).filter((id) => id !== null);
  const index =
    page.length > 0
      ? await loadScorecard(scope.db, scope.org.id, { window: lookback, kpiIds: [...new Set(kpiIds)] })
      : null;
  const items = page.map(({ kpi, ownerName, objectiveName }) => {
    const scoring = forHistory(kpi);
    const [current] = index ? kpiHistory(index, scoring, [quarter], today) : [];
    return {
      ...kpiDefinition(kpi),
      owner: { id: kpi.ownerId, name: ownerName },
      strategicObjective:
        kpi.strategicObjectiveId && objectiveName !== null
          ? { id: kpi.strategicObjectiveId, name: objectiveName }
          : null,
      latestActual: index ? latestKpiReading(index, scoring, today, lookback) : null,
      quarter: { ...quarter, label: quarterLabel(quarter) },
      actual: current?.actual ?? null,
      quarterGoal: current?.goal ?? kpi.goal,
      quarterRedFlag: current?.redFlag ?? kpi.redFlag,
      targetShare: current?.targetShare ?? null,
      score: current?.score ?? null,
      status: current?.status ?? "no_data",
    };
  });
  return { kpis: items, nextCursor };
}
