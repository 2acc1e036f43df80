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
  rows,
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
  type ReviewSubjectType,
  readableReviewStatuses,
  type SnapshotKpi,
  type SnapshotObjective,
  type SnapshotOkr,
  type SnapshotPerspective,
  type TReviewList,
  type ZReviewKpiPageSchema,
  type ZReviewOkrPageSchema,
  type ZReviewRefSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { invalidInput, notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { cycleInstants, cyclesOf } from "../okr/cycles.queries";
import { afterReviewCursor, encodeReviewCursor } from "./review-cursor";
import { byIds, commentColumns, findReview, findReviewHead, loadLiveActions, type ReviewRecord } from "./review-rows";

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
  const { snapshot, ...head } = review;
  const { canEdit, ...rest } = await reviewParts(scope, head, snapshot);
  return { ...rest, snapshot, canEdit };
}

/**
 * One review as its page first shows it: what `getReview` answers, but instead of the snapshot its outline,
 * built in SQL: the scorecard's score, its perspectives and their strategic objectives with scores and KPI
 * counts, the number of KPIs linked to none and of OKR objectives. Their rows come a page at a time
 * (`reviewKpiPage`, `reviewOkrPage`): a company's review holds thousands.
 */
export async function reviewOutline(scope: OrgScope, input: ReviewRef) {
  const head = await findReviewHead(scope.db, scope.org.id, input.reviewId, scope.org.role);
  const [parts, outlineRows] = await Promise.all([
    reviewParts(scope, head),
    scope.db.execute(sql`
      select jsonb_build_object(
        'takenAt', s -> 'takenAt',
        'period', s -> 'period',
        'scorecard', jsonb_build_object(
          'period', s -> 'scorecard' -> 'period',
          'score', s -> 'scorecard' -> 'score',
          'status', s -> 'scorecard' -> 'status',
          'perspectives', coalesce((
            select jsonb_agg((p.value - 'objectives') || jsonb_build_object('objectives', coalesce((
              select jsonb_agg((o.value - 'kpis') || jsonb_build_object('kpiCount', jsonb_array_length(o.value -> 'kpis'))
                order by o.ordinality)
              from jsonb_array_elements(p.value -> 'objectives') with ordinality o
            ), '[]'::jsonb)) order by p.ordinality)
            from jsonb_array_elements(s -> 'scorecard' -> 'perspectives') with ordinality p
          ), '[]'::jsonb),
          'unlinkedKpiIds', coalesce((
            select jsonb_agg(k.value -> 'id' order by k.ordinality)
            from jsonb_array_elements(s -> 'scorecard' -> 'unlinkedKpis') with ordinality k
          ), '[]'::jsonb)
        ),
        'okrCount', jsonb_array_length(s -> 'okrs')
      ) as outline
      from (select snapshot as s from reviews where id = ${head.id} and organization_id = ${scope.org.id}) r`),
  ]);
  const [row] = rows<{ outline: ReviewOutline }>(outlineRows);
  if (!row) throw notFound("No such review.");
  return { ...parts, outline: row.outline };
}

/** The outline of a review's snapshot: everything but the rows of KPIs and OKR objectives. */
export interface ReviewOutline {
  takenAt: string;
  period: ReviewSnapshot["period"];
  scorecard: Pick<ReviewSnapshot["scorecard"], "period" | "score" | "status"> & {
    perspectives: (Omit<SnapshotPerspective, "objectives"> & {
      objectives: (Omit<SnapshotObjective, "kpis"> & { kpiCount: number })[];
    })[];
    unlinkedKpiIds: string[];
  };
  okrCount: number;
}

/** A page of one strategic objective's KPIs in a review's snapshot (or of those linked to none), read in SQL. */
export async function reviewKpiPage(scope: OrgScope, input: z.output<typeof ZReviewKpiPageSchema>) {
  const review = await findReviewHead(scope.db, scope.org.id, input.reviewId, scope.org.role);
  const offset = offsetOf(input.cursor);
  const list =
    input.objectiveId === null
      ? sql`r.snapshot -> 'scorecard' -> 'unlinkedKpis'`
      : sql`(select o -> 'kpis'
             from jsonb_array_elements(r.snapshot -> 'scorecard' -> 'perspectives') p,
                  jsonb_array_elements(p -> 'objectives') o
             where o ->> 'id' = ${input.objectiveId} limit 1)`;
  const found = rows<{ kpi: SnapshotKpi | null; total: number | null }>(
    await scope.db.execute(sql`
      select k.value as kpi, jsonb_array_length(l.list) as total
      from reviews r
      cross join lateral (select ${list} as list) l
      left join lateral (
        select value, ordinality from jsonb_array_elements(l.list) with ordinality
        order by ordinality offset ${offset} limit ${input.limit + 1}
      ) k on true
      where r.id = ${review.id} and r.organization_id = ${scope.org.id}
      order by k.ordinality`),
  );
  if (found[0]?.total == null) throw notFound("No such strategic objective in this review.");
  const kpis = found.flatMap((r) => (r.kpi ? [r.kpi] : []));
  return page(kpis, offset, input.limit, found[0].total, "kpis");
}

/** A page of the OKR objectives a review's snapshot froze, read in SQL. */
export async function reviewOkrPage(scope: OrgScope, input: z.output<typeof ZReviewOkrPageSchema>) {
  const review = await findReviewHead(scope.db, scope.org.id, input.reviewId, scope.org.role);
  const offset = offsetOf(input.cursor);
  const found = rows<{ okr: SnapshotOkr | null; total: number }>(
    await scope.db.execute(sql`
      select o.value as okr, jsonb_array_length(r.snapshot -> 'okrs') as total
      from reviews r
      left join lateral (
        select value, ordinality from jsonb_array_elements(r.snapshot -> 'okrs') with ordinality
        order by ordinality offset ${offset} limit ${input.limit + 1}
      ) o on true
      where r.id = ${review.id} and r.organization_id = ${scope.org.id}
      order by o.ordinality`),
  );
  const okrs = found.flatMap((r) => (r.okr ? [r.okr] : []));
  return page(okrs, offset, input.limit, found[0]?.total ?? 0, "okrs");
}

/**
 * What an action may be about, in the snapshot's reading order: its perspectives, strategic objectives and
 * KPIs, each with its type, id, name and whether it was red; read in SQL, for the action form's choice.
 */
export async function reviewSubjects(scope: OrgScope, input: ReviewRef) {
  const review = await findReviewHead(scope.db, scope.org.id, input.reviewId, scope.org.role);
  return rows<{ subjectType: ReviewSubjectType; id: string; name: string; red: boolean }>(
    await scope.db.execute(sql`
      with s as (select snapshot -> 'scorecard' as sc from reviews where id = ${review.id} and organization_id = ${scope.org.id}),
      p as (select p.value, p.ordinality as pi from s, jsonb_array_elements(s.sc -> 'perspectives') with ordinality p),
      o as (select o.value, p.pi, o.ordinality as oi from p, jsonb_array_elements(p.value -> 'objectives') with ordinality o),
      subjects as (
        select 'perspective' as type, value, pi, 0::bigint as oi, 0::bigint as ki from p
        union all select 'objective', value, pi, oi, 0 from o
        union all select 'kpi', k.value, o.pi, o.oi, k.ordinality from o, jsonb_array_elements(o.value -> 'kpis') with ordinality k
        union all select 'kpi', k.value, 2147483647, 0, k.ordinality from s, jsonb_array_elements(s.sc -> 'unlinkedKpis') with ordinality k
      )
      select type as "subjectType", value ->> 'id' as id, value ->> 'name' as name, value ->> 'status' = 'red' as red
      from subjects order by pi, oi, ki`),
  );
}

/** An offset cursor, as these pages hand them out: a whole number as text. */
function offsetOf(cursor: string | null | undefined): number {
  if (cursor == null) return 0;
  if (!/^\d{1,9}$/.test(cursor)) throw invalidInput("cursor", "This page link is not valid.");
  return Number(cursor);
}

function page<T, K extends string>(items: T[], offset: number, limit: number, total: number, key: K) {
  const more = items.length > limit;
  return {
    [key]: more ? items.slice(0, limit) : items,
    total,
    nextCursor: more ? String(offset + limit) : null,
  } as { [k in K]: T[] } & { total: number; nextCursor: string | null };
}

/** What a review answers besides its snapshot: cycle, team, people, commentary, actions, whether one may edit. */
async function reviewParts(scope: OrgScope, review: Omit<ReviewRecord, "snapshot">, snapshot?: ReviewSnapshot) {
  const [comments, actions, team] = await Promise.all([
    scope.db
      .select({ ...commentColumns, authorId: reviewComments.authorId, authorName: users.name })
      .from(reviewComments)
      .innerJoin(users, eq(users.id, reviewComments.authorId))
      .where(and(eq(reviewComments.organizationId, scope.org.id), eq(reviewComments.reviewId, review.id)))
      .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id)),
    review.status === "finalized"
      ? Promise.resolve(review.finalActions ?? [])
      : loadLiveActions(scope.db, { ...review, snapshot }),
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
