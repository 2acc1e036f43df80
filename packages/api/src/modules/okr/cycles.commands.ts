import { and, cycles, type Executor, eq, inArray, keyResults, objectives, sql } from "@meridian/db";
import {
  carriedStartValue,
  type ZCarryOverSchema,
  type ZCycleCreateSchema,
  type ZCycleRefSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { badRequest, editConflict, preconditionFailed } from "../../lib/errors";
import type { OrgScope, ViewerScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { cycleColumns } from "./cycles.queries";
import { refreshRollups } from "./objective-rollup";
import { findCycle, findVisibleObjective, requireOpenForPlanning } from "./objective-rows";

type CycleRef = z.output<typeof ZCycleRefSchema>;

/** A new cycle, in planning until an admin opens it. */
export function createCycle(scope: OrgScope, input: z.output<typeof ZCycleCreateSchema>) {
  return scope.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(cycles)
      .values({ organizationId: scope.org.id, ...input, status: "planning" })
      .returning({ id: cycles.id, name: cycles.name, version: cycles.version });
    if (!created) throw new Error("cycle was not created");
    await recordActivity(tx, {
      organizationId: scope.org.id,
      actorId: scope.user.id,
      entityType: "cycle",
      entityId: created.id,
      action: "cycle.created",
      details: input,
    });
    return created;
  });
}

export function openCycle(scope: OrgScope, input: CycleRef) {
  return scope.db.transaction(async (tx) => {
    const cycle = await findCycle(tx, scope.org.id, input.cycleId);
    if (cycle.version !== input.version) throw editConflict("cycle", cycle);
    if (cycle.status !== "planning") throw preconditionFailed(`This cycle is already ${cycle.status}.`);
    // The cycle as it now stands, with its new version: the next change needs no read first.
    const opened = await setCycleStatus(tx, scope, cycle.id, input.version, "open", { action: "cycle.opened" });
    return { ...opened, status: "open" as const };
  });
}

/** Closes a cycle: its active objectives are frozen as closed and their owners grade them. */
export function closeCycle(scope: OrgScope, input: CycleRef) {
  return scope.db.transaction(async (tx) => {
    const cycle = await findCycle(tx, scope.org.id, input.cycleId);
    if (cycle.version !== input.version) throw editConflict("cycle", cycle);
    if (cycle.status !== "open") throw preconditionFailed("Only an open cycle can be closed.");
    const closed = await tx
      .update(objectives)
      .set({ status: "closed", updatedAt: sql`now()`, version: sql`${objectives.version} + 1` })
      .where(
        and(
          eq(objectives.organizationId, scope.org.id),
          eq(objectives.cycleId, cycle.id),
          eq(objectives.status, "active"),
        ),
      )
      .returning({ id: objectives.id });
    const updated = await setCycleStatus(tx, scope, cycle.id, input.version, "closed", {
      action: "cycle.closed",
      details: { objectivesClosed: closed.length },
    });
    return { ...updated, status: "closed" as const, objectivesClosed: closed.length };
  });
}

/** A cycle's move to its next status, as an audited, versioned edit. */
function setCycleStatus(
  tx: Executor,
  scope: OrgScope,
  cycleId: string,
  version: number,
  status: "open" | "closed",
  activity: { action: string; details?: Record<string, unknown> },
) {
  return auditedUpdate(tx, {
    table: cycles,
    id: cycleId,
    version,
    set: { status },
    returning: cycleColumns,
    conflict: { what: "cycle", current: () => findCycle(tx, scope.org.id, cycleId) },
    activity: { organizationId: scope.org.id, actorId: scope.user.id, entityType: "cycle", ...activity },
  });
}

/**
 * Carries an unfinished objective into another cycle with the chosen key
 * results: copies that link back to the originals, which keep their history.
 */
export function carryOver(scope: ViewerScope, input: z.output<typeof ZCarryOverSchema>) {
  const organizationId = scope.org.id;
  return scope.db.transaction(async (tx) => {
    const source = await findVisibleObjective(tx, organizationId, scope.viewer, input.objectiveId);
    const target = await findCycle(tx, organizationId, input.targetCycleId);
    requireOpenForPlanning(target);
    if (target.id === source.cycleId) throw badRequest("Carry over into a different cycle.");
    const chosen = input.keyResultIds.length
      ? await tx
          .select()
          .from(keyResults)
          .where(
            and(
              eq(keyResults.organizationId, organizationId),
              eq(keyResults.objectiveId, source.id),
              inArray(keyResults.id, input.keyResultIds),
            ),
          )
      : [];
    if (chosen.length !== new Set(input.keyResultIds).size) throw badRequest("Choose key results of this objective.");
    // The copies keep the originals' order.
    chosen.sort((a, b) => a.position - b.position || +a.createdAt - +b.createdAt || a.id.localeCompare(b.id));
    const [copy] = await tx
      .insert(objectives)
      .values({
        organizationId,
        cycleId: target.id,
        level: source.level,
        title: source.title,
        description: source.description,
        ownerId: source.ownerId,
        teamId: source.teamId,
        parentId: null,
        status: "active",
        visibility: source.visibility,
        progressSource: source.progressSource,
        weight: source.weight,
        carriedFromId: source.id,
      })
      .returning({ id: objectives.id });
    if (!copy) throw new Error("objective was not carried over");
    if (chosen.length) {
      await tx.insert(keyResults).values(
        chosen.map((kr, position) => ({
          organizationId,
          objectiveId: copy.id,
          position,
          title: kr.title,
          type: kr.type,
          startValue: carriedStartValue(kr),
          targetValue: kr.targetValue,
          unit: kr.unit,
          unitLabel: kr.unitLabel,
          weight: kr.weight,
          ownerId: kr.ownerId,
          carriedFromId: kr.id,
        })),
      );
    }
    await refreshRollups(tx, organizationId, [copy.id]);
    await recordActivity(tx, {
      organizationId,
      actorId: scope.user.id,
      entityType: "objective",
      entityId: copy.id,
      action: "objective.carried_over",
      details: { from: source.id, toCycle: target.id, keyResults: chosen.length },
    });
    return { objectiveId: copy.id };
  });
}
