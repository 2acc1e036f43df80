import {
  and,
  asc,
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
import { indexScorecard, type KpiForScoring, type Period, type ScorecardIndex } from "@meridian/domain";
import { sqlArray } from "../../lib/sql-array";

export interface ScorecardWindow {
  /** The days the page shows: only actuals and target overrides of periods starting inside are read. */
  window: Period;
  /** Only these KPIs (include a computed KPI's inputs); every live KPI when left out. */
  kpiIds?: readonly string[];
}

/**
 * What scoring needs for one organization, in five statements: perspectives,
 * strategic objectives, live KPIs, and their actuals and period overrides inside
 * the window on screen. Every view of the scorecard (tree, heat map, strategy
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
  const [perspectiveRows, objectiveRows, kpiRows, actualRows, targetRows] = await Promise.all([
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
    db
      .select({ kpiId: kpiActuals.kpiId, periodStart: kpiActuals.periodStart, value: kpiActuals.value })
      .from(kpiActuals)
      .where(
        and(eq(kpiActuals.organizationId, organizationId), inWindow(kpiActuals.periodStart), chosen(kpiActuals.kpiId)),
      ),
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
  ]);
  return indexScorecard({
    perspectives: perspectiveRows,
    objectives: objectiveRows,
    kpis: kpiRows satisfies KpiForScoring[],
    actuals: actualRows,
    targets: targetRows,
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
