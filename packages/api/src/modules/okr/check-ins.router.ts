import { and, checkIns, cycles, desc, type Executor, eq, keyResults, objectives, sql } from "@meridian/db";
import {
  canCheckInOnKeyResult,
  canSeeObjective,
  checkInValueError,
  ZCheckInCreateSchema,
  ZCheckInRefSchema,
  ZCheckInUpdateSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { invalidInput } from "../../lib/errors";
import { loadViewer } from "../../lib/viewer";
import { type OrgContext, orgProcedure, router } from "../../trpc";

export const checkInsRouter = router({
  /**
   * Records a value and confidence on a key result. Idempotent per author and
   * client-generated key: a repeat returns the first check-in and adds nothing.
   */
  create: orgProcedure("checkin.create")
    .input(ZCheckInCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const [target] = await ctx.db
        .select({
          keyResultId: keyResults.id,
          type: keyResults.type,
          ownerId: keyResults.ownerId,
          archivedAt: keyResults.archivedAt,
          objectiveId: objectives.id,
          objectiveOwnerId: objectives.ownerId,
          teamId: objectives.teamId,
          visibility: objectives.visibility,
          objectiveStatus: objectives.status,
          cycleStatus: cycles.status,
        })
        .from(keyResults)
        .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
        .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
        .where(and(eq(keyResults.id, input.keyResultId), eq(keyResults.organizationId, ctx.org.id)))
        .limit(1);
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      const visible =
        target &&
        canSeeObjective(viewer, {
          ownerId: target.objectiveOwnerId,
          teamId: target.teamId,
          visibility: target.visibility,
          status: target.objectiveStatus,
        });
      // Another organization's key result, or one the caller may not see, does not exist for them.
      if (!target || !visible) throw new TRPCError({ code: "NOT_FOUND", message: "No such key result." });

      const allowed = canCheckInOnKeyResult({
        role: ctx.org.role,
        userId: ctx.user.id,
        keyResultOwnerId: target.ownerId,
        leadsObjectiveTeam: target.teamId !== null && viewer.ledTeamIds.has(target.teamId),
      });
      if (!allowed) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "Only the key result's owner, a lead of its team or an admin can check in.",
        });
      }

      const existing = await findByIdempotencyKey(ctx.db, ctx.user.id, input.idempotencyKey);
      if (existing) return replay(existing, input.keyResultId);

      if (target.archivedAt || target.objectiveStatus !== "active" || target.cycleStatus !== "open") {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: "Check-ins are open only on active objectives of an open cycle.",
        });
      }
      const valueError = checkInValueError(target.type, input.value);
      if (valueError) throw invalidInput("value", valueError);

      return ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(checkIns)
          .values({
            organizationId: ctx.org.id,
            keyResultId: input.keyResultId,
            authorId: ctx.user.id,
            value: input.value,
            confidence: input.confidence,
            comment: input.comment,
            idempotencyKey: input.idempotencyKey,
          })
          .onConflictDoNothing({ target: [checkIns.authorId, checkIns.idempotencyKey] })
          .returning();
        // A concurrent twin of this request won the race: answer with its row.
        if (!created) {
          const twin = await findByIdempotencyKey(tx, ctx.user.id, input.idempotencyKey);
          if (!twin) throw new TRPCError({ code: "CONFLICT", message: "Check-in is being recorded; try again." });
          return replay(twin, input.keyResultId);
        }
        await tx
          .update(keyResults)
          .set({
            currentValue: input.value,
            currentConfidence: input.confidence,
            lastCheckInAt: created.createdAt,
            updatedAt: sql`now()`,
            version: sql`${keyResults.version} + 1`,
          })
          .where(and(eq(keyResults.id, input.keyResultId), eq(keyResults.organizationId, ctx.org.id)));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "key_result",
          entityId: input.keyResultId,
          action: "check_in.created",
          details: { checkInId: created.id, value: input.value, confidence: input.confidence },
        });
        return { checkIn: created, replayed: false };
      });
    }),

  /** Corrects a check-in: its author or an admin, while the cycle is open. The old values go to the activity log. */
  update: orgProcedure("checkin.create")
    .input(ZCheckInUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const target = await findOwnCheckIn(tx, ctx, input.checkInId);
        const valueError = checkInValueError(target.type, input.value);
        if (valueError) throw invalidInput("value", valueError);
        await tx
          .update(checkIns)
          .set({ value: input.value, confidence: input.confidence, comment: input.comment, editedAt: sql`now()` })
          .where(eq(checkIns.id, target.id));
        await refreshLatest(tx, target.keyResultId);
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "key_result",
          entityId: target.keyResultId,
          action: "check_in.edited",
          details: {
            checkInId: target.id,
            before: { value: target.value, confidence: target.confidence, comment: target.comment },
            after: { value: input.value, confidence: input.confidence, comment: input.comment },
          },
        });
        return { id: target.id };
      });
    }),

  delete: orgProcedure("checkin.create")
    .input(ZCheckInRefSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const target = await findOwnCheckIn(tx, ctx, input.checkInId);
        await tx.delete(checkIns).where(eq(checkIns.id, target.id));
        await refreshLatest(tx, target.keyResultId);
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "key_result",
          entityId: target.keyResultId,
          action: "check_in.deleted",
          details: {
            checkInId: target.id,
            value: target.value,
            confidence: target.confidence,
            comment: target.comment,
          },
        });
        return { deleted: true };
      });
    }),
});

/** A check-in the caller wrote (or, as admin, any) on an open cycle; NOT_FOUND across organizations. */
async function findOwnCheckIn(tx: Executor, ctx: OrgContext, checkInId: string) {
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
      objectiveOwnerId: objectives.ownerId,
      teamId: objectives.teamId,
      visibility: objectives.visibility,
      objectiveStatus: objectives.status,
    })
    .from(checkIns)
    .innerJoin(keyResults, eq(keyResults.id, checkIns.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(checkIns.id, checkInId), eq(checkIns.organizationId, ctx.org.id)))
    .limit(1);
  const viewer = await loadViewer(tx, ctx.org.id, ctx.user.id, ctx.org.role);
  const visible =
    target &&
    canSeeObjective(viewer, {
      ownerId: target.objectiveOwnerId,
      teamId: target.teamId,
      visibility: target.visibility,
      status: target.objectiveStatus,
    });
  // A check-in on something the caller may not see does not exist for them.
  if (!target || !visible) throw new TRPCError({ code: "NOT_FOUND", message: "No such check-in." });
  if (target.authorId !== ctx.user.id && ctx.org.role !== "admin") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only the author of a check-in or an admin changes it." });
  }
  if (target.cycleStatus !== "open") {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Check-ins of a closed cycle are kept as they are." });
  }
  return target;
}

/** Keeps the key result's latest value, confidence and time in step with its newest remaining check-in. */
async function refreshLatest(tx: Executor, keyResultId: string) {
  const [latest] = await tx
    .select({ value: checkIns.value, confidence: checkIns.confidence, createdAt: checkIns.createdAt })
    .from(checkIns)
    .where(eq(checkIns.keyResultId, keyResultId))
    .orderBy(desc(checkIns.createdAt))
    .limit(1);
  await tx
    .update(keyResults)
    .set({
      currentValue: latest?.value ?? null,
      currentConfidence: latest?.confidence ?? null,
      lastCheckInAt: latest?.createdAt ?? null,
      updatedAt: sql`now()`,
      version: sql`${keyResults.version} + 1`,
    })
    .where(eq(keyResults.id, keyResultId));
}

type CheckInRow = typeof checkIns.$inferSelect;

async function findByIdempotencyKey(db: Executor, authorId: string, key: string): Promise<CheckInRow | undefined> {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.authorId, authorId), eq(checkIns.idempotencyKey, key)))
    .limit(1);
  return row;
}

function replay(existing: CheckInRow, keyResultId: string) {
  if (existing.keyResultId !== keyResultId) {
    throw new TRPCError({ code: "CONFLICT", message: "This idempotency key was already used for another key result." });
  }
  return { checkIn: existing, replayed: true };
}
