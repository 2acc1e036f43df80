// Reads of the experiments area: the list (a page, filtered in SQL), one experiment's page, and the running ones for dashboards.
import {
  and,
  asc,
  campaigns,
  desc,
  eq,
  experimentResults,
  experiments,
  ilike,
  keyResults,
  kpis,
  type SQL,
  teams,
  users,
} from "@meridian/db";
import {
  analyzeExperiment,
  daysRunning,
  describeTreatment,
  describeVerdict,
  type TExperimentList,
  todayIso,
} from "@meridian/domain";
import { containsPattern } from "../../lib/contains-pattern";
import type { ViewerScope } from "../../lib/scope";
import { beforeExperimentCursor, cursorTime, encodeExperimentCursor } from "./experiment-cursor";
import {
  type ExperimentRow,
  experimentColumns,
  findExperiment,
  loadArms,
  loadTotals,
  mayManage,
  planOf,
  variantTotals,
} from "./experiment-rows";

/** The plan in the units people type (percent). */
export function planFields(row: ExperimentRow) {
  return {
    minimumDetectableEffect: row.mdeBp / 100,
    alpha: row.alphaBp / 100,
    power: row.powerBp / 100,
    baselineRate: row.baselineRateBp === null ? null : row.baselineRateBp / 100,
  };
}

export async function listExperiments(scope: ViewerScope, input: TExperimentList) {
  const filters: (SQL | undefined)[] = [
    eq(experiments.organizationId, scope.org.id),
    beforeExperimentCursor(input.cursor),
  ];
  if (input.status) filters.push(eq(experiments.status, input.status));
  if (input.teamId) filters.push(eq(experiments.teamId, input.teamId));
  if (input.q) filters.push(ilike(experiments.name, containsPattern(input.q)));
  const rows = await scope.db
    .select({ experiment: experimentColumns, cursorAt: cursorTime, teamName: teams.name, ownerName: users.name })
    .from(experiments)
    .innerJoin(teams, and(eq(teams.organizationId, experiments.organizationId), eq(teams.id, experiments.teamId)))
    .innerJoin(users, eq(users.id, experiments.ownerId))
    .where(and(...filters))
    .orderBy(desc(experiments.createdAt), desc(experiments.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeExperimentCursor({ id: last.experiment.id, cursorAt: last.cursorAt })
      : null;

  const ids = page.map((r) => r.experiment.id);
  const [{ variants, metrics }, totals] = await Promise.all([
    loadArms(scope.db, scope.org.id, ids),
    loadTotals(scope.db, scope.org.id, ids, true),
  ]);
  const today = todayIso();
  const items = page.map(({ experiment, teamName, ownerName }) => {
    const arms = variants.filter((v) => v.experimentId === experiment.id);
    const primary = metrics.find((m) => m.experimentId === experiment.id && m.isPrimary);
    const analysis = primary ? analyzeExperiment(variantTotals(arms, totals, primary.id), planOf(experiment)) : null;
    const leading = arms.find((a) => a.id === analysis?.leadingVariantId) ?? null;
    return {
      id: experiment.id,
      name: experiment.name,
      status: experiment.status,
      decision: experiment.decision,
      team: { id: experiment.teamId, name: teamName },
      owner: { id: experiment.ownerId, name: ownerName },
      startDate: experiment.startDate,
      endDate: experiment.endDate,
      daysRunning: daysRunning(experiment.startDate, experiment.endDate, today),
      leadingVariant: leading ? { id: leading.id, name: leading.name } : null,
      verdict: analysis?.verdict.kind ?? "not_enough_data",
      verdictText: analysis ? describeVerdict(analysis, 1 - experiment.alphaBp / 10000) : "No primary metric.",
      canEdit: experiment.status !== "concluded" && mayManage(scope, experiment.teamId),
    };
  });
  return { experiments: items, nextCursor };
}

/** Running experiments, newest first: what the marketing dashboard lists. */
export function runningExperiments(scope: ViewerScope, limit: number) {
  return listExperiments(scope, { status: "running", limit });
}

/** One experiment's page: plan, variants, the verdict per metric, the daily numbers and the cumulative rates. */
export async function getExperiment(scope: ViewerScope, experimentId: string) {
  const experiment = await findExperiment(scope.db, scope.org.id, experimentId);
  const [[context], { variants, metrics }, totals, daily] = await Promise.all([
    scope.db
      .select({
        teamName: teams.name,
        ownerName: users.name,
        keyResultTitle: keyResults.title,
        keyResultObjectiveId: keyResults.objectiveId,
        kpiName: kpis.name,
        campaignName: campaigns.name,
      })
      .from(experiments)
      .innerJoin(teams, and(eq(teams.organizationId, experiments.organizationId), eq(teams.id, experiments.teamId)))
      .innerJoin(users, eq(users.id, experiments.ownerId))
      .leftJoin(
        keyResults,
        and(eq(keyResults.organizationId, experiments.organizationId), eq(keyResults.id, experiments.keyResultId)),
      )
      .leftJoin(kpis, and(eq(kpis.organizationId, experiments.organizationId), eq(kpis.id, experiments.kpiId)))
      .leftJoin(
        campaigns,
        and(eq(campaigns.organizationId, experiments.organizationId), eq(campaigns.id, experiments.campaignId)),
      )
      .where(and(eq(experiments.organizationId, scope.org.id), eq(experiments.id, experimentId))),
    loadArms(scope.db, scope.org.id, [experimentId]),
    loadTotals(scope.db, scope.org.id, [experimentId], false),
    scope.db
      .select({
        day: experimentResults.day,
        variantId: experimentResults.variantId,
        metricId: experimentResults.metricId,
        exposures: experimentResults.exposures,
        conversions: experimentResults.conversions,
      })
      .from(experimentResults)
      .where(and(eq(experimentResults.organizationId, scope.org.id), eq(experimentResults.experimentId, experimentId)))
      .orderBy(asc(experimentResults.day)),
  ]);
  const plan = planOf(experiment);
  const confidence = 1 - plan.alpha;
  const controlName = variants.find((v) => v.isControl)?.name ?? "Control";
  const byMetric = metrics.map((metric) => {
    const analysis = analyzeExperiment(variantTotals(variants, totals, metric.id), plan);
    return {
      metric,
      analysis,
      verdictText: describeVerdict(analysis, confidence),
      treatmentTexts: analysis.treatments.map((t) => ({
        variantId: t.variant.id,
        text: describeTreatment(t, controlName, confidence),
      })),
    };
  });
  const primary = metrics.find((m) => m.isPrimary) ?? null;
  return {
    experiment: {
      ...experiment,
      ...planFields(experiment),
      createdAt: experiment.createdAt.toISOString(),
      concludedAt: experiment.concludedAt?.toISOString() ?? null,
      team: { id: experiment.teamId, name: context?.teamName ?? "" },
      owner: { id: experiment.ownerId, name: context?.ownerName ?? "" },
      keyResult:
        experiment.keyResultId && context?.keyResultTitle && context.keyResultObjectiveId
          ? { id: experiment.keyResultId, title: context.keyResultTitle, objectiveId: context.keyResultObjectiveId }
          : null,
      kpi: experiment.kpiId && context?.kpiName ? { id: experiment.kpiId, name: context.kpiName } : null,
      campaign:
        experiment.campaignId && context?.campaignName
          ? { id: experiment.campaignId, name: context.campaignName }
          : null,
      daysRunning: daysRunning(experiment.startDate, experiment.endDate, todayIso()),
    },
    variants,
    metrics,
    results: byMetric,
    daily,
    cumulative: primary
      ? cumulativeRates(
          variants.map((v) => v.id),
          daily.filter((d) => d.metricId === primary.id),
        )
      : [],
    confidence,
    canEdit: experiment.status !== "concluded" && mayManage(scope, experiment.teamId),
    /** Offer to record the conclusion on the linked key result (the check-in's own rules still decide). */
    canRecordCheckIn:
      experiment.status === "concluded" && experiment.keyResultId !== null && mayManage(scope, experiment.teamId),
  };
}

/** Per day, each variant's conversion rate over everything counted up to that day (null before its first exposure). */
export function cumulativeRates(
  variantIds: string[],
  daily: readonly { day: string; variantId: string; exposures: number; conversions: number }[],
) {
  const sums = new Map(variantIds.map((id) => [id, { exposures: 0, conversions: 0 }]));
  const days = [...new Set(daily.map((d) => d.day))].sort();
  return days.map((day) => {
    for (const d of daily) {
      if (d.day !== day) continue;
      const s = sums.get(d.variantId);
      if (s) {
        s.exposures += d.exposures;
        s.conversions += d.conversions;
      }
    }
    const rates: Record<string, number | null> = {};
    for (const [id, s] of sums) rates[id] = s.exposures > 0 ? s.conversions / s.exposures : null;
    return { day, rates };
  });
}
