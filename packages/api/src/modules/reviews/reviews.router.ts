import {
  ZReviewCommentSchema,
  ZReviewFinalizeSchema,
  ZReviewKpiPageSchema,
  ZReviewOkrPageSchema,
  ZReviewOpenSchema,
  ZReviewRefSchema,
} from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { finalizeReview, openReview, saveReviewComment } from "./reviews.commands";
import {
  compareReview,
  getReview,
  listReviews,
  openableReviews,
  reviewKpiPage,
  reviewOkrPage,
  reviewOutline,
  reviewSubjects,
} from "./reviews.queries";

const read = orgProcedure("review.read");
const manage = orgProcedure("review.manage");

export const reviewsRouter = router({
  /** The organization's reviews, newest cycle first; viewers see finalized ones only. */
  list: read.query(({ ctx }) => listReviews(ctx)),
  /** One review: snapshot, commentary, corrective actions, and whether the caller may still edit it. */
  get: read.input(ZReviewRefSchema).query(({ ctx, input }) => getReview(ctx, input)),
  /** One review as its page opens: `get` with the snapshot's outline in place of the snapshot. */
  outline: read.input(ZReviewRefSchema).query(({ ctx, input }) => reviewOutline(ctx, input)),
  /** A page of one strategic objective's KPIs in the snapshot (a null objective: the KPIs linked to none). */
  kpis: read.input(ZReviewKpiPageSchema).query(({ ctx, input }) => reviewKpiPage(ctx, input)),
  /** A page of the OKR objectives in the snapshot. */
  okrs: read.input(ZReviewOkrPageSchema).query(({ ctx, input }) => reviewOkrPage(ctx, input)),
  /** The perspectives, strategic objectives and KPIs of the snapshot, in reading order: what an action may be about. */
  subjects: read.input(ZReviewRefSchema).query(({ ctx, input }) => reviewSubjects(ctx, input)),
  /** Which cycle × scope pairs have a review already, and the first that has none: where the open form starts. */
  openable: manage.query(({ ctx }) => openableReviews(ctx)),
  /** Opens the review of a cycle, for the organization or one team, with a snapshot taken now. */
  open: manage.input(ZReviewOpenSchema).mutation(({ ctx, input }) => openReview(ctx, input)),
  /** The commentary on one subject of the snapshot, replaced in place; an empty body removes it. */
  comment: manage.input(ZReviewCommentSchema).mutation(({ ctx, input }) => saveReviewComment(ctx, input)),
  /** Finalizes the review: read-only from now on, its corrective actions frozen as they stand. */
  finalize: manage.input(ZReviewFinalizeSchema).mutation(({ ctx, input }) => finalizeReview(ctx, input)),
  /** Deltas against the previous review of the same scope; null previous when none. */
  compare: read.input(ZReviewRefSchema).query(({ ctx, input }) => compareReview(ctx, input)),
});
