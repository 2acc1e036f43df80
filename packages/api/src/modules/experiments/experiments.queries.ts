// Reads of the experiments area: the list (a page, filtered in SQL), one experiment's page, and the running ones for dashboards.
import {
  and,
  campaigns,
  eq,
  experimentMetrics,
  experimentResults,
  experiments,
  experimentVariants,
  ilike,
  keyResults,
  kpis,
  sql,
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
import { notFound } from "../../lib/errors";
import { jsonObject } from "../../lib/json-object";
import type { ViewerScope } from "../../lib/scope";
import { runShaped } from "../../lib/shaped-statement";
import { cursorTime, encodeExperimentCursor, experimentCursorKey } from "./experiment-cursor";
import {
  type Arm,
  type ExperimentRow,
  experimentColumns,
  type Metric,
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

/** A row of the list's statement: the experiment's fields, names, variants and primary metric's totals. */
interface ListRow {
  id: string;
  name: string;
  status: ExperimentRow["status"];
  decision: ExperimentRow["decision"];
  teamId: string;
  ownerId: string;
  startDate: string | null;
  endDate: string | null;
  mdeBp: number;
  alphaBp: number;
  powerBp: number;
  baselineRateBp: number | null;
  cursorAt: string;
  teamName: string;
  ownerName: string;
  variants: Arm[];
  primaryMetricId: string | null;
  totals: { variantId: string; metricId: string; exposures: number; conversions: number }[];
}

/**
 * A page of experiments, newest first, each with its leading variant and verdict: one statement (the page,
 * and per experiment its variants and its primary metric's totals summed in SQL, as JSON columns),
 * rendered once per set of filters (runShaped), after the membership.
 */
export async function listExperiments(scope: ViewerScope, input: TExperimentList) {
  const given = (["status", "teamId", "q"] as const).filter((f) => input[f] !== undefined);
  const cursor = input.cursor ? experimentCursorKey(input.cursor) : null;
  const rows = await runShaped<ListRow>(
    scope.db,
    `experiments-list:${given.join(",")}:${cursor ? "next" : "first"}`,
    () => {
      const org = sql.placeholder("org");
      const filters = and(
        eq(experiments.organizationId, org),
        cursor
          ? sql`(${experiments.createdAt}, ${experiments.id}) < (${sql.placeholder("cursorAt")}::timestamptz, ${sql.placeholder("cursorId")}::uuid)`
          : undefined,
        given.includes("status") ? eq(experiments.status, sql.placeholder("status")) : undefined,
        given.includes("teamId") ? eq(experiments.teamId, sql.placeholder("teamId")) : undefined,
        given.includes("q") ? ilike(experiments.name, sql.placeholder("q")) : undefined,
      );
      return sql`select p.*,
          coalesce((select json_agg(json_build_object('id', v.id, 'experimentId', v.experiment_id, 'name', v.name,
              'isControl', v.is_control, 'weight', v.weight, 'position', v.position) order by v.position, v.created_at)
            from ${experimentVariants} v where v.organization_id = ${org} and v.experiment_id = p.id), '[]') as variants,
          (select m.id from ${experimentMetrics} m
            where m.organization_id = ${org} and m.experiment_id = p.id and m.is_primary) as "primaryMetricId",
          coalesce((select json_agg(json_build_object('variantId', s.variant_id, 'metricId', s.metric_id,
              'exposures', s.exposures, 'conversions', s.conversions))
            from (select r.variant_id, r.metric_id, sum(r.exposures)::float8 as exposures,
                sum(r.conversions)::float8 as conversions
              from ${experimentResults} r
              join ${experimentMetrics} m on m.organization_id = r.organization_id and m.id = r.metric_id
              where r.organization_id = ${org} and r.experiment_id = p.id and m.is_primary
              group by r.variant_id, r.metric_id) s), '[]') as totals
        from (
          select ${experiments.id} as id, ${experiments.name} as name, ${experiments.status} as status,
            ${experiments.decision} as decision, ${experiments.teamId} as "teamId", ${experiments.ownerId} as "ownerId",
            ${experiments.startDate}::text as "startDate", ${experiments.endDate}::text as "endDate",
            ${experiments.mdeBp} as "mdeBp", ${experiments.alphaBp} as "alphaBp", ${experiments.powerBp} as "powerBp",
            ${experiments.baselineRateBp} as "baselineRateBp", ${cursorTime} as "cursorAt",
            ${teams.name} as "teamName", ${users.name} as "ownerName", ${experiments.createdAt} as created_at
          from ${experiments}
          join ${teams} on ${teams.organizationId} = ${experiments.organizationId} and ${teams.id} = ${experiments.teamId}
          join ${users} on ${users.id} = ${experiments.ownerId}
          where ${filters}
          order by ${experiments.createdAt} desc, ${experiments.id} desc
          limit ${sql.placeholder("limit")}
        ) p
        order by p.created_at desc, p.id desc`;
    },
    {
      org: scope.org.id,
      limit: input.limit + 1,
      ...(cursor ?? {}),
      ...(input.status && { status: input.status }),
      ...(input.teamId && { teamId: input.teamId }),
      ...(input.q !== undefined && { q: containsPattern(input.q) }),
    },
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last ? encodeExperimentCursor({ id: last.id, cursorAt: last.cursorAt }) : null;

  const today = todayIso();
  const items = page.map((experiment) => {
    const arms = experiment.variants;
    const analysis = experiment.primaryMetricId
      ? analyzeExperiment(variantTotals(arms, experiment.totals, experiment.primaryMetricId), planOf(experiment))
      : null;
    const leading = arms.find((a) => a.id === analysis?.leadingVariantId) ?? null;
    return {
      id: experiment.id,
      name: experiment.name,
      status: experiment.status,
      decision: experiment.decision,
      team: { id: experiment.teamId, name: experiment.teamName },
      owner: { id: experiment.ownerId, name: experiment.ownerName },
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

/** The one row of the experiment page's statement: JSON columns (instants as text). */
interface ExperimentPageRow {
  experiment:
    | (Omit<ExperimentRow, "createdAt" | "concludedAt"> & {
        createdAt: string;
        concludedAt: string | null;
        teamName: string;
        ownerName: string;
        keyResultTitle: string | null;
        keyResultObjectiveId: string | null;
        kpiName: string | null;
        campaignName: string | null;
      })
    | null;
  variants: Arm[];
  metrics: Metric[];
  totals: { metricId: string; variantId: string; exposures: number; conversions: number; days: number }[];
  daily: { day: string; variantId: string; metricId: string; exposures: number; conversions: number }[];
}

/**
 * One experiment's page: plan, variants, the verdict per metric, the daily numbers and the cumulative rates.
 * One statement after the membership (the experiment with its names, variants, metrics, totals per metric and
 * variant summed in SQL, and the daily rows, each a JSON column of the one row), rendered once (runShaped).
 */
export async function getExperiment(scope: ViewerScope, experimentId: string) {
  const [page] = await runShaped<ExperimentPageRow>(
    scope.db,
    "experiment-page",
    () => {
      const org = sql.placeholder("org");
      const id = sql.placeholder("experimentId");
      return sql`select
          (select ${jsonObject({
            ...experimentColumns,
            teamName: teams.name,
            ownerName: users.name,
            keyResultTitle: keyResults.title,
            keyResultObjectiveId: keyResults.objectiveId,
            kpiName: kpis.name,
            campaignName: campaigns.name,
          })}
            from ${experiments}
            join ${teams} on ${teams.organizationId} = ${experiments.organizationId} and ${teams.id} = ${experiments.teamId}
            join ${users} on ${users.id} = ${experiments.ownerId}
            left join ${keyResults} on ${keyResults.organizationId} = ${experiments.organizationId}
              and ${keyResults.id} = ${experiments.keyResultId}
            left join ${kpis} on ${kpis.organizationId} = ${experiments.organizationId} and ${kpis.id} = ${experiments.kpiId}
            left join ${campaigns} on ${campaigns.organizationId} = ${experiments.organizationId}
              and ${campaigns.id} = ${experiments.campaignId}
            where ${experiments.organizationId} = ${org} and ${experiments.id} = ${id}) as experiment,
          coalesce((select json_agg(json_build_object('id', v.id, 'experimentId', v.experiment_id, 'name', v.name,
              'isControl', v.is_control, 'weight', v.weight, 'position', v.position) order by v.position, v.created_at)
            from ${experimentVariants} v where v.organization_id = ${org} and v.experiment_id = ${id}), '[]') as variants,
          coalesce((select json_agg(json_build_object('id', m.id, 'experimentId', m.experiment_id, 'name', m.name,
              'isPrimary', m.is_primary, 'position', m.position) order by m.position, m.created_at)
            from ${experimentMetrics} m where m.organization_id = ${org} and m.experiment_id = ${id}), '[]') as metrics,
          coalesce((select json_agg(json_build_object('metricId', t.metric_id, 'variantId', t.variant_id,
              'exposures', t.exposures, 'conversions', t.conversions, 'days', t.days))
            from (select r.metric_id, r.variant_id, sum(r.exposures)::float8 as exposures,
                sum(r.conversions)::float8 as conversions, count(*)::int as days
              from ${experimentResults} r where r.organization_id = ${org} and r.experiment_id = ${id}
              group by r.metric_id, r.variant_id) t), '[]') as totals,
          coalesce((select json_agg(json_build_object('day', r.day, 'variantId', r.variant_id, 'metricId', r.metric_id,
              'exposures', r.exposures, 'conversions', r.conversions) order by r.day)
            from ${experimentResults} r where r.organization_id = ${org} and r.experiment_id = ${id}), '[]') as daily`;
    },
    { org: scope.org.id, experimentId },
  );
  if (!page?.experiment) throw notFound("No such experiment.");
  const { teamName, ownerName, keyResultTitle, keyResultObjectiveId, kpiName, campaignName, ...stored } =
    page.experiment;
  const experiment: ExperimentRow = {
    ...stored,
    createdAt: new Date(stored.createdAt),
    concludedAt: stored.concludedAt === null ? null : new Date(stored.concludedAt),
  };
  const context = { teamName, ownerName, keyResultTitle, keyResultObjectiveId, kpiName, campaignName };
  const { variants, metrics, totals, daily } = page;
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
