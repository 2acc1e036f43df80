import { and, type Executor, eq, keyResults, sql } from "@meridian/db";
import {
  canWriteObjective,
  keyResultDefinitionError,
  type Viewer,
  ZGradeSchema,
  ZKeyResultCreateSchema,
  ZKeyResultRefSchema,
  ZKeyResultUpdateSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { editConflict, invalidInput } from "../../lib/errors";
import { loadViewer } from "../../lib/viewer";
import { orgProcedure, router } from "../../trpc";
import {
  findCycle,
  findVisibleObjective,
  type ObjectiveRow,
  requireActivePerson,
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
  version: keyResults.version,
};

/** The key result and its objective, if the caller may see them; NOT_FOUND otherwise. */
async function findKeyResult(tx: Executor, organizationId: string, viewer: Viewer, keyResultId: string) {
  const [kr] = await tx
    .select(keyResultColumns)
    .from(keyResults)
    .where(and(eq(keyResults.id, keyResultId), eq(keyResults.organizationId, organizationId)))
    .limit(1);
  if (!kr) throw new TRPCError({ code: "NOT_FOUND", message: "No such key result." });
  const objective = await findVisibleObjective(tx, organizationId, viewer, kr.objectiveId).catch(() => {
    throw new TRPCError({ code: "NOT_FOUND", message: "No such key result." });
  });
  return { kr, objective };
}

function requireWrite(viewer: Viewer, objective: ObjectiveRow) {
  if (!canWriteObjective(viewer, objective)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "Only those who may edit the objective change its key results.",
    });
  }
}

async function requireEditable(
  tx: Executor,
  organizationId: string,
  objective: ObjectiveRow,
  kr?: { archivedAt: Date | null },
) {
  if (kr?.archivedAt) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This key result is archived." });
  }
  if (objective.status === "closed" || objective.status === "archived") {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "A closed or archived objective cannot change." });
  }
  requireOpenForPlanning(await findCycle(tx, organizationId, objective.cycleId));
}

export const keyResultsRouter = router({
  create: orgProcedure("objective.write")
    .input(ZKeyResultCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      return ctx.db.transaction(async (tx) => {
        const objective = await findVisibleObjective(tx, ctx.org.id, viewer, input.objectiveId);
        requireWrite(viewer, objective);
        await requireEditable(tx, ctx.org.id, objective);
        const ownerId = input.ownerId ?? objective.ownerId;
        await requireActivePerson(tx, ctx.org.id, ownerId);
        const { objectiveId, ...fields } = input;
        const [created] = await tx
          .insert(keyResults)
          .values({ ...fields, ownerId, objectiveId, organizationId: ctx.org.id })
          .returning(keyResultColumns);
        if (!created) throw new Error("key result was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "key_result",
          entityId: created.id,
          action: "key_result.created",
          details: { title: created.title, objectiveId },
        });
        return created;
      });
    }),

  update: orgProcedure("objective.write")
    .input(ZKeyResultUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      return ctx.db.transaction(async (tx) => {
        const { kr, objective } = await findKeyResult(tx, ctx.org.id, viewer, input.keyResultId);
        requireWrite(viewer, objective);
        if (kr.version !== input.version) throw editConflict("key result", kr);
        await requireEditable(tx, ctx.org.id, objective, kr);
        const { keyResultId, version, ...changes } = input;
        const merged = {
          type: changes.type ?? kr.type,
          startValue: changes.startValue ?? kr.startValue,
          targetValue: changes.targetValue ?? kr.targetValue,
        };
        const definitionError = keyResultDefinitionError(merged);
        if (definitionError) throw invalidInput("targetValue", definitionError);
        if (changes.ownerId) await requireActivePerson(tx, ctx.org.id, changes.ownerId);
        const [updated] = await tx
          .update(keyResults)
          .set({ ...changes, updatedAt: sql`now()`, version: sql`${keyResults.version} + 1` })
          .where(and(eq(keyResults.id, keyResultId), eq(keyResults.version, version)))
          .returning(keyResultColumns);
        if (!updated) throw editConflict("key result", (await findKeyResult(tx, ctx.org.id, viewer, keyResultId)).kr);
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "key_result",
          entityId: keyResultId,
          action: "key_result.updated",
          details: { changes },
        });
        return updated;
      });
    }),

  archive: orgProcedure("objective.write")
    .input(ZKeyResultRefSchema)
    .mutation(async ({ ctx, input }) => {
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      return ctx.db.transaction(async (tx) => {
        const { kr, objective } = await findKeyResult(tx, ctx.org.id, viewer, input.keyResultId);
        requireWrite(viewer, objective);
        if (kr.version !== input.version) throw editConflict("key result", kr);
        await requireEditable(tx, ctx.org.id, objective, kr);
        await tx
          .update(keyResults)
          .set({ archivedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${keyResults.version} + 1` })
          .where(eq(keyResults.id, kr.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "key_result",
          entityId: kr.id,
          action: "key_result.archived",
        });
        return { archived: true };
      });
    }),

  /** At close: the owner keeps the suggested grade or overrides it with a reason. */
  grade: orgProcedure("objective.write")
    .input(ZGradeSchema)
    .mutation(async ({ ctx, input }) => {
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      return ctx.db.transaction(async (tx) => {
        const { kr, objective } = await findKeyResult(tx, ctx.org.id, viewer, input.keyResultId);
        if (kr.ownerId !== ctx.user.id && !canWriteObjective(viewer, objective)) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: "Only the owner or an editor of the objective grades it.",
          });
        }
        const cycle = await findCycle(tx, ctx.org.id, objective.cycleId);
        if (cycle.status !== "closed") {
          throw new TRPCError({
            code: "PRECONDITION_FAILED",
            message: "Key results are graded once their cycle closes.",
          });
        }
        const reason = input.grade === null ? "" : (input.reason ?? "");
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
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "key_result",
          entityId: kr.id,
          action: input.grade === null ? "key_result.grade_cleared" : "key_result.graded",
          details: { grade: input.grade, reason },
        });
        return { gradeOverride: input.grade, gradeReason: reason };
      });
    }),
});
