import {
  and,
  asc,
  campaignResults,
  campaigns,
  type Database,
  type Executor,
  eq,
  isNull,
  kpiActuals,
  kpis,
  kpiTargets,
  perspectives,
  rows,
  sql,
  strategicObjectives,
} from "@meridian/db";
import {
  type Currency,
  campaignKpiValue,
  indexScorecard,
  type KpiCampaignMeasure,
  type KpiForScoring,
  type Period,
  type ScorecardIndex,
} from "@meridian/domain";
import { runShaped } from "../../lib/shaped-statement";
import { sqlArray, sqlArrayLiteral } from "../../lib/sql-array";

export interface ScorecardWindow {
  /** The days the page shows: only actuals and target overrides of periods starting inside are read. */
  window: Period;
  /** Only these KPIs (include a computed KPI's inputs); every live KPI when left out. */
  kpiIds?: readonly string[];
}

/**
 * What scoring needs for one organization, in six statements: perspectives,
 * strategic objectives, live KPIs, their actuals and period overrides inside
 * the window on screen, and the campaign-fed KPIs' sums of campaign results per
 * reporting period (`campaignKpiSums`). Every view of the scorecard (tree, heat map, strategy
 * map, KPI pages, reviews) scores from such a load with the domain's
 * `scoreScorecard`, so numbers agree everywhere.
 */
export async function loadScorecard(
  db: Executor,
  organizationId: string,
  { window, kpiIds }: ScorecardWindow,
): Promise<ScorecardIndex> {
  const chosen = (column: typeof kpis.id | typeof kpiActuals.kpiId | typeof kpiTargets.kpiId) =>
    kpiIds ? sql`${column} = any(${sqlArray(kpiIds, "uuid")})` : undefined;
  const inWindow = (column: typeof kpiActuals.periodStart | typeof kpiTargets.periodStart) =>
    sql`${column} between ${window.start} and ${window.end}`;
  const [perspectiveRows, objectiveRows, kpiRows, actualRows, targetRows, campaignRows] = await Promise.all([
    db
      .select({ id: perspectives.id, name: perspectives.name, weight: perspectives.weight })
      .from(perspectives)
      .where(eq(perspectives.organizationId, organizationId))
      .orderBy(asc(perspectives.position), asc(perspectives.name)),
    db
      .select({
        id: strategicObjectives.id,
        name: strategicObjectives.name,
        perspectiveId: strategicObjectives.perspectiveId,
        weight: strategicObjectives.weight,
      })
      .from(strategicObjectives)
      .where(eq(strategicObjectives.organizationId, organizationId))
      .orderBy(asc(strategicObjectives.name)),
    db
      .select({
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
      })
      .from(kpis)
      .where(and(eq(kpis.organizationId, organizationId), isNull(kpis.archivedAt), chosen(kpis.id)))
      .orderBy(asc(kpis.name)),
    actualsInWindow(db, organizationId, { window, kpiIds }),
    db
      .select({
        kpiId: kpiTargets.kpiId,
        periodStart: kpiTargets.periodStart,
        goal: kpiTargets.goal,
        redFlag: kpiTargets.redFlag,
      })
      .from(kpiTargets)
      .where(
        and(eq(kpiTargets.organizationId, organizationId), inWindow(kpiTargets.periodStart), chosen(kpiTargets.kpiId)),
      ),
    campaignKpiSums(db, organizationId, { window, kpiIds }),
  ]);
  return indexScorecard({
    perspectives: perspectiveRows,
    objectives: objectiveRows,
    kpis: kpiRows satisfies KpiForScoring[],
    actuals: actualRows,
    targets: targetRows,
    campaignActuals: campaignRows,
  });
}

/**
 * The actuals of the window (of these KPIs), a row per KPI with its periods and values as two
 * arrays: the tree reads 46,000 actuals at full size, and decoding them as 46,000 rows, each
 * mapped by Drizzle, cost several times the statement. Rendered once per shape (`runShaped`).
 */
async function actualsInWindow(
  db: Executor,
  organizationId: string,
  { window, kpiIds }: ScorecardWindow,
): Promise<{ kpiId: string; periodStart: string; value: number }[]> {
  const P = sql.placeholder;
  const grouped = await runShaped<{ kpiId: string; periods: string[]; values: number[] }>(
    db as Database,
    kpiIds ? "kpi-actuals:chosen" : "kpi-actuals:all",
    () => sql`select ${kpiActuals.kpiId} as "kpiId", array_agg(${kpiActuals.periodStart}::text) as periods,
        array_agg(${kpiActuals.value}) as values
      from ${kpiActuals}
      where ${kpiActuals.organizationId} = ${P("org")}
        and ${kpiActuals.periodStart} between ${P("start")}::date and ${P("end")}::date
        ${kpiIds ? sql`and ${kpiActuals.kpiId} = any(${P("kpiIds")}::uuid[])` : sql``}
      group by ${kpiActuals.kpiId}`,
    {
      org: organizationId,
      start: window.start,
      end: window.end,
      ...(kpiIds ? { kpiIds: sqlArrayLiteral(kpiIds) } : {}),
    },
  );
  const actuals: { kpiId: string; periodStart: string; value: number }[] = [];
  for (const { kpiId, periods, values } of grouped) {
    for (const [i, periodStart] of periods.entries()) actuals.push({ kpiId, periodStart, value: values[i] as number });
  }
  return actuals;
}

/**
 * The values of campaign-fed KPIs (ADR 0020), summed from `campaign_results` when read, so
 * there is no stored copy to drift: per KPI and reporting period (the week, month or quarter
 * holding each result's period), the sum of its measure over the organization's campaigns
 * of its channel (any, when none is chosen) and, for money, of its currency; campaigns in
 * other currencies are left out, never converted. Results of every status count (spend
 * booked before a cancellation was still spent). A period whose results are all blank has
 * no value, not 0. Money is summed in minor units and returned in major units, as goals are typed.
 */
export async function campaignKpiSums(
  db: Executor,
  organizationId: string,
  { window, kpiIds }: ScorecardWindow,
): Promise<{ kpiId: string; periodStart: string; value: number }[]> {
  const measure = sql`case ${kpis.campaignMeasure} when 'spend' then ${campaignResults.spend} when 'revenue' then ${campaignResults.revenue} else ${campaignResults.conversions} end`;
  // The reporting period holding a result's period; a week starts on Monday, as in periodContaining.
  const period = sql`(case ${kpis.frequency} when 'weekly' then date_trunc('week', ${campaignResults.periodStart}::timestamp) when 'monthly' then date_trunc('month', ${campaignResults.periodStart}::timestamp) else date_trunc('quarter', ${campaignResults.periodStart}::timestamp) end)::date`;
  const result = await db
    .select({
      kpiId: kpis.id,
      measure: kpis.campaignMeasure,
      currency: kpis.currency,
      periodStart: sql<string>`${period}::text`,
      sum: sql<number | null>`sum(${measure})::float8`,
    })
    .from(kpis)
    .innerJoin(
      campaigns,
      and(
        eq(campaigns.organizationId, kpis.organizationId),
        sql`(${kpis.campaignChannel} is null or ${campaigns.channel} = ${kpis.campaignChannel})`,
        sql`(${kpis.currency} is null or ${campaigns.currency} = ${kpis.currency})`,
      ),
    )
    .innerJoin(
      campaignResults,
      and(
        eq(campaignResults.organizationId, campaigns.organizationId),
        eq(campaignResults.campaignId, campaigns.id),
        // A week on screen may start up to six days before the window does.
        sql`${campaignResults.periodStart} between ${window.start}::date - 6 and ${window.end}`,
      ),
    )
    .where(
      and(
        eq(kpis.organizationId, organizationId),
        sql`${kpis.kind} = 'campaigns'`,
        isNull(kpis.archivedAt),
        kpiIds ? sql`${kpis.id} = any(${sqlArray(kpiIds, "uuid")})` : undefined,
        sql`${period} between ${window.start} and ${window.end}`,
      ),
    )
    .groupBy(kpis.id, kpis.campaignMeasure, kpis.currency, period)
    .having(sql`sum(${measure}) is not null`);
  return result.map((r) => ({
    kpiId: r.kpiId,
    periodStart: r.periodStart,
    value:
      campaignKpiValue(r.sum, {
        measure: r.measure as KpiCampaignMeasure,
        currency: r.currency as Currency | null,
      }) ?? 0,
  }));
}

/**
 * The first day of every quarter holding an actual, for the quarter pickers. A
 * loose index scan: one probe of (organization_id, period_start) per quarter
 * found, so listing a dozen quarters reads a dozen index entries, not every actual.
 */
export async function quartersWithActuals(db: Executor, organizationId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive quarter(start) as (
      select date_trunc('quarter', min(${kpiActuals.periodStart}))::date from ${kpiActuals}
      where ${kpiActuals.organizationId} = ${organizationId}
      union all
      select (
        select date_trunc('quarter', min(a.period_start))::date from ${kpiActuals} a
        where a.organization_id = ${organizationId} and a.period_start >= (quarter.start + interval '3 months')::date
      ) from quarter where quarter.start is not null
    )
    select start::text as start from quarter where start is not null`);
  return rows<{ start: string }>(result).map((r) => r.start);
}
