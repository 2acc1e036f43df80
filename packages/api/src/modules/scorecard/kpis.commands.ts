import { type Executor, kpis, type PgUpdateSetSource, type SelectedFields, sql } from "@meridian/db";
import {
  campaignSourceError,
  goalRedFlagError,
  isComputedKpi,
  type TKpiArchive,
  type TKpiCreate,
  type TKpiUpdate,
} from "@meridian/domain";
import { requireActiveOwner } from "../../lib/active-owner";
import { activityBy, recordActivity } from "../../lib/activity";
import { editConflict, forbidden, invalidInput, preconditionFailed } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import {
  computedKpisUsing,
  findKpi,
  findManageableKpi,
  type KpiRow,
  requireComputedInputs,
  requireFreeKpiName,
} from "./kpi-rows";
import { findStrategicObjective } from "./strategy-rows";

/** Managers own the KPIs they create or keep; only admins hand a KPI to someone else. */
async function requireAllowedOwner(scope: OrgScope, tx: Executor, ownerId: string) {
  if (scope.org.role !== "admin" && ownerId !== scope.user.id) {
    throw forbidden("Managers can only own the KPIs they create; ask an admin.");
  }
  await requireActiveOwner(tx, scope.org.id, ownerId);
}

/** A live KPI the caller may change, still at the version they read. */
async function findKpiAt(tx: Executor, scope: OrgScope, kpiId: string, version: number) {
  const kpi = await findManageableKpi(tx, scope, kpiId);
  if (kpi.version !== version) throw editConflict("KPI", kpi);
  return kpi;
}

/** A versioned update of a KPI the caller read at `kpi.version`, with its activity record. */
function updateKpi<TFields extends SelectedFields>(
  tx: Executor,
  scope: OrgScope,
  kpi: KpiRow,
  change: {
    set: PgUpdateSetSource<typeof kpis>;
    returning: TFields;
    action: string;
    details: Record<string, unknown>;
  },
) {
  return auditedUpdate(tx, {
    table: kpis,
    id: kpi.id,
    version: kpi.version,
    set: change.set,
    returning: change.returning,
    conflict: { what: "KPI", current: () => findKpi(tx, scope.org.id, kpi.id) },
    activity: activityBy(scope, "kpi", kpi.id, change.action, change.details),
  });
}

export async function createKpi(scope: OrgScope, input: TKpiCreate) {
  return scope.db.transaction(async (tx) => {
    await requireAllowedOwner(scope, tx, input.ownerId);
    if (input.strategicObjectiveId) await findStrategicObjective(tx, scope.org.id, input.strategicObjectiveId);
    // The schema guarantees both inputs for a computed KPI and none for the others, and a
    // campaign source exactly for a campaign-fed KPI.
    const inputs =
      isComputedKpi(input.kind) && input.inputAId && input.inputBId
        ? { inputAId: input.inputAId, inputBId: input.inputBId }
        : null;
    if (inputs) await requireComputedInputs(tx, scope.org.id, inputs, null);
    await requireFreeKpiName(tx, scope.org.id, input.name, null);
    const [created] = await tx
      .insert(kpis)
      .values({
        organizationId: scope.org.id,
        ...input,
        inputAId: inputs?.inputAId ?? null,
        inputBId: inputs?.inputBId ?? null,
        campaignMeasure: input.campaignMeasure ?? null,
        campaignChannel: input.campaignChannel ?? null,
        currency: input.currency ?? null,
      })
      .returning({ id: kpis.id, name: kpis.name, version: kpis.version });
    if (!created) throw new Error("KPI was not created");
    await recordActivity(tx, activityBy(scope, "kpi", created.id, "kpi.created", input));
    return created;
  });
}

/** Changes a KPI's definition; the caller names the version they read. */
export async function updateKpiDefinition(scope: OrgScope, input: TKpiUpdate) {
  return scope.db.transaction(async (tx) => {
    const kpi = await findKpiAt(tx, scope, input.kpiId, input.version);
    const { kpiId: _, version: __, ...changes } = input;
    // Absent fields keep their stored values; an explicit null (no objective, no inputs) clears.
    const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const merged: KpiRow = { ...kpi, ...(given as Partial<KpiRow>) };
    const kindChanged = changes.kind !== undefined && changes.kind !== kpi.kind;
    if (!isComputedKpi(merged.kind)) {
      if (changes.inputAId || changes.inputBId) throw invalidInput("inputAId", "Only a computed KPI has inputs.");
      merged.inputAId = null;
      merged.inputBId = null;
    } else if (kindChanged && (changes.inputAId === undefined || changes.inputBId === undefined)) {
      throw invalidInput("inputAId", "Choose both input KPIs of a computed KPI.");
    }
    if (merged.kind !== "campaigns") {
      // Leaving the campaigns drops the source; naming one for another kind is an error.
      const sourceError = campaignSourceError({ ...changes, kind: merged.kind });
      if (sourceError) throw invalidInput(sourceError.path, sourceError.message);
      merged.campaignMeasure = null;
      merged.campaignChannel = null;
      merged.currency = null;
    } else {
      // A conversions KPI has no currency: switching to it from money drops the stored one.
      if (merged.campaignMeasure === "conversions" && changes.currency === undefined) merged.currency = null;
      const sourceError = campaignSourceError(merged);
      if (sourceError) throw invalidInput(sourceError.path, sourceError.message);
    }

    const targetError = goalRedFlagError(merged.direction, merged.goal, merged.redFlag);
    if (targetError) throw invalidInput("redFlag", targetError);
    if (changes.ownerId !== undefined && changes.ownerId !== kpi.ownerId) {
      await requireAllowedOwner(scope, tx, changes.ownerId);
    }
    if (changes.strategicObjectiveId) await findStrategicObjective(tx, scope.org.id, changes.strategicObjectiveId);
    if (changes.name !== undefined && changes.name !== kpi.name) {
      await requireFreeKpiName(tx, scope.org.id, changes.name, kpi.id);
    }
    if (isComputedKpi(merged.kind)) {
      if (!merged.inputAId || !merged.inputBId) throw invalidInput("inputAId", "Choose both input KPIs.");
      if (merged.inputAId === merged.inputBId) {
        throw invalidInput("inputBId", "The two inputs must be different KPIs.");
      }
      await requireComputedInputs(tx, scope.org.id, { inputAId: merged.inputAId, inputBId: merged.inputBId }, kpi.id);
      const users = await computedKpisUsing(tx, scope.org.id, kpi.id);
      if (users.length) {
        throw invalidInput(
          "kind",
          `${kpi.name} is an input of ${users.map((u) => u.name).join(", ")}; an input must keep values of its own (entered or from campaigns).`,
        );
      }
    }

    const changed = Object.fromEntries(
      Object.entries(changes).filter(([key, value]) => value !== undefined && kpi[key as keyof KpiRow] !== value),
    );
    const inputsChanged = merged.inputAId !== kpi.inputAId || merged.inputBId !== kpi.inputBId;
    const sourceChanged =
      merged.campaignMeasure !== kpi.campaignMeasure ||
      merged.campaignChannel !== kpi.campaignChannel ||
      merged.currency !== kpi.currency;
    if (Object.keys(changed).length === 0 && !inputsChanged && !sourceChanged) {
      return { id: kpi.id, version: kpi.version };
    }

    return updateKpi(tx, scope, kpi, {
      set: {
        name: merged.name,
        description: merged.description,
        unit: merged.unit,
        direction: merged.direction,
        frequency: merged.frequency,
        aggregation: merged.aggregation,
        goal: merged.goal,
        redFlag: merged.redFlag,
        ownerId: merged.ownerId,
        strategicObjectiveId: merged.strategicObjectiveId,
        weight: merged.weight,
        kind: merged.kind,
        inputAId: merged.inputAId,
        inputBId: merged.inputBId,
        campaignMeasure: merged.campaignMeasure,
        campaignChannel: merged.campaignChannel,
        currency: merged.currency,
      },
      returning: { id: kpis.id, version: kpis.version },
      action: "kpi.updated",
      details: { changes: changed, ...(inputsChanged && { inputAId: merged.inputAId, inputBId: merged.inputBId }) },
    });
  });
}

/** Retires a KPI: off the scorecard, history kept. Refused while a computed KPI is built on it. */
export async function archiveKpi(scope: OrgScope, input: TKpiArchive) {
  return scope.db.transaction(async (tx) => {
    const kpi = await findKpiAt(tx, scope, input.kpiId, input.version);
    const usedBy = await computedKpisUsing(tx, scope.org.id, kpi.id);
    if (usedBy.length) {
      throw preconditionFailed(
        `${kpi.name} is an input of ${usedBy.map((u) => u.name).join(", ")}. Archive or change those first.`,
      );
    }
    return updateKpi(tx, scope, kpi, {
      set: { archivedAt: sql`now()` },
      returning: { id: kpis.id, version: kpis.version, archivedAt: kpis.archivedAt },
      action: "kpi.archived",
      details: { name: kpi.name },
    });
  });
}
