import {
  and,
  asc,
  cycles,
  desc,
  eq,
  inArray,
  isNull,
  lt,
  reviewComments,
  reviews,
  sql,
  teams,
  users,
} from "@meridian/db";
import {
  canEditReview,
  canUpdateAction,
  compareSnapshots,
  type ReviewSnapshot,
  readableReviewStatuses,
  ZReviewCommentSchema,
  ZReviewFinalizeSchema,
  ZReviewOpenSchema,
  ZReviewRefSchema,
} from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import { recordActivity } from "../../lib/activity";
import { editConflict } from "../../lib/errors";
import { orgProcedure, router } from "../../trpc";
import { toCycleView } from "../okr/cycles.queries";
import { findCycle, requireActiveTeam } from "../okr/objective-rows";
import { findReview, loadLiveActions, requireOpenReview, requireSubject } from "./review-rows";
import { takeReviewSnapshot } from "./take-snapshot";

export const reviewsRouter = router({
  /** The organization's reviews, newest cycle first; viewers see finalized ones only. */
  list: orgProcedure("review.read").query(async ({ ctx }) => {
    const rows = await ctx.db
      .select({
        id: reviews.id,
        title: reviews.title,
        status: reviews.status,
        cycleId: reviews.cycleId,
        cycleName: cycles.name,
        cycleStartsOn: cycles.startsOn,
        teamId: reviews.teamId,
        teamName: teams.name,
        openedAt: reviews.openedAt,
        openedById: reviews.openedById,
        finalizedAt: reviews.finalizedAt,
        finalizedById: reviews.finalizedById,
        version: reviews.version,
      })
      .from(reviews)
      .innerJoin(cycles, eq(cycles.id, reviews.cycleId))
      .leftJoin(teams, eq(teams.id, reviews.teamId))
      .where(
        and(eq(reviews.organizationId, ctx.org.id), inArray(reviews.status, [...readableReviewStatuses(ctx.org.role)])),
      )
      .orderBy(desc(cycles.startsOn), sql`${teams.name} nulls first`, asc(reviews.id));
    const names = await userNames(
      ctx.db,
      rows.flatMap((r) => [r.openedById, r.finalizedById]),
    );
    return rows.map(({ openedById, finalizedById, teamId, teamName, ...r }) => ({
      ...r,
      team: teamId ? { id: teamId, name: teamName ?? "" } : null,
      openedBy: person(names, openedById),
      finalizedBy: finalizedById ? person(names, finalizedById) : null,
    }));
  }),

  /** One review: its snapshot, commentary and corrective actions, and whether the caller may still edit it. */
  get: orgProcedure("review.read")
    .input(ZReviewRefSchema)
    .query(async ({ ctx, input }) => {
      const review = await findReview(ctx.db, ctx.org.id, input.reviewId, ctx.org.role);
      const [comments, actions, team] = await Promise.all([
        ctx.db
          .select({
            id: reviewComments.id,
            subjectType: reviewComments.subjectType,
            subjectId: reviewComments.subjectId,
            body: reviewComments.body,
            authorId: reviewComments.authorId,
            authorName: users.name,
            updatedAt: reviewComments.updatedAt,
            version: reviewComments.version,
          })
          .from(reviewComments)
          .innerJoin(users, eq(users.id, reviewComments.authorId))
          .where(and(eq(reviewComments.organizationId, ctx.org.id), eq(reviewComments.reviewId, review.id)))
          .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id)),
        review.status === "finalized" ? Promise.resolve(review.finalActions ?? []) : loadLiveActions(ctx.db, review),
        review.teamId
          ? ctx.db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, review.teamId))
          : Promise.resolve([]),
      ]);
      const names = await userNames(ctx.db, [review.openedById, review.finalizedById]);
      const canEdit = canEditReview(ctx.org.role, review.status);
      return {
        id: review.id,
        title: review.title,
        status: review.status,
        cycle: { id: review.cycleId, name: review.cycleName, startsOn: review.cycleStartsOn },
        team: team[0] ?? null,
        snapshot: review.snapshot,
        openedAt: review.openedAt,
        openedBy: person(names, review.openedById),
        finalizedAt: review.finalizedAt,
        finalizedBy: review.finalizedById ? person(names, review.finalizedById) : null,
        version: review.version,
        comments: comments.map(({ authorId, authorName, ...c }) => ({
          ...c,
          author: { id: authorId, name: authorName },
        })),
        actions: actions.map((a) => ({
          ...a,
          // Frozen copies are read-only; a live action is updated by managers and admins, or by its owner.
          canUpdate: review.status === "open" && canUpdateAction(ctx.org.role, ctx.user.id, a.owner.id),
        })),
        canEdit,
      };
    }),

  /** Opens the review of a cycle, for the organization or one team, with a snapshot taken now. */
  open: orgProcedure("review.manage")
    .input(ZReviewOpenSchema)
    .mutation(async ({ ctx, input }) => {
      const teamId = input.teamId ?? null;
      const cycle = await findCycle(ctx.db, ctx.org.id, input.cycleId);
      let scopeName = ctx.org.name;
      if (teamId) {
        await requireActiveTeam(ctx.db, ctx.org.id, teamId);
        const [team] = await ctx.db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
        scopeName = team?.name ?? scopeName;
      }
      const existing = await findExisting(ctx.db, ctx.org.id, cycle.id, teamId);
      if (existing) throw duplicateReview(existing.title);

      const now = new Date();
      const snapshot = await takeReviewSnapshot(ctx.db, ctx.org.id, toCycleView(cycle), teamId, now);
      const title = `${cycle.name} review — ${scopeName}`;
      return ctx.db.transaction(async (tx) => {
        // Re-checked inside the transaction; the unique index settles a race between two openers.
        if (await findExisting(tx, ctx.org.id, cycle.id, teamId)) throw duplicateReview(title);
        const [created] = await tx
          .insert(reviews)
          .values({
            organizationId: ctx.org.id,
            cycleId: cycle.id,
            teamId,
            title,
            snapshot: snapshot as unknown as Record<string, unknown>,
            openedById: ctx.user.id,
            openedAt: now,
          })
          .returning({ id: reviews.id, title: reviews.title, version: reviews.version });
        if (!created) throw new Error("review was not created");
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "review",
          entityId: created.id,
          action: "review.opened",
          details: { cycleId: cycle.id, teamId, title },
        });
        return created;
      });
    }),

  /**
   * The commentary on one perspective, strategic objective or KPI of the
   * snapshot, replaced in place; an empty body removes it. Repeating the same text changes nothing.
   */
  comment: orgProcedure("review.manage")
    .input(ZReviewCommentSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const review = await findReview(tx, ctx.org.id, input.reviewId, ctx.org.role, { forUpdate: true });
        requireOpenReview(review);
        requireSubject(review.snapshot, input.subjectType, input.subjectId);
        const [current] = await tx
          .select()
          .from(reviewComments)
          .where(
            and(
              eq(reviewComments.organizationId, ctx.org.id),
              eq(reviewComments.reviewId, review.id),
              eq(reviewComments.subjectType, input.subjectType),
              eq(reviewComments.subjectId, input.subjectId),
            ),
          )
          .limit(1);
        if (current && input.version !== undefined && current.version !== input.version) {
          if (current.body === input.body) return commentOut(current);
          throw editConflict("commentary", { body: current.body, version: current.version });
        }
        const activity = (action: string, commentId: string) =>
          recordActivity(tx, {
            organizationId: ctx.org.id,
            actorId: ctx.user.id,
            entityType: "review",
            entityId: review.id,
            action,
            details: { commentId, subjectType: input.subjectType, subjectId: input.subjectId },
          });

        if (!input.body) {
          if (!current) return null;
          await tx.delete(reviewComments).where(eq(reviewComments.id, current.id));
          await activity("review.comment_deleted", current.id);
          return null;
        }
        if (current) {
          if (current.body === input.body) return commentOut(current);
          const [updated] = await tx
            .update(reviewComments)
            .set({
              body: input.body,
              authorId: ctx.user.id,
              updatedAt: sql`now()`,
              version: sql`${reviewComments.version} + 1`,
            })
            .where(eq(reviewComments.id, current.id))
            .returning();
          if (!updated) throw new Error("commentary was not updated");
          await activity("review.comment_updated", updated.id);
          return commentOut(updated);
        }
        const [created] = await tx
          .insert(reviewComments)
          .values({
            organizationId: ctx.org.id,
            reviewId: review.id,
            subjectType: input.subjectType,
            subjectId: input.subjectId,
            body: input.body,
            authorId: ctx.user.id,
          })
          .returning();
        if (!created) throw new Error("commentary was not created");
        await activity("review.comment_created", created.id);
        return commentOut(created);
      });
    }),

  /** Finalizes the review: read-only from now on, its corrective actions frozen as they stand. */
  finalize: orgProcedure("review.manage")
    .input(ZReviewFinalizeSchema)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction(async (tx) => {
        const review = await findReview(tx, ctx.org.id, input.reviewId, ctx.org.role, { forUpdate: true });
        requireOpenReview(review);
        if (review.version !== input.version) throw editConflict("review", { version: review.version });
        const actions = await loadLiveActions(tx, review);
        const [updated] = await tx
          .update(reviews)
          .set({
            status: "finalized",
            finalizedAt: sql`now()`,
            finalizedById: ctx.user.id,
            finalActions: actions.map((a) => ({ ...a })) as unknown as Record<string, unknown>[],
            updatedAt: sql`now()`,
            version: sql`${reviews.version} + 1`,
          })
          .where(eq(reviews.id, review.id))
          .returning({ id: reviews.id, status: reviews.status, version: reviews.version });
        await recordActivity(tx, {
          organizationId: ctx.org.id,
          actorId: ctx.user.id,
          entityType: "review",
          entityId: review.id,
          action: "review.finalized",
          details: { actions: actions.length },
        });
        return updated;
      });
    }),

  /** Deltas against the previous review of the same scope (the latest earlier cycle); null previous when none. */
  compare: orgProcedure("review.read")
    .input(ZReviewRefSchema)
    .query(async ({ ctx, input }) => {
      const review = await findReview(ctx.db, ctx.org.id, input.reviewId, ctx.org.role);
      const [previous] = await ctx.db
        .select({ id: reviews.id, title: reviews.title, cycleName: cycles.name, snapshot: reviews.snapshot })
        .from(reviews)
        .innerJoin(cycles, eq(cycles.id, reviews.cycleId))
        .where(
          and(
            eq(reviews.organizationId, ctx.org.id),
            review.teamId === null ? isNull(reviews.teamId) : eq(reviews.teamId, review.teamId),
            lt(cycles.startsOn, review.cycleStartsOn),
            inArray(reviews.status, [...readableReviewStatuses(ctx.org.role)]),
          ),
        )
        .orderBy(desc(cycles.startsOn))
        .limit(1);
      if (!previous) return { previous: null, deltas: [], newRed: [], resolvedRed: [] };
      const comparison = compareSnapshots(review.snapshot, previous.snapshot as unknown as ReviewSnapshot);
      return {
        previous: { id: previous.id, title: previous.title, cycleName: previous.cycleName },
        ...comparison,
      };
    }),
});

async function findExisting(
  db: Parameters<typeof findCycle>[0],
  organizationId: string,
  cycleId: string,
  teamId: string | null,
) {
  const [row] = await db
    .select({ id: reviews.id, title: reviews.title })
    .from(reviews)
    .where(
      and(
        eq(reviews.organizationId, organizationId),
        eq(reviews.cycleId, cycleId),
        teamId === null ? isNull(reviews.teamId) : eq(reviews.teamId, teamId),
      ),
    )
    .limit(1);
  return row ?? null;
}

function duplicateReview(title: string): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: `“${title}” already exists: there is one review per cycle and scope. Open it from the reviews list.`,
  });
}

function commentOut(c: typeof reviewComments.$inferSelect) {
  return {
    id: c.id,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    body: c.body,
    updatedAt: c.updatedAt,
    version: c.version,
  };
}

async function userNames(db: Parameters<typeof findCycle>[0], ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function person(names: Map<string, string>, id: string) {
  return { id, name: names.get(id) ?? "" };
}
