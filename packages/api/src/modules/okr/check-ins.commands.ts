import { and, checkIns, type Executor, eq, keyResults, sql } from "@meridian/db";
import {
  canCheckInOnKeyResult,
  checkInValueError,
  type ZCheckInCreateSchema,
  type ZCheckInRefSchema,
  type ZCheckInUpdateSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { recordActivity } from "../../lib/activity";
import { conflict, editConflict, forbidden, invalidInput, preconditionFailed } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { emitCheckInCreated } from "../webhooks/producers";
import {
  findByIdempotencyKey,
  findCheckInTarget,
  findOwnCheckIn,
  lockKeyResult,
  nextCheckInSeq,
  type OwnCheckIn,
  refreshLatest,
  replay,
} from "./check-in-rows";
import { refreshRollups } from "./objective-rollup";

/**
 * Records a value and confidence on a key result. Idempotent per author and
 * client-generated key: a repeat returns the first check-in and adds nothing.
 */
export async function createCheckIn(scope: ViewerScope, input: z.output<typeof ZCheckInCreateSchema>) {
  const { viewer } = scope;
  const organizationId = scope.org.id;
  const target = await findCheckInTarget(scope, input.keyResultId);
  const allowed = canCheckInOnKeyResult({
    role: scope.org.role,
    userId: scope.user.id,
    keyResultOwnerId: target.ownerId,
    leadsObjectiveTeam: target.teamId !== null && viewer.ledTeamIds.has(target.teamId),
  });
  if (!allowed) throw forbidden("Only the key result's owner, a lead of its team or an admin can check in.");

  const existing = await findByIdempotencyKey(scope.db, scope.org.id, scope.user.id, input.idempotencyKey);
  if (existing) return replay(existing, input.keyResultId);

  if (target.archivedAt || target.objectiveStatus !== "active" || target.cycleStatus !== "open") {
    throw preconditionFailed("Check-ins are open only on active objectives of an open cycle.");
  }
  const valueError = checkInValueError(target.type, input.value);
  if (valueError) throw invalidInput("value", valueError);

  return scope.db.transaction(async (tx) => {
    // The key result's lock first: concurrent check-ins on it are numbered and set its value in one order.
    await lockKeyResult(tx, organizationId, input.keyResultId);
    if (input.keyResultVersion !== undefined) {
      const stale = await staleKeyResult(tx, organizationId, input.keyResultId, input.keyResultVersion);
      if (stale) {
        // A twin of this request that won the lock moved the version on: it is a replay, not a conflict.
        const twin = await findByIdempotencyKey(tx, scope.org.id, scope.user.id, input.idempotencyKey);
        if (twin) return replay(twin, input.keyResultId);
        throw editConflict("key result", stale);
      }
    }
    const [created] = await tx
      .insert(checkIns)
      .values({
        organizationId,
        keyResultId: input.keyResultId,
        authorId: scope.user.id,
        value: input.value,
        confidence: input.confidence,
        comment: input.comment,
        idempotencyKey: input.idempotencyKey,
        seq: nextCheckInSeq(organizationId, input.keyResultId),
      })
      .onConflictDoNothing({ target: [checkIns.organizationId, checkIns.authorId, checkIns.idempotencyKey] })
      .returning();
    // A concurrent twin of this request won the race: answer with its row.
    if (!created) {
      const twin = await findByIdempotencyKey(tx, scope.org.id, scope.user.id, input.idempotencyKey);
      if (!twin) throw conflict("Check-in is being recorded; try again.");
      return replay(twin, input.keyResultId);
    }
    const updated = await tx
      .update(keyResults)
      .set({
        currentValue: input.value,
        currentConfidence: input.confidence,
        lastCheckInAt: created.createdAt,
        updatedAt: sql`now()`,
        version: sql`${keyResults.version} + 1`,
      })
      .where(and(eq(keyResults.id, input.keyResultId), eq(keyResults.organizationId, organizationId)))
      .returning({ objectiveId: keyResults.objectiveId });
    await refreshRollups(
      tx,
      organizationId,
      updated.map((kr) => kr.objectiveId),
    );
    await recordActivity(tx, {
      organizationId,
      actorId: scope.user.id,
      entityType: "key_result",
      entityId: input.keyResultId,
      action: "check_in.created",
      details: { checkInId: created.id, value: input.value, confidence: input.confidence },
    });
    await emitCheckInCreated(tx, organizationId, created);
    return { checkIn: created, replayed: false };
  });
}

/**
 * What a key result holds now, when it is no longer at `version` (someone checked in or edited it
 * since the writer read it); undefined while it still is. Read under `lockKeyResult`.
 */
async function staleKeyResult(tx: Executor, organizationId: string, keyResultId: string, version: number) {
  const [now] = await tx
    .select({
      version: keyResults.version,
      currentValue: keyResults.currentValue,
      currentConfidence: keyResults.currentConfidence,
      lastCheckInAt: keyResults.lastCheckInAt,
    })
    .from(keyResults)
    .where(and(eq(keyResults.organizationId, organizationId), eq(keyResults.id, keyResultId)));
  if (!now || now.version === version) return undefined;
  return { ...now, lastCheckInAt: now.lastCheckInAt?.toISOString() ?? null };
}

/** Corrects a check-in: its author or an admin, while the cycle is open. The old values go to the activity log. */
export async function updateCheckIn(scope: ViewerScope, input: z.output<typeof ZCheckInUpdateSchema>) {
  const target = await changeCheckIn(scope, input.checkInId, "check_in.edited", async (tx, target) => {
    const valueError = checkInValueError(target.type, input.value);
    if (valueError) throw invalidInput("value", valueError);
    await tx
      .update(checkIns)
      .set({ value: input.value, confidence: input.confidence, comment: input.comment, editedAt: sql`now()` })
      .where(and(eq(checkIns.organizationId, scope.org.id), eq(checkIns.id, target.id)));
    return {
      before: { value: target.value, confidence: target.confidence, comment: target.comment },
      after: { value: input.value, confidence: input.confidence, comment: input.comment },
    };
  });
  return { id: target.id };
}

export async function deleteCheckIn(scope: ViewerScope, input: z.output<typeof ZCheckInRefSchema>) {
  await changeCheckIn(scope, input.checkInId, "check_in.deleted", async (tx, target) => {
    await tx.delete(checkIns).where(and(eq(checkIns.organizationId, scope.org.id), eq(checkIns.id, target.id)));
    return { value: target.value, confidence: target.confidence, comment: target.comment };
  });
  return { deleted: true };
}

/**
 * One transaction for a correction or a removal: the caller's own check-in,
 * the key result's lock (taken before any change, as a new check-in takes it),
 * the change, the key result's latest value brought in step, and the activity
 * entry (on the key result) with what `change` says it replaced.
 */
function changeCheckIn(
  scope: ViewerScope,
  checkInId: string,
  action: "check_in.edited" | "check_in.deleted",
  change: (tx: Executor, target: OwnCheckIn) => Promise<Record<string, unknown>>,
) {
  return scope.db.transaction(async (tx) => {
    const target = await findOwnCheckIn(tx, scope, checkInId);
    await lockKeyResult(tx, scope.org.id, target.keyResultId);
    const details = await change(tx, target);
    await refreshLatest(tx, scope.org.id, target.keyResultId);
    await recordActivity(tx, {
      organizationId: scope.org.id,
      actorId: scope.user.id,
      entityType: "key_result",
      entityId: target.keyResultId,
      action,
      details: { checkInId: target.id, ...details },
    });
    return target;
  });
}
