// Reading one experiment, its variants and metrics, and the totals its verdict needs, for the queries and commands of this module.
import { and, asc, type Executor, eq, experimentMetrics, experiments, experimentVariants, inArray } from "@meridian/db";
import { canManageExperiment, type ExperimentPlan, type VariantTotals } from "@meridian/domain";
import { forbidden, notFound, preconditionFailed } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";

export const experimentColumns = {
  id: experiments.id,
  name: experiments.name,
  hypothesis: experiments.hypothesis,
  ownerId: experiments.ownerId,
  teamId: experiments.teamId,
  status: experiments.status,
  decision: experiments.decision,
  decisionReason: experiments.decisionReason,
  startDate: experiments.startDate,
  endDate: experiments.endDate,
  mdeBp: experiments.mdeBp,
  alphaBp: experiments.alphaBp,
  powerBp: experiments.powerBp,
  baselineRateBp: experiments.baselineRateBp,
  keyResultId: experiments.keyResultId,
  kpiId: experiments.kpiId,
  campaignId: experiments.campaignId,
  concludedAt: experiments.concludedAt,
  createdAt: experiments.createdAt,
  version: experiments.version,
};

export async function findExperiment(tx: Executor, organizationId: string, experimentId: string) {
  const [row] = await tx
    .select(experimentColumns)
    .from(experiments)
    .where(and(eq(experiments.organizationId, organizationId), eq(experiments.id, experimentId)))
    .limit(1);
  if (!row) throw notFound("No such experiment.");
  return row;
}
export type ExperimentRow = Awaited<ReturnType<typeof findExperiment>>;

export const MEMBERS_OWN_TEAMS = "Members can change only the experiments of teams they belong to.";

export function mayManage(scope: ViewerScope, teamId: string): boolean {
  return canManageExperiment({ role: scope.org.role, teamIds: scope.viewer.teamIds, experimentTeamId: teamId });
}

/** An experiment the caller may change; a concluded one is frozen. */
export async function findManageableExperiment(tx: Executor, scope: ViewerScope, experimentId: string) {
  const row = await findExperiment(tx, scope.org.id, experimentId);
  if (!mayManage(scope, row.teamId)) throw forbidden(MEMBERS_OWN_TEAMS);
  if (row.status === "concluded") throw preconditionFailed(`${row.name} is concluded; its numbers and plan are final.`);
  return row;
}

/** Basis points as the fractions the statistics take. */
export function planOf(row: Pick<ExperimentRow, "alphaBp" | "powerBp" | "mdeBp" | "baselineRateBp">): ExperimentPlan {
  return {
    alpha: row.alphaBp / 10000,
    power: row.powerBp / 10000,
    minimumDetectableEffect: row.mdeBp / 10000,
    baselineRate: row.baselineRateBp === null ? null : row.baselineRateBp / 10000,
  };
}

export interface Arm {
  id: string;
  experimentId: string;
  name: string;
  isControl: boolean;
  weight: number;
  position: number;
}
export interface Metric {
  id: string;
  experimentId: string;
  name: string;
  isPrimary: boolean;
  position: number;
}

/** The variants and metrics of these experiments, in two statements whatever their number. */
export async function loadArms(tx: Executor, organizationId: string, experimentIds: string[]) {
  if (experimentIds.length === 0) return { variants: [] as Arm[], metrics: [] as Metric[] };
  const [variants, metrics] = await Promise.all([
    tx
      .select({
        id: experimentVariants.id,
        experimentId: experimentVariants.experimentId,
        name: experimentVariants.name,
        isControl: experimentVariants.isControl,
        weight: experimentVariants.weight,
        position: experimentVariants.position,
      })
      .from(experimentVariants)
      .where(
        and(
          eq(experimentVariants.organizationId, organizationId),
          inArray(experimentVariants.experimentId, experimentIds),
        ),
      )
      .orderBy(asc(experimentVariants.position), asc(experimentVariants.createdAt)),
    tx
      .select({
        id: experimentMetrics.id,
        experimentId: experimentMetrics.experimentId,
        name: experimentMetrics.name,
        isPrimary: experimentMetrics.isPrimary,
        position: experimentMetrics.position,
      })
      .from(experimentMetrics)
      .where(
        and(
          eq(experimentMetrics.organizationId, organizationId),
          inArray(experimentMetrics.experimentId, experimentIds),
        ),
      )
      .orderBy(asc(experimentMetrics.position), asc(experimentMetrics.createdAt)),
  ]);
  return { variants, metrics };
}

/** The verdict's input for one experiment and metric: every variant, with zeros where nothing was counted yet. */
export function variantTotals(
  arms: readonly Arm[],
  totals: readonly { variantId: string; metricId: string; exposures: number; conversions: number }[],
  metricId: string,
): VariantTotals[] {
  return arms.map((arm) => {
    const t = totals.find((x) => x.variantId === arm.id && x.metricId === metricId);
    return {
      id: arm.id,
      name: arm.name,
      isControl: arm.isControl,
      weight: arm.weight,
      exposures: Number(t?.exposures ?? 0),
      conversions: Number(t?.conversions ?? 0),
    };
  });
}
