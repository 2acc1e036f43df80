import { and, asc, correctiveActions, eq, inArray, reviews, sql } from "@meridian/db";
import {
  canReadReview,
  canUpdateAction,
  readableReviewStatuses,
  ZCorrectiveActionCreateSchema,
  ZCorrectiveActionUpdateSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { requireActiveOwner } from "../../lib/active-owner";
import { recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import { orgProcedure, router } from "../../trpc";
import { actionView, findReview, requireOpenReview, requireSubject, selectActions, snapshotsOf } from "./review-rows";

export const correctiveActionsRouter = router({
  /**
   * A corrective action agreed in an open review, about one of its subjects.
   * Repeating the same request returns the action it already made.
   */
  create: orgProcedure("review.manage")
    .input(ZCorrectiveActionCreateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const review = await findReview(tx, ctx.org.id, input.reviewId, ctx.org.role, { forUpdate: true });
        requireOpenReview(review);
        requireSubject(review.snapshot, input.subjectType, input.subjectId);
        await requireActiveOwner(tx, ctx.org.id, input.ownerId);
        const [same] = await tx
          .select({ id: correctiveActions.id, version: correctiveActions.version })
          .from(correctiveActions)
          .where(
            and(
              eq(correctiveActions.organizationId, ctx.org.id),
              eq(correctiveActions.reviewId, review.id),
              eq(correctiveActions.subjectType, input.subjectType),
              eq(correctiveActions.subjectId, input.subjectId),
              eq(correctiveActions.title, input.title),
              eq(correctiveActions.ownerId, input.ownerId),
              eq(correctiveActions.dueOn, input.dueOn),
            ),
          )
          .limit(1);
        if (same) return same;
        const [created] = await tx
          .insert(correctiveActions)
          .values({ organizationId: ctx.org.id, ...input })
          .returning({ id: correctiveActions.id, version: correctiveActions.version });
        if (!created) throw new Error("corrective action was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "corrective_action",
          entityId: created.id,
          action: "corrective_action.created",
          details: { ...input },
        });
        return created;
      });
    }),

  /**
   * Updates a live action — its status can move on in a later quarter, even after
   * the review that agreed it was finalized (that review keeps its frozen copy).
   * Managers and admins update any action; members only their own.
   */
  update: orgProcedure("action.update")
    .input(ZCorrectiveActionUpdateSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const [action] = await tx
          .select({ action: correctiveActions, reviewStatus: reviews.status })
          .from(correctiveActions)
          .innerJoin(reviews, eq(reviews.id, correctiveActions.reviewId))
          .where(and(eq(correctiveActions.id, input.actionId), eq(correctiveActions.organizationId, ctx.org.id)))
          .limit(1)
          .for("update", { of: correctiveActions });
        if (!action || !canReadReview(ctx.org.role, action.reviewStatus)) {
          throw new TRPCError({ code: "NOT_FOUND", message: "No such corrective action." });
        }
        const current = action.action;
        if (!canUpdateAction(ctx.org.role, ctx.user.id, current.ownerId)) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: "Only the owner of this action, a manager or an admin may update it.",
          });
        }
        const changes = {
          ...(input.status !== undefined && input.status !== current.status && { status: input.status }),
          ...(input.title !== undefined && input.title !== current.title && { title: input.title }),
          ...(input.ownerId !== undefined && input.ownerId !== current.ownerId && { ownerId: input.ownerId }),
          ...(input.dueOn !== undefined && input.dueOn !== current.dueOn && { dueOn: input.dueOn }),
        };
        // Repeating an update that already took effect changes nothing, whatever version it names.
        if (Object.keys(changes).length === 0) return { id: current.id, version: current.version };
        if (current.version !== input.version) {
          throw editConflict("corrective action", {
            status: current.status,
            title: current.title,
            ownerId: current.ownerId,
            dueOn: current.dueOn,
            version: current.version,
          });
        }
        if (changes.ownerId) await requireActiveOwner(tx, ctx.org.id, changes.ownerId);
        const [updated] = await tx
          .update(correctiveActions)
          .set({ ...changes, updatedAt: sql`now()`, version: sql`${correctiveActions.version} + 1` })
          .where(eq(correctiveActions.id, current.id))
          .returning({ id: correctiveActions.id, version: correctiveActions.version });
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "corrective_action",
          entityId: current.id,
          action: "corrective_action.updated",
          details: { reviewId: current.reviewId, changes },
        });
        return updated;
      });
    }),

  /** Open and in-progress actions of the organization, soonest due first, with the review that agreed them. */
  listOpen: orgProcedure("review.read").query(async ({ ctx }) => {
    const rows = await selectActions(ctx.db)
      .where(
        and(
          eq(correctiveActions.organizationId, ctx.org.id),
          inArray(correctiveActions.status, ["open", "in_progress"]),
          // Viewers read finalized reviews only, and so only their actions.
          inArray(reviews.status, [...readableReviewStatuses(ctx.org.role)]),
        ),
      )
      .orderBy(asc(correctiveActions.dueOn), asc(correctiveActions.createdAt), asc(correctiveActions.id));
    const snapshots = await snapshotsOf(
      ctx.db,
      ctx.org.id,
      rows.map((r) => r.reviewId),
    );
    return rows.map((r) => ({
      ...actionView(r, false, snapshots),
      canUpdate: canUpdateAction(ctx.org.role, ctx.user.id, r.ownerId),
    }));
  }),
});
