import {
  and,
  asc,
  correctiveActions,
  cycles,
  type Executor,
  eq,
  inArray,
  isNull,
  lt,
  ne,
  reviewComments,
  reviews,
  users,
} from "@meridian/db";
import {
  type ActionStatus,
  canReadReview,
  type ReviewSnapshot,
  type ReviewStatus,
  type ReviewSubjectType,
  type Role,
  snapshotSubjectName,
} from "@meridian/domain";
import { invalidInput, notFound, preconditionFailed } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";

export const FINALIZED_MESSAGE = "This review is finalized and read-only.";

export interface ReviewRecord {
  id: string;
  organizationId: string;
  cycleId: string;
  cycleStartsOn: string;
  cycleEndsOn: string;
  cycleName: string;
  teamId: string | null;
  title: string;
  status: ReviewStatus;
  snapshot: ReviewSnapshot;
  finalActions: ActionView[] | null;
  openedById: string;
  openedAt: Date;
  finalizedById: string | null;
  finalizedAt: Date | null;
  version: number;
}

/**
 * A review of the organization, as `role` may see it: viewers read only
 * finalized reviews, and an open one is NOT_FOUND to them, as is another
 * organization's. `forUpdate` locks the row, so a write and a finalize never interleave.
 */
export async function findReview(
  db: Executor,
  organizationId: string,
  reviewId: string,
  role: Role,
  options: { forUpdate?: boolean } = {},
): Promise<ReviewRecord> {
  const query = db
    .select({ ...headColumns, snapshot: reviews.snapshot })
    .from(reviews)
    .innerJoin(cycles, eq(cycles.id, reviews.cycleId))
    .where(and(eq(reviews.id, reviewId), eq(reviews.organizationId, organizationId)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: reviews }) : await query;
  if (!row || !canReadReview(role, row.status)) throw notFound("No such review.");
  return {
    ...row,
    snapshot: row.snapshot as unknown as ReviewSnapshot,
    finalActions: (row.finalActions as unknown as ActionView[] | null) ?? null,
  };
}

/** A review as `findReview` finds it (and as `role` may see it), without its snapshot: for reads of a part of it. */
export async function findReviewHead(
  db: Executor,
  organizationId: string,
  reviewId: string,
  role: Role,
): Promise<Omit<ReviewRecord, "snapshot">> {
  const [row] = await db
    .select(headColumns)
    .from(reviews)
    .innerJoin(cycles, eq(cycles.id, reviews.cycleId))
    .where(and(eq(reviews.id, reviewId), eq(reviews.organizationId, organizationId)))
    .limit(1);
  if (!row || !canReadReview(role, row.status)) throw notFound("No such review.");
  return { ...row, finalActions: (row.finalActions as unknown as ActionView[] | null) ?? null };
}

const headColumns = {
  id: reviews.id,
  organizationId: reviews.organizationId,
  cycleId: reviews.cycleId,
  cycleStartsOn: cycles.startsOn,
  cycleEndsOn: cycles.endsOn,
  cycleName: cycles.name,
  teamId: reviews.teamId,
  title: reviews.title,
  status: reviews.status,
  finalActions: reviews.finalActions,
  openedById: reviews.openedById,
  openedAt: reviews.openedAt,
  finalizedById: reviews.finalizedById,
  finalizedAt: reviews.finalizedAt,
  version: reviews.version,
};

/** A piece of review commentary as the API returns it. */
export const commentColumns = {
  id: reviewComments.id,
  subjectType: reviewComments.subjectType,
  subjectId: reviewComments.subjectId,
  body: reviewComments.body,
  updatedAt: reviewComments.updatedAt,
  version: reviewComments.version,
};

/** Every write to a review checks this first: a finalized review is frozen. */
export function requireOpenReview(review: { status: ReviewStatus }): void {
  if (review.status !== "open") throw preconditionFailed(FINALIZED_MESSAGE);
}

/**
 * The review a write goes to: locked for the write, and still open. With a
 * subject, that subject must be one the review's snapshot holds.
 */
export async function lockOpenReview(
  tx: Executor,
  scope: OrgScope,
  reviewId: string,
  subject?: { subjectType: ReviewSubjectType; subjectId: string },
): Promise<ReviewRecord> {
  const review = await findReview(tx, scope.org.id, reviewId, scope.org.role, { forUpdate: true });
  requireOpenReview(review);
  if (subject) requireSubject(review.snapshot, subject.subjectType, subject.subjectId);
  return review;
}

/** A corrective action as a review shows it; also the shape frozen into `finalActions`. */
export interface ActionView {
  id: string;
  reviewId: string;
  /** The review the action was agreed in. */
  originReviewTitle: string;
  /** Agreed in an earlier review and still open when this one was read. */
  carriedIn: boolean;
  subjectType: ReviewSubjectType;
  subjectId: string;
  subjectName: string;
  title: string;
  owner: { id: string; name: string };
  dueOn: string;
  status: ActionStatus;
  version: number;
}

/**
 * The live corrective actions of an open review: its own, then the still-open
 * ones of earlier reviews of the same scope (earlier cycles), carried in.
 * Subjects are named from the snapshot of the review that agreed them.
 */
export async function loadLiveActions(
  db: Executor,
  review: Pick<ReviewRecord, "id" | "organizationId" | "teamId" | "cycleStartsOn"> & { snapshot?: ReviewSnapshot },
): Promise<ActionView[]> {
  const sameScope = review.teamId === null ? isNull(reviews.teamId) : eq(reviews.teamId, review.teamId);
  const [own, carried] = await Promise.all([
    selectActions(db)
      .where(
        and(eq(correctiveActions.organizationId, review.organizationId), eq(correctiveActions.reviewId, review.id)),
      )
      .orderBy(asc(correctiveActions.createdAt), asc(correctiveActions.id)),
    selectActions(db)
      .where(
        and(
          eq(correctiveActions.organizationId, review.organizationId),
          ne(correctiveActions.status, "done"),
          sameScope,
          lt(cycles.startsOn, review.cycleStartsOn),
        ),
      )
      .orderBy(asc(correctiveActions.dueOn), asc(correctiveActions.createdAt), asc(correctiveActions.id)),
  ]);
  // Without the review's own snapshot at hand, it is read only when its own actions need naming.
  const ownSnapshot = review.snapshot || own.length === 0 ? [] : [review.id];
  const snapshots = await snapshotsOf(db, review.organizationId, [...carried.map((r) => r.reviewId), ...ownSnapshot]);
  if (review.snapshot) snapshots.set(review.id, review.snapshot);
  return [...own.map((r) => actionView(r, false, snapshots)), ...carried.map((r) => actionView(r, true, snapshots))];
}

/** Corrective actions with their owner and the review (and cycle) that agreed them. */
export function selectActions(db: Executor) {
  return db
    .select({
      id: correctiveActions.id,
      reviewId: correctiveActions.reviewId,
      subjectType: correctiveActions.subjectType,
      subjectId: correctiveActions.subjectId,
      title: correctiveActions.title,
      ownerId: correctiveActions.ownerId,
      ownerName: users.name,
      dueOn: correctiveActions.dueOn,
      status: correctiveActions.status,
      version: correctiveActions.version,
      originTitle: reviews.title,
      originStatus: reviews.status,
    })
    .from(correctiveActions)
    .innerJoin(reviews, eq(reviews.id, correctiveActions.reviewId))
    .innerJoin(cycles, eq(cycles.id, reviews.cycleId))
    .innerJoin(users, eq(users.id, correctiveActions.ownerId));
}
type ActionRow = Awaited<ReturnType<ReturnType<typeof selectActions>["execute"]>>[number];

export function actionView(r: ActionRow, carriedIn: boolean, snapshots: Map<string, ReviewSnapshot>): ActionView {
  return {
    id: r.id,
    reviewId: r.reviewId,
    originReviewTitle: r.originTitle,
    carriedIn,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectName: nameIn(snapshots.get(r.reviewId), r.subjectType, r.subjectId),
    title: r.title,
    owner: { id: r.ownerId, name: r.ownerName },
    dueOn: r.dueOn,
    status: r.status,
    version: r.version,
  };
}

/** The snapshots of some reviews of the organization, by id, for naming the subjects of their actions. */
export async function snapshotsOf(
  db: Executor,
  organizationId: string,
  reviewIds: readonly string[],
): Promise<Map<string, ReviewSnapshot>> {
  const rows = await byIds(reviewIds, (ids) =>
    db
      .select({ id: reviews.id, snapshot: reviews.snapshot })
      .from(reviews)
      .where(and(eq(reviews.organizationId, organizationId), inArray(reviews.id, ids))),
  );
  return new Map([...rows.values()].map((r) => [r.id, r.snapshot as unknown as ReviewSnapshot]));
}

/** Rows by id: each id asked for once, and no query at all for none. */
export async function byIds<T extends { id: string }>(
  ids: readonly (string | null)[],
  load: (ids: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  return new Map((await load(wanted)).map((row) => [row.id, row]));
}

export function nameIn(snapshot: ReviewSnapshot | undefined, type: ReviewSubjectType, id: string): string {
  return (snapshot && snapshotSubjectName(snapshot, type, id)) ?? "(no longer in the scorecard)";
}

/** Commentary and actions are about a perspective, objective or KPI the review's snapshot holds. */
export function requireSubject(snapshot: ReviewSnapshot, type: ReviewSubjectType, id: string): string {
  const name = snapshotSubjectName(snapshot, type, id);
  if (name === null) throw invalidInput("subjectId", "Choose a perspective, objective or KPI of this review.");
  return name;
}
