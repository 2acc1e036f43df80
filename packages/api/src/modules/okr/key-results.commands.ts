import { and, type Executor, eq, keyResults, sql } from "@meridian/db";
import {
  canWriteObjective,
  keyResultDefinitionError,
  type Viewer,
  type ZGradeSchema,
  type ZKeyResultCreateSchema,
  type ZKeyResultRefSchema,
  type ZKeyResultUpdateSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { editConflict, forbidden, invalidInput, notFound, preconditionFailed } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { refreshRollups } from "./objective-rollup";
import {
  findCycle,
  findVisibleObjective,
  type ObjectiveRow,
  requireActivePerson,
  requireChangeable,
  requireOpenForPlanning,
} from "./objective-rows";

const keyResultColumns = {
  id: keyResults.id,
  objectiveId: keyResults.objectiveId,
  title: keyResults.title,
  type: keyResults.type,
  startValue: keyResults.startValue,
  targetValue: keyResults.targetValue,
  unit: keyResults.unit,
  unitLabel: keyResults.unitLabel,
  weight: keyResults.weight,
  ownerId: keyResults.ownerId,
  gradeOverride: keyResults.gradeOverride,
  gradeReason: keyResults.gradeReason,
  archivedAt: keyResults.archivedAt,
  position: keyResults.position,
  version: keyResults.version,
};

/** The key result and its objective, if the caller may see them; NOT_FOUND otherwise. */
async function findKeyResult(tx: Executor, organizationId: string, viewer: Viewer, keyResultId: string) {
  const [kr] = await tx
    .select(keyResultColumns)
    .from(keyResults)
    .where(and(eq(keyResults.id, keyResultId), eq(keyResults.organizationId, organizationId)))
    .limit(1);
  if (!kr) throw notFound("No such key result.");
  const objective = await findVisibleObjective(tx, organizationId, viewer, kr.objectiveId).catch(() => {
    throw notFound("No such key result.");
  });
  return { kr, objective };
}

function requireWrite(viewer: Viewer, objective: ObjectiveRow) {
  if (!canWriteObjective(viewer, objective)) {
    throw forbidden("Only those who may edit the objective change its key results.");
  }
}

async function requireEditable(
  tx: Executor,
  organizationId: string,
  objective: ObjectiveRow,
  kr?: { archivedAt: Date | null },
) {
  if (kr?.archivedAt) throw preconditionFailed("This key result is archived.");
  requireChangeable(objective);
  requireOpenForPlanning(await findCycle(tx, organizationId, objective.cycleId));
}

/**
 * The key result an edit names, once the caller may write its objective, the
 * version is the one they read and the key result may still change.
 */
async function findEditable(tx: Executor, scope: ViewerScope, input: { keyResultId: string; version: number }) {
  const found = await findKeyResult(tx, scope.org.id, scope.viewer, input.keyResultId);
  requireWrite(scope.viewer, found.objective);
  if (found.kr.version !== input.version) throw editConflict("key result", found.kr);
  await requireEditable(tx, scope.org.id, found.objective, found.kr);
  return found;
}

export function createKeyResult(scope: ViewerScope, input: z.output<typeof ZKeyResultCreateSchema>) {
  const organizationId = scope.org.id;
  return scope.db.transaction(async (tx) => {
    const objective = await findVisibleObjective(tx, organizationId, scope.viewer, input.objectiveId);
    requireWrite(scope.viewer, objective);
    await requireEditable(tx, organizationId, objective);
    const ownerId = input.ownerId ?? objective.ownerId;
    await requireActivePerson(tx, organizationId, ownerId);
    const { objectiveId, ...fields } = input;
    const [created] = await tx
      .insert(keyResults)
      .values({
        ...fields,
        ownerId,
        objectiveId,
        organizationId,
        // After every key result the objective has had, archived ones too: a new one goes last.
        position: sql`(select coalesce(max(${keyResults.position}) + 1, 0) from ${keyResults}
          where ${keyResults.organizationId} = ${organizationId} and ${keyResults.objectiveId} = ${objectiveId})`,
      })
      .returning(keyResultColumns);
    if (!created) throw new Error("key result was not created");
    await refreshRollups(tx, organizationId, [objectiveId]);
    await recordActivity(tx, {
      organizationId,
      actorId: scope.user.id,
      entityType: "key_result",
      entityId: created.id,
      action: "key_result.created",
      details: { title: created.title, objectiveId },
    });
    return created;
  });
}

export function updateKeyResult(scope: ViewerScope, input: z.output<typeof ZKeyResultUpdateSchema>) {
  const organizationId = scope.org.id;
  return scope.db.transaction(async (tx) => {
    const { kr } = await findEditable(tx, scope, input);
    const { keyResultId, version, ...changes } = input;
    const merged = {
      type: changes.type ?? kr.type,
      startValue: changes.startValue ?? kr.startValue,
      targetValue: changes.targetValue ?? kr.targetValue,
    };
    const definitionError = keyResultDefinitionError(merged);
    if (definitionError) throw invalidInput("targetValue", definitionError);
    if (changes.ownerId) await requireActivePerson(tx, organizationId, changes.ownerId);
    const updated = await auditedUpdate(tx, {
      table: keyResults,
      id: keyResultId,
      version,
      set: changes,
      returning: keyResultColumns,
      conflict: { what: "key result", current: currentOf(tx, scope, keyResultId) },
      activity: {
        organizationId,
        actorId: scope.user.id,
        entityType: "key_result",
        action: "key_result.updated",
        details: { changes },
      },
    });
    await refreshRollups(tx, organizationId, [kr.objectiveId]);
    return updated;
  });
}

export function archiveKeyResult(scope: ViewerScope, input: z.output<typeof ZKeyResultRefSchema>) {
  return scope.db.transaction(async (tx) => {
    const { kr } = await findEditable(tx, scope, input);
    const archived = await auditedUpdate(tx, {
      table: keyResults,
      id: kr.id,
      version: input.version,
      set: { archivedAt: sql`now()` },
      returning: keyResultColumns,
      conflict: { what: "key result", current: currentOf(tx, scope, kr.id) },
      activity: {
        organizationId: scope.org.id,
        actorId: scope.user.id,
        entityType: "key_result",
        action: "key_result.archived",
      },
    });
    await refreshRollups(tx, scope.org.id, [kr.objectiveId]);
    // The archived row with its new version, so the client needs no read before its next change.
    return { archived: true as const, keyResult: archived };
  });
}

/** What a key result holds now, for the conflict a stale save gets. */
function currentOf(tx: Executor, scope: ViewerScope, keyResultId: string) {
  return async () => (await findKeyResult(tx, scope.org.id, scope.viewer, keyResultId)).kr;
}

/** At close: the owner keeps the suggested grade or overrides it with a reason. */
export function gradeKeyResult(scope: ViewerScope, input: z.output<typeof ZGradeSchema>) {
  const organizationId = scope.org.id;
  return scope.db.transaction(async (tx) => {
    const { kr, objective } = await findKeyResult(tx, organizationId, scope.viewer, input.keyResultId);
    if (kr.ownerId !== scope.user.id && !canWriteObjective(scope.viewer, objective)) {
      throw forbidden("Only the owner or an editor of the objective grades it.");
    }
    const cycle = await findCycle(tx, organizationId, objective.cycleId);
    if (cycle.status !== "closed") throw preconditionFailed("Key results are graded once their cycle closes.");
    const reason = input.grade === null ? "" : (input.reason ?? "");
    // Grading is not a versioned edit: the grade form names no version.
    await tx
      .update(keyResults)
      .set({
        gradeOverride: input.grade,
        gradeReason: reason,
        updatedAt: sql`now()`,
        version: sql`${keyResults.version} + 1`,
      })
      .where(eq(keyResults.id, kr.id));
    await recordActivity(tx, {
      organizationId,
      actorId: scope.user.id,
      entityType: "key_result",
      entityId: kr.id,
      action: input.grade === null ? "key_result.grade_cleared" : "key_result.graded",
      details: { grade: input.grade, reason },
    });
    return { gradeOverride: input.grade, gradeReason: reason };
  });
}
