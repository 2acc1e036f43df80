// The parts of a scorecard load as SQL, for the loader's own statements and for reads that take them into one statement of their own (kpis.list).
import {
  type AnyPgColumn,
  and,
  campaignResults,
  campaigns,
  eq,
  isNull,
  kpiActuals,
  kpis,
  kpiTargets,
  type SQL,
  sql,
} from "@meridian/db";
import { type Currency, campaignKpiValue, type KpiCampaignMeasure } from "@meridian/domain";

/*
 * Every fragment reads the placeholders "org", "start" and "end" (the organization and the
 * window's first and last day), so a statement built from them is rendered once per shape and
 * filled per request (runShaped). A fragment reads the KPIs of `kpiSet`, a query of KPI ids
 * (`select id from chosen`), or every KPI of the organization when it is null.
 *
 * Each is written so that its plan does not hang on estimates: a prepared statement runs on a
 * generic plan after five runs, which estimates a range of unknown days at one row. Read from
 * the other end (every campaign result of the window, then a scan of the KPIs for each), the
 * campaign sums of one KPI page took 7 ms instead of 0.04.
 */
const P = sql.placeholder;
export type KpiSet = SQL | null;
const within = (kpiSet: KpiSet, column: AnyPgColumn) => (kpiSet ? sql`${column} in (${kpiSet})` : undefined);

/** `select a as "a", b as "b"…`: the columns under their field names, so a row read as JSON has them. */
export function selectAs(columns: Record<string, AnyPgColumn | SQL>): SQL {
  return sql.join(
    Object.entries(columns).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`),
    sql`, `,
  );
}

/** What scoring reads of a KPI (KpiForScoring). */
export const scoringKpiColumns = {
  id: kpis.id,
  name: kpis.name,
  strategicObjectiveId: kpis.strategicObjectiveId,
  weight: kpis.weight,
  kind: kpis.kind,
  inputAId: kpis.inputAId,
  inputBId: kpis.inputBId,
  aggregation: kpis.aggregation,
  frequency: kpis.frequency,
  goal: kpis.goal,
  redFlag: kpis.redFlag,
};

/** Live KPIs, as scoring reads them. */
export function scoringKpisSql(kpiSet: KpiSet): SQL {
  return sql`select ${selectAs(scoringKpiColumns)} from ${kpis}
    where ${and(eq(kpis.organizationId, P("org")), isNull(kpis.archivedAt), within(kpiSet, kpis.id))}`;
}

/**
 * The actuals of the window, a row per KPI with its periods and values as two arrays: the tree
 * reads 46,000 actuals at full size, and decoding them as 46,000 rows cost several times the
 * statement. Every KPI's: one pass over the window's actuals. Some KPIs': their own, through
 * (organization, KPI, period) per KPI.
 */
export function actualsInWindowSql(kpiSet: KpiSet): SQL {
  const inWindow = sql`${kpiActuals.periodStart} between ${P("start")}::date and ${P("end")}::date`;
  if (!kpiSet) {
    return sql`select ${kpiActuals.kpiId} as "kpiId", array_agg(${kpiActuals.periodStart}::text) as periods,
        array_agg(${kpiActuals.value}) as values
      from ${kpiActuals}
      where ${kpiActuals.organizationId} = ${P("org")} and ${inWindow}
      group by ${kpiActuals.kpiId}`;
  }
  return sql`select ids.id as "kpiId", own.periods, own.values
    from (${kpiSet}) ids(id)
    cross join lateral (
      select array_agg(${kpiActuals.periodStart}::text) as periods, array_agg(${kpiActuals.value}) as values
      from ${kpiActuals}
      where ${kpiActuals.organizationId} = ${P("org")} and ${kpiActuals.kpiId} = ids.id and ${inWindow}
    ) own
    where own.periods is not null`;
}

/** One row per KPI of actualsInWindowSql, as one row per actual. */
export function actualsFromGroups(
  groups: readonly { kpiId: string; periods: string[]; values: number[] }[],
): { kpiId: string; periodStart: string; value: number }[] {
  const actuals: { kpiId: string; periodStart: string; value: number }[] = [];
  for (const { kpiId, periods, values } of groups) {
    for (const [i, periodStart] of periods.entries()) actuals.push({ kpiId, periodStart, value: values[i] as number });
  }
  return actuals;
}

/** Goal and red-flag overrides of periods starting inside the window. */
export function targetsInWindowSql(kpiSet: KpiSet): SQL {
  return sql`select ${kpiTargets.kpiId} as "kpiId", ${kpiTargets.periodStart}::text as "periodStart",
      ${kpiTargets.goal} as goal, ${kpiTargets.redFlag} as "redFlag"
    from ${kpiTargets}
    where ${and(
      eq(kpiTargets.organizationId, P("org")),
      sql`${kpiTargets.periodStart} between ${P("start")}::date and ${P("end")}::date`,
      within(kpiSet, kpiTargets.kpiId),
    )}`;
}

/** A row of campaignSumsSql: one campaign-fed KPI's sum in one reporting period, in minor units for money. */
export interface CampaignSumRow {
  kpiId: string;
  measure: string | null;
  currency: string | null;
  periodStart: string;
  sum: number | null;
}

/**
 * The values of campaign-fed KPIs (ADR 0020), summed from `campaign_results` when read, so
 * there is no stored copy to drift: per KPI and reporting period (the week, month or quarter
 * holding each result's period), the sum of its measure over the organization's campaigns
 * of its channel (any, when none is chosen) and, for money, of its currency; campaigns in
 * other currencies are left out, never converted. Results of every status count (spend
 * booked before a cancellation was still spent). A period whose results are all blank has
 * no value, not 0. Read from each campaign-fed KPI to its campaigns and their results in the
 * window, through (organization, campaign, period).
 */
export function campaignSumsSql(kpiSet: KpiSet): SQL {
  const r = sql.raw("r");
  return sql`select ${kpis.id} as "kpiId", ${kpis.campaignMeasure} as measure, ${kpis.currency} as currency,
      ${r}.period::text as "periodStart", sum(${r}.amount)::float8 as sum
    from ${kpis}
    cross join lateral (
      select case ${kpis.campaignMeasure} when 'spend' then ${campaignResults.spend}
          when 'revenue' then ${campaignResults.revenue} else ${campaignResults.conversions} end as amount,
        -- The reporting period holding a result's period; a week starts on Monday, as in periodContaining.
        (case ${kpis.frequency} when 'weekly' then date_trunc('week', ${campaignResults.periodStart}::timestamp)
          when 'monthly' then date_trunc('month', ${campaignResults.periodStart}::timestamp)
          else date_trunc('quarter', ${campaignResults.periodStart}::timestamp) end)::date as period
      from ${campaigns}
      join ${campaignResults} on ${campaignResults.organizationId} = ${campaigns.organizationId}
        and ${campaignResults.campaignId} = ${campaigns.id}
        -- A week on screen may start up to six days before the window does.
        and ${campaignResults.periodStart} between ${P("start")}::date - 6 and ${P("end")}::date
      where ${campaigns.organizationId} = ${kpis.organizationId}
        and (${kpis.campaignChannel} is null or ${campaigns.channel} = ${kpis.campaignChannel})
        and (${kpis.currency} is null or ${campaigns.currency} = ${kpis.currency})
      -- Not merged into the outer query, where the planner could start from the results again.
      offset 0
    ) ${r}
    where ${and(
      eq(kpis.organizationId, P("org")),
      sql`${kpis.kind} = 'campaigns'`,
      isNull(kpis.archivedAt),
      within(kpiSet, kpis.id),
      sql`${r}.period between ${P("start")}::date and ${P("end")}::date`,
    )}
    group by ${kpis.id}, ${kpis.campaignMeasure}, ${kpis.currency}, ${r}.period
    having sum(${r}.amount) is not null`;
}

/** Campaign sums as actuals: money summed in minor units, returned in major units, as goals are typed. */
export function campaignActualsFromSums(sums: readonly CampaignSumRow[]) {
  return sums.map((r) => ({
    kpiId: r.kpiId,
    periodStart: r.periodStart,
    value:
      campaignKpiValue(r.sum, {
        measure: r.measure as KpiCampaignMeasure,
        currency: r.currency as Currency | null,
      }) ?? 0,
  }));
}
