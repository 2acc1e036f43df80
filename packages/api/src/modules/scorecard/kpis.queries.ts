import {
  type Currency,
  indexScorecard,
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
import { runShaped } from "../../lib/shaped-statement";
import { encodeKpiCursor, kpiCursorKey } from "./kpi-cursor";
import { KPI_LIST_FILTERS, type KpiListStatementRow, kpiListStatement } from "./kpi-list.statement";
import type { KpiRow } from "./kpi-rows";
import { actualsFromGroups, campaignActualsFromSums } from "./scorecard-fragments";

/** A KPI's definition as every KPI read has it (archivedAt aside). */
type KpiDefinitionRow = Omit<KpiRow, "archivedAt">;

/** History shown on a KPI's page: the quarter looked at and the seven before it. */
export const HISTORY_QUARTERS = 8;

/** What the domain's history and scoring read of a KPI. */
export const forHistory = (k: KpiDefinitionRow): KpiForHistory => ({
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
export const kpiDefinition = (k: KpiDefinitionRow) => ({
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
 * One page of live KPIs, alphabetical, with their latest actual and this quarter's score, in one
 * statement (rendered once per set of filters, runShaped): the page, filtered, searched and paged
 * in SQL, and beside it what scoring needs of the page's KPIs and their computed ones' inputs over
 * the quarters shown (scorecard-fragments.ts), never the rest of the scorecard.
 */
export async function listKpis(scope: OrgScope, input: TKpiList) {
  const today = todayIso();
  const quarter = quarterContaining(today);
  const lookback = { start: quarterAt(today, 1 - HISTORY_QUARTERS).start, end: quarter.end };
  const given = KPI_LIST_FILTERS.filter((f) => input[f] !== undefined && input[f] !== "");
  const cursor = input.cursor ? kpiCursorKey(input.cursor) : null;
  const [row] = await runShaped<KpiListStatementRow>(
    scope.db,
    `kpi-list:${given.join(",")}:${cursor ? "next" : "first"}`,
    () => kpiListStatement(given, cursor !== null),
    {
      org: scope.org.id,
      start: lookback.start,
      end: lookback.end,
      limit: input.limit + 1,
      ...(cursor ?? {}),
      ...Object.fromEntries(given.map((f) => [f, f === "q" ? containsPattern(input.q ?? "") : (input[f] as string)])),
    },
  );
  const rows = row?.page ?? [];
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? encodeKpiCursor(last) : null;

  const index = indexScorecard({
    perspectives: [],
    objectives: [],
    kpis: row?.kpis ?? [],
    actuals: actualsFromGroups(row?.actuals ?? []),
    targets: row?.targets ?? [],
    campaignActuals: campaignActualsFromSums(row?.campaignSums ?? []),
  });
  const items = page.map((kpi) => {
    const scoring = forHistory(kpi);
    const [current] = kpiHistory(index, scoring, [quarter], today);
    return {
      ...kpiDefinition(kpi),
      owner: { id: kpi.ownerId, name: kpi.ownerName },
      strategicObjective:
        kpi.strategicObjectiveId && kpi.objectiveName !== null
          ? { id: kpi.strategicObjectiveId, name: kpi.objectiveName }
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
  return { kpis: items, nextCursor };
}
