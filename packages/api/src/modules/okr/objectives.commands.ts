import { type Executor, keyResults, objectives } from "@meridian/db";
import {
  canPublishObjective,
  canWriteObjective,
  type ObjectiveWriteFacts,
  type Viewer,
  type ZObjectiveCreateSchema,
  type ZObjectiveRefSchema,
  type ZObjectiveUpdateSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { editConflict, forbidden, invalidInput, preconditionFailed } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { findStrategicObjective } from "../scorecard/strategy-rows";
import { validateParent } from "./alignment";
import { refreshRollups } from "./objective-rollup";
import {
  findCycle,
  findVisibleObjective,
  objectiveColumns,
  requireActivePerson,
  requireActiveTeam,
  requireChangeable,
  requireOpenForPlanning,
} from "./objective-rows";

type ObjectiveRef = z.output<typeof ZObjectiveRefSchema>;

const createdKeyResultColumns = {
  id: keyResults.id,
  title: keyResults.title,
  type: keyResults.type,
  startValue: keyResults.startValue,
  targetValue: keyResults.targetValue,
  unit: keyResults.unit,
  unitLabel: keyResults.unitLabel,
  weight: keyResults.weight,
  ownerId: keyResults.ownerId,
  position: keyResults.position,
  version: keyResults.version,
};

function requireWrite(viewer: Viewer, facts: ObjectiveWriteFacts) {
  if (!canWriteObjective(viewer, facts)) {
    throw forbidden(
      facts.level === "company"
        ? "Only admins write company objectives."
        : "You can write your own personal objectives and those of teams you lead.",
    );
  }
}

/** The parent an objective aligns to and the strategic objective it serves, where it names them. */
async function requireLinks(
  tx: Executor,
  scope: ViewerScope,
  child: { id: string | null; cycle: { startsOn: string; endsOn: string } },
  links: { parentId?: string | null; strategicObjectiveId?: string | null },
) {
  if (links.parentId) {
    const { id, cycle } = child;
    await validateParent(
      tx,
      scope.org.id,
      scope.viewer,
      { id, cycleStartsOn: cycle.startsOn, cycleEndsOn: cycle.endsOn },
      links.parentId,
    );
  }
  if (links.strategicObjectiveId) await findStrategicObjective(tx, scope.org.id, links.strategicObjectiveId);
}

/** A new objective, with its key results, as a draft or (where the caller may publish) active at once. */
export function createObjective(scope: ViewerScope, input: z.output<typeof ZObjectiveCreateSchema>) {
  const { viewer } = scope;
  const organizationId = scope.org.id;
  const ownerId = input.ownerId ?? scope.user.id;
  if (input.level === "team" && !input.teamId) throw invalidInput("teamId", "A team objective needs a team.");
  const facts = { level: input.level, ownerId, teamId: input.teamId };
  requireWrite(viewer, facts);
  return scope.db.transaction(async (tx) => {
    const cycle = await findCycle(tx, organizationId, input.cycleId);
    requireOpenForPlanning(cycle);
    if (input.teamId) await requireActiveTeam(tx, organizationId, input.teamId);
    await requireActivePerson(tx, organizationId, ownerId);
    await requireLinks(tx, scope, { id: null, cycle }, input);
    for (const kr of input.keyResults) if (kr.ownerId) await requireActivePerson(tx, organizationId, kr.ownerId);
    const status = input.publish && canPublishObjective(viewer, facts) ? "active" : "draft";
    const [created] = await tx
      .insert(objectives)
      .values({
        organizationId,
        cycleId: cycle.id,
        level: input.level,
        title: input.title,
        description: input.description,
        ownerId,
        teamId: input.teamId,
        parentId: input.parentId,
        strategicObjectiveId: input.strategicObjectiveId,
        status,
        visibility: input.visibility,
        progressSource: input.progressSource,
        weight: input.weight,
      })
      .returning(objectiveColumns);
    if (!created) throw new Error("objective was not created");
    const createdKeyResults = input.keyResults.length
      ? await tx
          .insert(keyResults)
          .values(
            input.keyResults.map((kr, position) => ({
              organizationId,
              objectiveId: created.id,
              position,
              title: kr.title,
              type: kr.type,
              startValue: kr.startValue,
              targetValue: kr.targetValue,
              unit: kr.unit,
              unitLabel: kr.unitLabel,
              weight: kr.weight,
              ownerId: kr.ownerId ?? ownerId,
            })),
          )
          .returning(createdKeyResultColumns)
      : [];
    await refreshRollups(tx, organizationId, [created.id]);
    await recordActivity(tx, {
      organizationId,
      actorId: scope.user.id,
      entityType: "objective",
      entityId: created.id,
      action: "objective.created",
      details: { title: input.title, status, keyResults: input.keyResults.length },
    });
    // The key results as written, in the order given, each with its id and version for the next edit.
    return { ...created, keyResults: createdKeyResults.sort((a, b) => a.position - b.position) };
  });
}

/** Edits an objective; a stale version is a conflict carrying the current values. */
export function updateObjective(scope: ViewerScope, input: z.output<typeof ZObjectiveUpdateSchema>) {
  const { viewer } = scope;
  const organizationId = scope.org.id;
  return scope.db.transaction(async (tx) => {
    const current = await findVisibleObjective(tx, organizationId, viewer, input.objectiveId);
    requireWrite(viewer, current);
    const next = {
      level: current.level,
      ownerId: input.ownerId ?? current.ownerId,
      teamId: input.teamId === undefined ? current.teamId : input.teamId,
    };
    requireWrite(viewer, next);
    if (current.version !== input.version) throw editConflict("objective", current);
    requireChangeable(current);
    const cycle = await findCycle(tx, organizationId, current.cycleId);
    requireOpenForPlanning(cycle);
    if (next.level === "team" && !next.teamId) throw invalidInput("teamId", "A team objective needs a team.");
    if (input.teamId) await requireActiveTeam(tx, organizationId, input.teamId);
    // A new owner must be an active member; keeping the current one needs no check.
    if (input.ownerId && input.ownerId !== current.ownerId)
      await requireActivePerson(tx, organizationId, input.ownerId);
    await requireLinks(tx, scope, { id: current.id, cycle }, input);
    const { objectiveId, version, ...changes } = input;
    const updated = await auditedUpdate(tx, {
      table: objectives,
      id: objectiveId,
      version,
      set: changes,
      returning: objectiveColumns,
      conflict: { what: "objective", current: () => findVisibleObjective(tx, organizationId, viewer, objectiveId) },
      activity: {
        organizationId,
        actorId: scope.user.id,
        entityType: "objective",
        action: "objective.updated",
        details: { changes },
      },
    });
    // A new parent gains this objective's progress; the one it leaves loses it.
    await refreshRollups(tx, organizationId, [objectiveId, ...(current.parentId ? [current.parentId] : [])]);
    return updated;
  });
}

/** Draft → active, by a lead of its team or an admin (or the owner of a personal objective). */
export function publishObjective(scope: ViewerScope, input: ObjectiveRef) {
  return transition(scope, input, "draft", "active");
}

export function archiveObjective(scope: ViewerScope, input: ObjectiveRef) {
  return transition(scope, input, null, "archived");
}

function transition(scope: ViewerScope, input: ObjectiveRef, from: "draft" | null, to: "active" | "archived") {
  const { viewer } = scope;
  const organizationId = scope.org.id;
  return scope.db.transaction(async (tx) => {
    const current = await findVisibleObjective(tx, organizationId, viewer, input.objectiveId);
    const allowed = to === "active" ? canPublishObjective(viewer, current) : canWriteObjective(viewer, current);
    if (!allowed) {
      throw forbidden(
        to === "active"
          ? "Only a lead of the team or an admin publishes this draft."
          : "You cannot archive this objective.",
      );
    }
    if (current.version !== input.version) throw editConflict("objective", current);
    requireOpenForPlanning(await findCycle(tx, organizationId, current.cycleId));
    if ((from && current.status !== from) || current.status === "archived" || current.status === to) {
      throw preconditionFailed(`This objective is ${current.status}.`);
    }
    const updated = await auditedUpdate(tx, {
      table: objectives,
      id: current.id,
      version: input.version,
      set: { status: to },
      returning: objectiveColumns,
      conflict: { what: "objective", current: () => findVisibleObjective(tx, organizationId, viewer, current.id) },
      activity: {
        organizationId,
        actorId: scope.user.id,
        entityType: "objective",
        action: to === "active" ? "objective.published" : "objective.archived",
      },
    });
    // Publishing starts feeding the parent; archiving stops it.
    await refreshRollups(tx, organizationId, [current.id]);
    return updated;
  });
}
