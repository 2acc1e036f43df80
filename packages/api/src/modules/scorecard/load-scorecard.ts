import {
  asc,
  type Database,
  type Executor,
  eq,
  kpiActuals,
  kpis,
  perspectives,
  rows,
  type SQL,
  sql,
  strategicObjectives,
} from "@meridian/db";
import { indexScorecard, type KpiForScoring, type Period, type ScorecardIndex } from "@meridian/domain";
import { runShaped } from "../../lib/shaped-statement";
import { sqlArrayLiteral } from "../../lib/sql-array";
import {
  actualsFromGroups,
  actualsInWindowSql,
  type CampaignSumRow,
  campaignActualsFromSums,
  campaignSumsSql,
  type KpiSet,
  scoringKpisSql,
  targetsInWindowSql,
} from "./scorecard-fragments";

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
 * reporting period (scorecard-fragments.ts). Every view of the scorecard (tree, heat map, strategy
 * map, KPI pages, reviews) scores from such a load with the domain's
 * `scoreScorecard`, so numbers agree everywhere.
 */
export async function loadScorecard(
  db: Executor,
  organizationId: string,
  { window, kpiIds }: ScorecardWindow,
): Promise<ScorecardIndex> {
  const shape = kpiIds ? "chosen" : "all";
  const kpiSet: KpiSet = kpiIds ? sql`select unnest(${sql.placeholder("kpiIds")}::uuid[])` : null;
  const values = {
    org: organizationId,
    start: window.start,
    end: window.end,
    ...(kpiIds ? { kpiIds: sqlArrayLiteral(kpiIds) } : {}),
  };
  const run = <T>(name: string, build: () => SQL) => runShaped<T>(db as Database, `${name}:${shape}`, build, values);
  const [perspectiveRows, objectiveRows, kpiRows, actualGroups, targetRows, campaignSums] = await Promise.all([
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
    run<KpiForScoring>("scoring-kpis", () => sql`${scoringKpisSql(kpiSet)} order by ${kpis.name}`),
    run<{ kpiId: string; periods: string[]; values: number[] }>("kpi-actuals", () => actualsInWindowSql(kpiSet)),
    run<{ kpiId: string; periodStart: string; goal: number; redFlag: number }>("kpi-targets", () =>
      targetsInWindowSql(kpiSet),
    ),
    run<CampaignSumRow>("kpi-campaign-sums", () => campaignSumsSql(kpiSet)),
  ]);
  return indexScorecard({
    perspectives: perspectiveRows,
    objectives: objectiveRows,
    kpis: kpiRows,
    actuals: actualsFromGroups(actualGroups),
    targets: targetRows,
    campaignActuals: campaignActualsFromSums(campaignSums),
  });
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
