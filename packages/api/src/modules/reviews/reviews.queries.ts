import {
  and,
  asc,
  cycles,
  desc,
  type Executor,
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
  cycleTiming,
  firstUnreviewedPair,
  type ReviewSnapshot,
  readableReviewStatuses,
  type TReviewList,
  type ZReviewRefSchema,
} from "@meridian/domain";
import type { z } from "zod";
import type { OrgScope } from "../../lib/scope";
import { cycleInstants, cyclesOf } from "../okr/cycles.queries";
import { afterReviewCursor, encodeReviewCursor } from "./review-cursor";
import { byIds, commentColumns, findReview, loadLiveActions } from "./review-rows";

type ReviewRef = z.output<typeof ZReviewRefSchema>;

/** The organization's reviews, newest cycle first; viewers see finalized ones only. */
export async function listReviews(scope: OrgScope) {
  const rows = await scope.db
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
      and(
        eq(reviews.organizationId, scope.org.id),
        inArray(reviews.status, [...readableReviewStatuses(scope.org.role)]),
      ),
    )
    .orderBy(desc(cycles.startsOn), sql`${teams.name} nulls first`, asc(reviews.id));
  const names = await userNames(
    scope.db,
    rows.flatMap((r) => [r.openedById, r.finalizedById]),
  );
  return rows.map(({ openedById, finalizedById, teamId, teamName, ...r }) => ({
    ...r,
    team: teamId ? { id: teamId, name: teamName ?? "" } : null,
    openedBy: person(names, openedById),
    finalizedBy: finalizedById ? person(names, finalizedById) : null,
  }));
}

/**
 * One page of the reviews the caller may read, newest cycle first (ties by id), filtered by cycle,
 * team and status; filters and paging in SQL. Viewers see finalized ones only, as in `listReviews`.
 */
export async function listReviewsPage(scope: OrgScope, input: TReviewList) {
  const readable = readableReviewStatuses(scope.org.role).filter((s) => !input.status || s === input.status);
  if (readable.length === 0) return { reviews: [], nextCursor: null };
  const rows = await scope.db
    .select({
      id: reviews.id,
      title: reviews.title,
      status: reviews.status,
      cycleId: reviews.cycleId,
      cycleName: cycles.name,
      cycleStartsOn: cycles.startsOn,
      cycleEndsOn: cycles.endsOn,
      teamId: reviews.teamId,
      teamName: teams.name,
      openedAt: reviews.openedAt,
      openedById: reviews.openedById,
      finalizedAt: reviews.finalizedAt,
      finalizedById: reviews.finalizedById,
    })
    .from(reviews)
    .innerJoin(cycles, and(eq(cycles.organizationId, reviews.organizationId), eq(cycles.id, reviews.cycleId)))
    .leftJoin(teams, and(eq(teams.organizationId, reviews.organizationId), eq(teams.id, reviews.teamId)))
    .where(
      and(
        eq(reviews.organizationId, scope.org.id),
        inArray(reviews.status, readable),
        input.cycleId ? eq(reviews.cycleId, input.cycleId) : undefined,
        input.teamId ? eq(reviews.teamId, input.teamId) : undefined,
        afterReviewCursor(input.cursor),
      ),
    )
    .orderBy(desc(cycles.startsOn), asc(reviews.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const names = await userNames(
    scope.db,
    page.flatMap((r) => [r.openedById, r.finalizedById]),
  );
  return {
    reviews: page.map(({ openedById, finalizedById, teamId, teamName, ...r }) => ({
      ...r,
      team: teamId ? { id: teamId, name: teamName ?? "" } : null,
      openedBy: person(names, openedById),
      finalizedBy: finalizedById ? person(names, finalizedById) : null,
    })),
    nextCursor: rows.length > input.limit && last ? encodeReviewCursor(last) : null,
  };
}

/**
 * Which cycle × scope pairs have their review already, and the first that has
 * none (`firstUnreviewedPair`; null when every pair has one), for the open form
 * to start on. Scopes are the whole organization and the active teams.
 */
export async function openableReviews(scope: OrgScope) {
  const [cycleList, teamRows, reviewed] = await Promise.all([
    cyclesOf(scope),
    scope.db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organizationId, scope.org.id), isNull(teams.archivedAt)))
      .orderBy(asc(teams.name), asc(teams.id)),
    scope.db
      .select({ cycleId: reviews.cycleId, teamId: reviews.teamId })
      .from(reviews)
      .where(eq(reviews.organizationId, scope.org.id))
      .orderBy(asc(reviews.cycleId), asc(reviews.teamId)),
  ]);
  return {
    next: firstUnreviewedPair(
      cycleList,
      teamRows.map((t) => t.id),
      reviewed,
    ),
    reviewed,
  };
}

/** One review: its snapshot, commentary and corrective actions, and whether the caller may still edit it. */
export async function getReview(scope: OrgScope, input: ReviewRef) {
  const review = await findReview(scope.db, scope.org.id, input.reviewId, scope.org.role);
  const [comments, actions, team] = await Promise.all([
    scope.db
      .select({ ...commentColumns, authorId: reviewComments.authorId, authorName: users.name })
      .from(reviewComments)
      .innerJoin(users, eq(users.id, reviewComments.authorId))
      .where(and(eq(reviewComments.organizationId, scope.org.id), eq(reviewComments.reviewId, review.id)))
      .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id)),
    review.status === "finalized" ? Promise.resolve(review.finalActions ?? []) : loadLiveActions(scope.db, review),
    review.teamId
      ? scope.db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.id, review.teamId))
      : Promise.resolve([]),
  ]);
  const names = await userNames(scope.db, [review.openedById, review.finalizedById]);
  return {
    id: review.id,
    title: review.title,
    status: review.status,
    cycle: {
      id: review.cycleId,
      name: review.cycleName,
      startsOn: review.cycleStartsOn,
      endsOn: review.cycleEndsOn,
      /** How much of the cycle has passed now: finalizing before it ends asks first. */
      timing: timingNow(review.cycleStartsOn, review.cycleEndsOn),
    },
    team: team[0] ?? null,
    snapshot: review.snapshot,
    openedAt: review.openedAt,
    openedBy: person(names, review.openedById),
    finalizedAt: review.finalizedAt,
    finalizedBy: review.finalizedById ? person(names, review.finalizedById) : null,
    version: review.version,
    comments: comments.map(({ authorId, authorName, ...c }) => ({ ...c, author: { id: authorId, name: authorName } })),
    actions: actions.map((a) => ({
      ...a,
      // Frozen copies are read-only; a live action is updated by managers and admins, or by its owner.
      canUpdate: review.status === "open" && canUpdateAction(scope.org.role, scope.user.id, a.owner.id),
    })),
    canEdit: canEditReview(scope.org.role, review.status),
  };
}

/** Deltas against the previous review of the same scope (the latest earlier cycle); null previous when none. */
export async function compareReview(scope: OrgScope, input: ReviewRef) {
  const review = await findReview(scope.db, scope.org.id, input.reviewId, scope.org.role);
  const [previous] = await scope.db
    .select({ id: reviews.id, title: reviews.title, cycleName: cycles.name, snapshot: reviews.snapshot })
    .from(reviews)
    .innerJoin(cycles, eq(cycles.id, reviews.cycleId))
    .where(
      and(
        eq(reviews.organizationId, scope.org.id),
        review.teamId === null ? isNull(reviews.teamId) : eq(reviews.teamId, review.teamId),
        lt(cycles.startsOn, review.cycleStartsOn),
        inArray(reviews.status, [...readableReviewStatuses(scope.org.role)]),
      ),
    )
    .orderBy(desc(cycles.startsOn))
    .limit(1);
  if (!previous) return { previous: null, deltas: [], newRed: [], resolvedRed: [] };
  const comparison = compareSnapshots(review.snapshot, previous.snapshot as unknown as ReviewSnapshot);
  return { previous: { id: previous.id, title: previous.title, cycleName: previous.cycleName }, ...comparison };
}

function timingNow(startsOn: string, endsOn: string) {
  const { start, end } = cycleInstants(startsOn, endsOn);
  return cycleTiming(start, end, new Date());
}

function userNames(db: Executor, ids: readonly (string | null)[]) {
  return byIds(ids, (wanted) =>
    db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)),
  );
}

function person(names: Map<string, { name: string }>, id: string) {
  return { id, name: names.get(id)?.name ?? "" };
}
