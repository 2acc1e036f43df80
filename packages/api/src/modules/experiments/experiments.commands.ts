// Changes to experiments: create, edit the plan, start / stop, conclude. Each is versioned and audited.
import {
  and,
  campaigns,
  type Executor,
  eq,
  experimentMetrics,
  experiments,
  experimentVariants,
  isNull,
  keyResults,
  kpis,
  sql,
  teams,
} from "@meridian/db";
import {
  canMoveExperiment,
  EXPERIMENT_STATUS_LABELS,
  lockedChanges,
  lockedChangesMessage,
  type TExperimentConclude,
  type TExperimentCreate,
  type TExperimentStatus,
  type TExperimentUpdate,
} from "@meridian/domain";
import { requireActiveOwner } from "../../lib/active-owner";
import { activityBy, recordActivity } from "../../lib/activity";
import { forbidden, invalidInput, preconditionFailed } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { emitExperimentConcluded } from "../webhooks/producers";
import { planSnapshot, syncMetrics, syncVariants } from "./experiment-arms";
import { findExperiment, findManageableExperiment, loadArms, MEMBERS_OWN_TEAMS, mayManage } from "./experiment-rows";

const bp = (percent: number) => Math.round(percent * 100);

async function requireTeam(tx: Executor, organizationId: string, teamId: string) {
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organizationId, organizationId), eq(teams.id, teamId), isNull(teams.archivedAt)))
    .limit(1);
  if (!team) throw invalidInput("teamId", "Choose an active team of this organization.");
}

async function requireLinks(
  tx: Executor,
  organizationId: string,
  links: { keyResultId?: string | null; kpiId?: string | null; campaignId?: string | null },
) {
  if (links.keyResultId) {
    const [kr] = await tx
      .select({ id: keyResults.id })
      .from(keyResults)
      .where(and(eq(keyResults.organizationId, organizationId), eq(keyResults.id, links.keyResultId)))
      .limit(1);
    if (!kr) throw invalidInput("keyResultId", "Choose a key result of this organization.");
  }
  if (links.kpiId) {
    const [kpi] = await tx
      .select({ id: kpis.id })
      .from(kpis)
      .where(and(eq(kpis.organizationId, organizationId), eq(kpis.id, links.kpiId)))
      .limit(1);
    if (!kpi) throw invalidInput("kpiId", "Choose a KPI of this organization.");
  }
  if (links.campaignId) {
    const [campaign] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.organizationId, organizationId), eq(campaigns.id, links.campaignId)))
      .limit(1);
    if (!campaign) throw invalidInput("campaignId", "Choose a campaign of this organization.");
  }
}

export async function createExperiment(scope: ViewerScope, input: TExperimentCreate) {
  if (!mayManage(scope, input.teamId)) throw forbidden("Members can create experiments only for teams they belong to.");
  return scope.db.transaction(async (tx) => {
    await requireTeam(tx, scope.org.id, input.teamId);
    await requireActiveOwner(tx, scope.org.id, input.ownerId);
    await requireLinks(tx, scope.org.id, input);
    const [created] = await tx
      .insert(experiments)
      .values({
        organizationId: scope.org.id,
        name: input.name,
        hypothesis: input.hypothesis,
        ownerId: input.ownerId,
        teamId: input.teamId,
        startDate: input.startDate,
        endDate: input.endDate,
        mdeBp: bp(input.minimumDetectableEffect),
        alphaBp: bp(input.alpha),
        powerBp: bp(input.power),
        baselineRateBp: input.baselineRate === null ? null : bp(input.baselineRate),
        keyResultId: input.keyResultId,
        kpiId: input.kpiId,
        campaignId: input.campaignId,
      })
      .returning({ id: experiments.id, version: experiments.version });
    if (!created) throw new Error("insert returned nothing");
    await tx.insert(experimentVariants).values(
      input.variants.map((v, i) => ({
        organizationId: scope.org.id,
        experimentId: created.id,
        name: v.name,
        weight: v.weight,
        isControl: i === 0,
        position: i,
      })),
    );
    await tx.insert(experimentMetrics).values(
      [input.primaryMetric, ...input.secondaryMetrics].map((name, i) => ({
        organizationId: scope.org.id,
        experimentId: created.id,
        name,
        isPrimary: i === 0,
        position: i,
      })),
    );
    await recordActivity(tx, activityBy(scope, "experiment", created.id, "experiment.created", { name: input.name }));
    return created;
  });
}

/**
 * Edits the experiment against the version read. Once it has started its plan, variants and primary metric are
 * fixed (`lockedChanges`, ADR 0018): sent back unchanged they pass, changed they are refused with nothing written.
 */
export async function updateExperiment(scope: ViewerScope, input: TExperimentUpdate) {
  return scope.db.transaction(async (tx) => {
    const row = await findManageableExperiment(tx, scope, input.experimentId);
    if (input.teamId !== undefined && input.teamId !== row.teamId) {
      if (!mayManage(scope, input.teamId)) throw forbidden(MEMBERS_OWN_TEAMS);
      await requireTeam(tx, scope.org.id, input.teamId);
    }
    if (input.ownerId !== undefined && input.ownerId !== row.ownerId)
      await requireActiveOwner(tx, scope.org.id, input.ownerId);
    await requireLinks(tx, scope.org.id, input);
    const startDate = input.startDate === undefined ? row.startDate : input.startDate;
    const endDate = input.endDate === undefined ? row.endDate : input.endDate;
    if (startDate && endDate && endDate < startDate) {
      throw invalidInput("endDate", "The end date cannot be before the start date.");
    }
    const { variants, metrics } = await loadArms(tx, scope.org.id, [row.id]);
    const locked = lockedChanges(row.status, planSnapshot(row, variants, metrics), input);
    if (locked.length > 0) throw preconditionFailed(lockedChangesMessage(locked));
    const updated = await auditedUpdate(tx, {
      table: experiments,
      id: row.id,
      version: input.version,
      set: {
        name: input.name,
        hypothesis: input.hypothesis,
        ownerId: input.ownerId,
        teamId: input.teamId,
        startDate: input.startDate,
        endDate: input.endDate,
        mdeBp: input.minimumDetectableEffect === undefined ? undefined : bp(input.minimumDetectableEffect),
        alphaBp: input.alpha === undefined ? undefined : bp(input.alpha),
        powerBp: input.power === undefined ? undefined : bp(input.power),
        baselineRateBp:
          input.baselineRate === undefined ? undefined : input.baselineRate === null ? null : bp(input.baselineRate),
        keyResultId: input.keyResultId,
        kpiId: input.kpiId,
        campaignId: input.campaignId,
      },
      returning: { id: experiments.id, version: experiments.version },
      conflict: { what: "experiment", current: () => findExperiment(tx, scope.org.id, row.id) },
      activity: activityBy(scope, "experiment", row.id, "experiment.updated"),
    });
    // After the version check, so a stale edit changes no variant or metric either.
    if (input.variants) await syncVariants(tx, scope.org.id, row.id, variants, input.variants);
    if (input.primaryMetric !== undefined || input.secondaryMetrics !== undefined)
      await syncMetrics(tx, scope.org.id, row.id, metrics, input);
    return updated;
  });
}

/** Starts, stops or resumes an experiment; starting sets the start date to today when none was planned. */
export async function setExperimentStatus(scope: ViewerScope, input: TExperimentStatus) {
  return scope.db.transaction(async (tx) => {
    const row = await findManageableExperiment(tx, scope, input.experimentId);
    if (!canMoveExperiment(row.status, input.status)) {
      throw preconditionFailed(
        `A ${EXPERIMENT_STATUS_LABELS[row.status].toLowerCase()} experiment cannot become ${EXPERIMENT_STATUS_LABELS[input.status].toLowerCase()}.`,
      );
    }
    return auditedUpdate(tx, {
      table: experiments,
      id: row.id,
      version: input.version,
      set: {
        status: input.status,
        // Today, or the planned end when that has passed already (the dates stay in order).
        ...(input.status === "running" && !row.startDate
          ? { startDate: sql`least(current_date, coalesce(${experiments.endDate}, current_date))` }
          : {}),
      },
      returning: { id: experiments.id, version: experiments.version, status: experiments.status },
      conflict: { what: "experiment", current: () => findExperiment(tx, scope.org.id, row.id) },
      activity: activityBy(scope, "experiment", row.id, `experiment.${input.status}`),
    });
  });
}

/** Records the decision and its reason; the experiment is frozen from then on. */
export async function concludeExperiment(scope: ViewerScope, input: TExperimentConclude) {
  return scope.db.transaction(async (tx) => {
    const row = await findManageableExperiment(tx, scope, input.experimentId);
    if (!canMoveExperiment(row.status, "concluded")) {
      throw preconditionFailed("Only a running or stopped experiment can be concluded: start it first.");
    }
    let winnerName: string | null = null;
    if (input.decision === "ship_winner") {
      if (!input.winnerVariantId) throw invalidInput("winnerVariantId", "Choose the treatment to ship.");
      const [winner] = await tx
        .select({ name: experimentVariants.name, isControl: experimentVariants.isControl })
        .from(experimentVariants)
        .where(
          and(
            eq(experimentVariants.organizationId, scope.org.id),
            eq(experimentVariants.experimentId, row.id),
            eq(experimentVariants.id, input.winnerVariantId),
          ),
        );
      if (!winner || winner.isControl)
        throw invalidInput("winnerVariantId", "Choose one of this experiment's treatments.");
      winnerName = winner.name;
    }
    const concluded = await auditedUpdate(tx, {
      table: experiments,
      id: row.id,
      version: input.version,
      set: {
        status: "concluded",
        decision: input.decision,
        decisionReason: winnerName ? `${winnerName}: ${input.reason}` : input.reason,
        concludedAt: sql`now()`,
        endDate: sql`coalesce(${experiments.endDate}, greatest(current_date, ${experiments.startDate}))`,
      },
      returning: {
        id: experiments.id,
        version: experiments.version,
        status: experiments.status,
        decision: experiments.decision,
      },
      conflict: { what: "experiment", current: () => findExperiment(tx, scope.org.id, row.id) },
      activity: activityBy(scope, "experiment", row.id, "experiment.concluded", { decision: input.decision }),
    });
    await emitExperimentConcluded(tx, scope.org.id, {
      experiment: { id: row.id, name: row.name },
      decision: input.decision,
      reason: winnerName ? `${winnerName}: ${input.reason}` : input.reason,
      actorId: scope.user.id,
    });
    return concluded;
  });
}
