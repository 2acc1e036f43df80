import { and, cycles, eq, inArray, keyResults, objectives, sql } from "@meridian/db";
import {
  carriedStartValue,
  pickCurrentCycle,
  ZCarryOverSchema,
  ZCycleCreateSchema,
  ZCycleRefSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import { loadViewer } from "../../lib/viewer";
import { orgProcedure, router } from "../../trpc";
import { loadCycles } from "./cycles.queries";
import { findCycle, findVisibleObjective, requireOpenForPlanning } from "./objective-rows";

export const cyclesRouter = router({
  list: orgProcedure("cycle.read").query(({ ctx }) => loadCycles(ctx.db, ctx.org.id)),
  current: orgProcedure("cycle.read").query(async ({ ctx }) => {
    return pickCurrentCycle(await loadCycles(ctx.db, ctx.org.id), new Date());
  }),

  /** A new cycle, in planning until an admin opens it. */
  create: orgProcedure("cycle.manage")
    .input(ZCycleCreateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(cycles)
          .values({ organizationId: ctx.org.id, ...input, status: "planning" })
          .returning({ id: cycles.id, name: cycles.name, version: cycles.version });
        if (!created) throw new Error("cycle was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "cycle",
          entityId: created.id,
          action: "cycle.created",
          details: input,
        });
        return created;
      });
    }),

  open: orgProcedure("cycle.manage")
    .input(ZCycleRefSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const cycle = await findCycle(tx, ctx.org.id, input.cycleId);
        if (cycle.version !== input.version) throw editConflict("cycle", cycle);
        if (cycle.status !== "planning") {
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: `This cycle is already ${cycle.status}.` });
        }
        await tx
          .update(cycles)
          .set({ status: "open", updatedAt: sql`now()`, version: sql`${cycles.version} + 1` })
          .where(eq(cycles.id, cycle.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "cycle",
          entityId: cycle.id,
          action: "cycle.opened",
        });
        return { status: "open" as const };
      });
    }),

  /** Closes a cycle: its active objectives are frozen as closed and their owners grade them. */
  close: orgProcedure("cycle.manage")
    .input(ZCycleRefSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const cycle = await findCycle(tx, ctx.org.id, input.cycleId);
        if (cycle.version !== input.version) throw editConflict("cycle", cycle);
        if (cycle.status !== "open") {
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Only an open cycle can be closed." });
        }
        const closed = await tx
          .update(objectives)
          .set({ status: "closed", updatedAt: sql`now()`, version: sql`${objectives.version} + 1` })
          .where(
            and(
              eq(objectives.organizationId, ctx.org.id),
              eq(objectives.cycleId, cycle.id),
              eq(objectives.status, "active"),
            ),
          )
          .returning({ id: objectives.id });
        await tx
          .update(cycles)
          .set({ status: "closed", updatedAt: sql`now()`, version: sql`${cycles.version} + 1` })
          .where(eq(cycles.id, cycle.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "cycle",
          entityId: cycle.id,
          action: "cycle.closed",
          details: { objectivesClosed: closed.length },
        });
        return { status: "closed" as const, objectivesClosed: closed.length };
      });
    }),

  /**
   * Carries an unfinished objective into another cycle with the chosen key
   * results: copies that link back to the originals, which keep their history.
   */
  carryOver: orgProcedure("cycle.manage")
    .input(ZCarryOverSchema)
    .mutation(async ({ ctx, input }) => {
      const viewer = await loadViewer(ctx.db, ctx.org.id, ctx.user.id, ctx.org.role);
      return ctx.db.transaction(async (tx) => {
        const source = await findVisibleObjective(tx, ctx.org.id, viewer, input.objectiveId);
        const target = await findCycle(tx, ctx.org.id, input.targetCycleId);
        requireOpenForPlanning(target);
        if (target.id === source.cycleId) {
          throw new TRPCError({ code: "BAD_REQUEST", message: "Carry over into a different cycle." });
        }
        const chosen = input.keyResultIds.length
          ? await tx
              .select()
              .from(keyResults)
              .where(
                and(
                  eq(keyResults.organizationId, ctx.org.id),
                  eq(keyResults.objectiveId, source.id),
                  inArray(keyResults.id, input.keyResultIds),
                ),
              )
          : [];
        if (chosen.length !== new Set(input.keyResultIds).size) {
          throw new TRPCError({ code: "BAD_REQUEST", message: "Choose key results of this objective." });
        }
        const [copy] = await tx
          .insert(objectives)
          .values({
            organizationId: ctx.org.id,
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
            chosen.map((kr) => ({
              organizationId: ctx.org.id,
              objectiveId: copy.id,
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
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "objective",
          entityId: copy.id,
          action: "objective.carried_over",
          details: { from: source.id, toCycle: target.id, keyResults: chosen.length },
        });
        return { objectiveId: copy.id };
      });
    }),
});
