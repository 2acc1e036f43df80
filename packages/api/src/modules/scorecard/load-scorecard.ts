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
  strategicObjectives,
} from "@meridian/db";
import { indexScorecard, type KpiForScoring, type ScorecardIndex } from "@meridian/domain";

/**
 * Everything scoring needs for one organization, in five queries: perspectives,
 * strategic objectives, live KPIs, their actuals and their period overrides.
 * Every view of the scorecard (tree, heat map, strategy map, reviews) scores
 * from this one load with the domain's `scoreScorecard`, so numbers agree everywhere.
 */
export async function loadScorecard(db: Executor, organizationId: string): Promise<ScorecardIndex> {
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
      .where(and(eq(kpis.organizationId, organizationId), isNull(kpis.archivedAt)))
      .orderBy(asc(kpis.name)),
    db
      .select({ kpiId: kpiActuals.kpiId, periodStart: kpiActuals.periodStart, value: kpiActuals.value })
      .from(kpiActuals)
      .where(eq(kpiActuals.organizationId, organizationId)),
    db
      .select({
        kpiId: kpiTargets.kpiId,
        periodStart: kpiTargets.periodStart,
        goal: kpiTargets.goal,
        redFlag: kpiTargets.redFlag,
      })
      .from(kpiTargets)
      .where(eq(kpiTargets.organizationId, organizationId)),
  ]);
  return indexScorecard({
    perspectives: perspectiveRows,
    objectives: objectiveRows,
    kpis: kpiRows satisfies KpiForScoring[],
    actuals: actualRows,
    targets: targetRows,
  });
}
