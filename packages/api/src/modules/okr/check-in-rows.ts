import { and, checkIns, cycles, desc, type Executor, eq, keyResults, objectives, sql } from "@meridian/db";
import { canSeeObjective, type ObjectiveAccessFacts, type Viewer } from "@meridian/domain";
import { conflict, forbidden, notFound, preconditionFailed } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { refreshRollups } from "./objective-rollup";

/** The objective facts the visibility rules need, selected beside a key result or check-in. */
const objectiveVisibility = {
  objectiveOwnerId: objectives.ownerId,
  teamId: objectives.teamId,
  visibility: objectives.visibility,
  objectiveStatus: objectives.status,
};

function seesObjective(
  viewer: Viewer,
  row: Pick<ObjectiveAccessFacts, "teamId" | "visibility"> & {
    objectiveOwnerId: string;
    objectiveStatus: ObjectiveAccessFacts["status"];
  },
): boolean {
  return canSeeObjective(viewer, {
    ownerId: row.objectiveOwnerId,
    teamId: row.teamId,
    visibility: row.visibility,
    status: row.objectiveStatus,
  });
}

/**
 * The key result a check-in is for, with its objective and cycle, if the
 * viewer may see it. Another organization's key result, or one the caller may
 * not see, does not exist for them.
 */
export async function findCheckInTarget(scope: ViewerScope, keyResultId: string) {
  const [target] = await scope.db
    .select({
      keyResultId: keyResults.id,
      type: keyResults.type,
      ownerId: keyResults.ownerId,
      archivedAt: keyResults.archivedAt,
      objectiveId: objectives.id,
      ...objectiveVisibility,
      cycleStatus: cycles.status,
    })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(keyResults.id, keyResultId), eq(keyResults.organizationId, scope.org.id)))
    .limit(1);
  if (!target || !seesObjective(scope.viewer, target)) throw notFound("No such key result.");
  return target;
}

export type OwnCheckIn = Awaited<ReturnType<typeof findOwnCheckIn>>;

/** A check-in the caller wrote (or, as admin, any) on an open cycle; NOT_FOUND across organizations. */
export async function findOwnCheckIn(tx: Executor, scope: ViewerScope, checkInId: string) {
  const [target] = await tx
    .select({
      id: checkIns.id,
      keyResultId: checkIns.keyResultId,
      authorId: checkIns.authorId,
      value: checkIns.value,
      confidence: checkIns.confidence,
      comment: checkIns.comment,
      type: keyResults.type,
      cycleStatus: cycles.status,
      ...objectiveVisibility,
    })
    .from(checkIns)
    .innerJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(checkIns.id, checkInId), eq(checkIns.organizationId, scope.org.id)))
    .limit(1);
  // A check-in on something the caller may not see does not exist for them.
  if (!target || !seesObjective(scope.viewer, target)) throw notFound("No such check-in.");
  if (target.authorId !== scope.user.id && scope.org.role !== "admin") {
    throw forbidden("Only the author of a check-in or an admin changes it.");
  }
  if (target.cycleStatus !== "open") throw preconditionFailed("Check-ins of a closed cycle are kept as they are.");
  return target;
}

/**
 * Locks the key result's row for the rest of the transaction. Every change to
 * its check-ins takes this lock first, so they are numbered (`seq`) and the
 * key result's current value is set one writer at a time, in the same order.
 * The lock is the one an update of the row takes (FOR NO KEY UPDATE), so rows
 * that only reference the key result (a comment on it) are not held up.
 */
export async function lockKeyResult(tx: Executor, organizationId: string, keyResultId: string) {
  await tx
    .select({ id: keyResults.id })
    .from(keyResults)
    .where(and(eq(keyResults.organizationId, organizationId), eq(keyResults.id, keyResultId)))
    .for("no key update");
}

/**
 * The `seq` of the next check-in on a key result, as an expression for its
 * insert. Under `lockKeyResult` it sees every earlier check-in: the insert is a
 * later statement than the lock, so its snapshot includes what the previous
 * holder of the lock committed.
 */
export function nextCheckInSeq(organizationId: string, keyResultId: string) {
  return sql<number>`(select coalesce(max(${checkIns.seq}), 0) + 1 from ${checkIns}
    where ${checkIns.organizationId} = ${organizationId} and ${checkIns.keyResultId} = ${keyResultId})`;
}

/**
 * Keeps the key result's latest value, confidence and time in step with its
 * newest remaining check-in (the highest `seq`), and its objective's rollup
 * with them. Call it under `lockKeyResult`.
 */
export async function refreshLatest(tx: Executor, organizationId: string, keyResultId: string) {
  const [latest] = await tx
    .select({ value: checkIns.value, confidence: checkIns.confidence, createdAt: checkIns.createdAt })
    .from(checkIns)
    .where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.keyResultId, keyResultId)))
    .orderBy(desc(checkIns.seq))
    .limit(1);
  const updated = await tx
    .update(keyResults)
    .set({
      currentValue: latest?.value ?? null,
      currentConfidence: latest?.confidence ?? null,
      lastCheckInAt: latest?.createdAt ?? null,
      updatedAt: sql`now()`,
      version: sql`${keyResults.version} + 1`,
    })
    .where(and(eq(keyResults.id, keyResultId), eq(keyResults.organizationId, organizationId)))
    .returning({ objectiveId: keyResults.objectiveId });
  await refreshRollups(
    tx,
    organizationId,
    updated.map((kr) => kr.objectiveId),
  );
}

export type CheckInRow = typeof checkIns.$inferSelect;

export async function findByIdempotencyKey(
  db: Executor,
  organizationId: string,
  authorId: string,
  key: string,
): Promise<CheckInRow | undefined> {
  // The whole unique key (organization, author, key), so the lookup is one probe of its index.
  const [row] = await db
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.organizationId, organizationId),
        eq(checkIns.authorId, authorId),
        eq(checkIns.idempotencyKey, key),
      ),
    )
    .limit(1);
  return row;
}

/** The answer to a repeated request: the check-in the key first recorded. */
export function replay(existing: CheckInRow, keyResultId: string) {
  if (existing.keyResultId !== keyResultId) {
    throw conflict("This idempotency key was already used for another key result.");
  }
  return { checkIn: existing, replayed: true };
}
