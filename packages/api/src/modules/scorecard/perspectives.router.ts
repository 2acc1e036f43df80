import {
  and,
  asc,
  count,
  type Executor,
  eq,
  organizations,
  perspectives,
  sql,
  strategicObjectives,
} from "@meridian/db";
import {
  perspectiveOrderError,
  ZPerspectiveCreateSchema,
  ZPerspectiveRefSchema,
  ZPerspectiveReorderSchema,
  ZPerspectiveUpdateSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { editConflict, invalidInput } from "../../lib/errors";
import { orgProcedure, router } from "../../trpc";
import { ensureDefaultPerspectives } from "./default-perspectives";
import { findPerspective, perspectiveColumns } from "./strategy-rows";

/**
 * The organization's perspectives in order, with how many strategic objectives
 * each holds. Reading never creates rows: defaults are given when an organization is made.
 */
async function listPerspectives(db: Executor, organizationId: string) {
  return db
    .select({ ...perspectiveColumns, objectiveCount: count(strategicObjectives.id) })
    .from(perspectives)
    .leftJoin(strategicObjectives, eq(strategicObjectives.perspectiveId, perspectives.id))
    .where(eq(perspectives.organizationId, organizationId))
    .groupBy(perspectives.id)
    .orderBy(asc(perspectives.position), asc(perspectives.name));
}

export const perspectivesRouter = router({
  list: orgProcedure("scorecard.read").query(({ ctx }) => listPerspectives(ctx.db, ctx.org.id)),

  /**
   * The four default perspectives, for an organization that has none; one that
   * shaped its own is left alone. Repeating it adds nothing.
   */
  addDefaults: orgProcedure("strategy.manage").mutation(async ({ ctx }) => {
    return ctx.db.transaction(async (tx) => {
      // Two admins pressing the button at once must not get eight bands.
      await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, ctx.org.id))
        .for("update");
      const added = await ensureDefaultPerspectives(tx, ctx.org.id);
      if (added > 0) {
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "organization",
          entityId: ctx.org.id,
          action: "perspectives.defaults_added",
          details: { added },
        });
      }
      return { added };
    });
  }),

  /** A new perspective, appended as the bottom band. */
  create: orgProcedure("strategy.manage")
    .input(ZPerspectiveCreateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const [last] = await tx
          .select({ position: sql<number>`coalesce(max(${perspectives.position}), -1)` })
          .from(perspectives)
          .where(eq(perspectives.organizationId, ctx.org.id));
        const [created] = await tx
          .insert(perspectives)
          .values({
            organizationId: ctx.org.id,
            name: input.name,
            weight: input.weight,
            position: Number(last?.position ?? -1) + 1,
          })
          .returning(perspectiveColumns);
        if (!created) throw new Error("perspective was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "perspective",
          entityId: created.id,
          action: "perspective.created",
          details: input,
        });
        return created;
      });
    }),

  /** Renames or reweights a perspective; a stale version is a conflict carrying the current values. */
  update: orgProcedure("strategy.manage")
    .input(ZPerspectiveUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const current = await findPerspective(tx, ctx.org.id, input.perspectiveId);
        if (current.version !== input.version) throw editConflict("perspective", current);
        const { perspectiveId, version, ...changes } = input;
        const [updated] = await tx
          .update(perspectives)
          .set({ ...changes, updatedAt: sql`now()`, version: sql`${perspectives.version} + 1` })
          .where(
            and(
              eq(perspectives.id, perspectiveId),
              eq(perspectives.organizationId, ctx.org.id),
              eq(perspectives.version, version),
            ),
          )
          .returning(perspectiveColumns);
        if (!updated) throw editConflict("perspective", await findPerspective(tx, ctx.org.id, perspectiveId));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "perspective",
          entityId: perspectiveId,
          action: "perspective.updated",
          details: { changes },
        });
        return updated;
      });
    }),

  /**
   * Puts the perspectives in the given order (top band first). The list must
   * name each of the organization's perspectives once; the same order again changes nothing.
   */
  reorder: orgProcedure("strategy.manage")
    .input(ZPerspectiveReorderSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const existing = await tx
          .select({ id: perspectives.id, position: perspectives.position })
          .from(perspectives)
          .where(eq(perspectives.organizationId, ctx.org.id))
          .for("update");
        const error = perspectiveOrderError(
          input.perspectiveIds,
          existing.map((p) => p.id),
        );
        if (error) throw invalidInput("perspectiveIds", error);
        const positionOf = new Map(existing.map((p) => [p.id, p.position]));
        const moved = input.perspectiveIds
          .map((id, position) => ({ id, position }))
          .filter((p) => positionOf.get(p.id) !== p.position);
        for (const p of moved) {
          await tx
            .update(perspectives)
            .set({ position: p.position, updatedAt: sql`now()`, version: sql`${perspectives.version} + 1` })
            .where(and(eq(perspectives.id, p.id), eq(perspectives.organizationId, ctx.org.id)));
        }
        if (moved.length) {
          await recordActivity(tx, {
            organizationId: ctx.org.id,
            actorId: ctx.user.id,
            // The order belongs to the organization as a whole, not to one perspective.
            entityType: "organization",
            entityId: ctx.org.id,
            action: "perspective.reordered",
            details: { order: input.perspectiveIds },
          });
        }
        return listPerspectives(tx, ctx.org.id);
      });
    }),

  /** Removes an empty perspective; one still holding strategic objectives is refused, never emptied silently. */
  remove: orgProcedure("strategy.manage")
    .input(ZPerspectiveRefSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const current = await findPerspective(tx, ctx.org.id, input.perspectiveId);
        if (current.version !== input.version) throw editConflict("perspective", current);
        const [held] = await tx
          .select({ n: count() })
          .from(strategicObjectives)
          .where(
            and(eq(strategicObjectives.organizationId, ctx.org.id), eq(strategicObjectives.perspectiveId, current.id)),
          );
        const n = held?.n ?? 0;
        if (n > 0) {
          throw new TRPCError({
            code: "PRECONDITION_FAILED",
            message: `"${current.name}" still holds ${n} strategic objective${n === 1 ? "" : "s"}. Move them to another perspective or remove them first.`,
          });
        }
        const removed = await tx
          .delete(perspectives)
          .where(
            and(
              eq(perspectives.id, current.id),
              eq(perspectives.organizationId, ctx.org.id),
              eq(perspectives.version, input.version),
            ),
          )
          .returning({ id: perspectives.id });
        if (!removed.length) throw editConflict("perspective", await findPerspective(tx, ctx.org.id, current.id));
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "perspective",
          entityId: current.id,
          action: "perspective.removed",
          details: { name: current.name },
        });
        return { id: current.id };
      });
    }),
});
