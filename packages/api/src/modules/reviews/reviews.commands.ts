import { and, type Executor, eq, isNull, reviewComments, reviews, sql, teams } from "@meridian/db";
import type { ZReviewCommentSchema, ZReviewFinalizeSchema, ZReviewOpenSchema } from "@meridian/domain";
import type { z } from "zod";
import { activityBy, recordActivity } from "../../lib/activity";
import { conflict, editConflict } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { notifyReview, notifyReviewMentions } from "../notifications/review-events";
import { toCycleView } from "../okr/cycles.queries";
import { findCycle, requireActiveTeam } from "../okr/objective-rows";
import { emitReviewFinalized } from "../webhooks/producers";
import { commentColumns, loadLiveActions, lockOpenReview } from "./review-rows";
import { takeReviewSnapshot } from "./take-snapshot";

/** An organization-wide review is named after the organization. */
type NamedOrgScope = OrgScope & { org: { name: string } };

/** Opens the review of a cycle, for the organization or one team, with a snapshot taken now. */
export async function openReview(scope: NamedOrgScope, input: z.output<typeof ZReviewOpenSchema>) {
  const { db, org } = scope;
  const teamId = input.teamId ?? null;
  const cycle = await findCycle(db, org.id, input.cycleId);
  let scopeName = org.name;
  if (teamId) {
    await requireActiveTeam(db, org.id, teamId);
    const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
    scopeName = team?.name ?? scopeName;
  }
  const existing = await findExisting(db, org.id, cycle.id, teamId);
  if (existing) throw duplicateReview(existing.title);

  const now = new Date();
  const snapshot = await takeReviewSnapshot(db, org.id, toCycleView(cycle), teamId, now);
  const title = `${cycle.name} review — ${scopeName}`;
  return db.transaction(async (tx) => {
    // Re-checked inside the transaction; the unique index settles a race between two openers.
    if (await findExisting(tx, org.id, cycle.id, teamId)) throw duplicateReview(title);
    const [created] = await tx
      .insert(reviews)
      .values({
        organizationId: org.id,
        cycleId: cycle.id,
        teamId,
        title,
        snapshot: snapshot as unknown as Record<string, unknown>,
        openedById: scope.user.id,
        openedAt: now,
      })
      .returning({ id: reviews.id, title: reviews.title, version: reviews.version });
    if (!created) throw new Error("review was not created");
    await recordActivity(
      tx,
      activityBy(scope, "review", created.id, "review.opened", { cycleId: cycle.id, teamId, title }),
    );
    await notifyReview(
      tx,
      { organizationId: org.id, actorId: scope.user.id, review: { id: created.id, title: created.title, teamId } },
      "opened",
    );
    return created;
  });
}

/**
 * The commentary on one perspective, strategic objective or KPI of the
 * snapshot, replaced in place; an empty body removes it. Repeating the same text changes nothing.
 */
export function saveReviewComment(scope: OrgScope, input: z.output<typeof ZReviewCommentSchema>) {
  return scope.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, scope, input.reviewId, input);
    const [current] = await tx
      .select(commentColumns)
      .from(reviewComments)
      .where(
        and(
          eq(reviewComments.organizationId, scope.org.id),
          eq(reviewComments.reviewId, review.id),
          eq(reviewComments.subjectType, input.subjectType),
          eq(reviewComments.subjectId, input.subjectId),
        ),
      )
      .limit(1);
    // `null`: the writer saw no commentary, so any there now was saved by someone meanwhile.
    if (current && input.version !== undefined && current.version !== input.version) {
      if (current.body === input.body) return current;
      throw editConflict("commentary", { body: current.body, version: current.version });
    }
    const activity = (action: string, commentId: string) =>
      activityBy(scope, "review", review.id, action, {
        commentId,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
      });

    if (!input.body) {
      if (!current) return null;
      await tx.delete(reviewComments).where(eq(reviewComments.id, current.id));
      await recordActivity(tx, activity("review.comment_deleted", current.id));
      return null;
    }
    const mentions = (commentId: string) =>
      notifyReviewMentions(tx, {
        organizationId: scope.org.id,
        actorId: scope.user.id,
        review: { id: review.id, title: review.title, teamId: review.teamId },
        commentId,
        body: input.body,
        reviewOpen: true,
      });
    if (current) {
      if (current.body === input.body) return current;
      // The review row is locked, so the version read above is still the row's.
      const updated = await auditedUpdate(tx, {
        table: reviewComments,
        id: current.id,
        version: current.version,
        set: { body: input.body, authorId: scope.user.id },
        returning: commentColumns,
        conflict: { what: "commentary", current: async () => ({ body: current.body, version: current.version }) },
        activity: activity("review.comment_updated", current.id),
      });
      await mentions(current.id);
      return updated;
    }
    const [created] = await tx
      .insert(reviewComments)
      .values({
        organizationId: scope.org.id,
        reviewId: review.id,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        body: input.body,
        authorId: scope.user.id,
      })
      .returning(commentColumns);
    if (!created) throw new Error("commentary was not created");
    await recordActivity(tx, activity("review.comment_created", created.id));
    await mentions(created.id);
    return created;
  });
}

/** Finalizes the review: read-only from now on, its corrective actions frozen as they stand. */
export function finalizeReview(scope: OrgScope, input: z.output<typeof ZReviewFinalizeSchema>) {
  return scope.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, scope, input.reviewId);
    const actions = await loadLiveActions(tx, review);
    const finalized = await auditedUpdate(tx, {
      table: reviews,
      id: review.id,
      version: input.version,
      set: {
        status: "finalized",
        finalizedAt: sql`now()`,
        finalizedById: scope.user.id,
        finalActions: actions.map((a) => ({ ...a })) as unknown as Record<string, unknown>[],
      },
      returning: { id: reviews.id, status: reviews.status, version: reviews.version },
      conflict: { what: "review", current: async () => ({ version: review.version }) },
      activity: activityBy(scope, "review", review.id, "review.finalized", { actions: actions.length }),
    });
    await notifyReview(
      tx,
      {
        organizationId: scope.org.id,
        actorId: scope.user.id,
        review: { id: review.id, title: review.title, teamId: review.teamId },
      },
      "finalized",
    );
    await emitReviewFinalized(tx, scope.org.id, {
      review: { id: review.id, title: review.title },
      actorId: scope.user.id,
      correctiveActions: actions.length,
    });
    return finalized;
  });
}

async function findExisting(db: Executor, organizationId: string, cycleId: string, teamId: string | null) {
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

function duplicateReview(title: string) {
  return conflict(`“${title}” already exists: there is one review per cycle and scope. Open it from the reviews list.`);
}
