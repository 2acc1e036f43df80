// Zod input schemas for the quarterly review (open, read, commentary, finalize), shared by the API and the forms.
import { z } from "zod";
import { REVIEW_STATUSES } from "../review/review-status";
import { ZCursor, ZId, ZReviewSubjectType, ZVersion, zPageSize, zText } from "./common";

export const ZReviewOpenSchema = z.object({
  cycleId: ZId,
  /** Absent or null: the review of the whole organization. */
  teamId: ZId.nullable().optional(),
});
export type TReviewOpen = z.infer<typeof ZReviewOpenSchema>;

/** One review: get, compare. */
export const ZReviewRefSchema = z.object({ reviewId: ZId });
export type TReviewRef = z.infer<typeof ZReviewRefSchema>;

/** A page of the KPIs of one strategic objective of a review's snapshot; a null objective: the KPIs linked to none. */
export const ZReviewKpiPageSchema = z.object({
  reviewId: ZId,
  objectiveId: ZId.nullable(),
  cursor: ZCursor,
  limit: zPageSize(100, 50),
});
export type TReviewKpiPage = z.input<typeof ZReviewKpiPageSchema>;

/** A page of the OKR objectives a review's snapshot froze. */
export const ZReviewOkrPageSchema = z.object({ reviewId: ZId, cursor: ZCursor, limit: zPageSize(100, 25) });
export type TReviewOkrPage = z.input<typeof ZReviewOkrPageSchema>;

export const REVIEW_COMMENT_MAX = 5000;

/** The commentary on one subject, replaced in place; an empty body removes it. */
export const ZReviewCommentSchema = z.object({
  reviewId: ZId,
  subjectType: ZReviewSubjectType,
  subjectId: ZId,
  body: zText().trim().max(REVIEW_COMMENT_MAX, `Keep the commentary under ${REVIEW_COMMENT_MAX} characters.`),
  /**
   * The version of the commentary the writer read: a stale one is a conflict. `null` says the writer
   * saw none, so commentary someone saved meanwhile is a conflict too; left out, nothing is checked.
   */
  version: ZVersion.nullable().optional(),
});
export type TReviewComment = z.infer<typeof ZReviewCommentSchema>;

export const ZReviewFinalizeSchema = z.object({ reviewId: ZId, version: ZVersion });
export type TReviewFinalize = z.infer<typeof ZReviewFinalizeSchema>;

export const REVIEW_PAGE_SIZE = 50;

/** A page of reviews, newest cycle first, filtered by cycle, team or status (the REST API's list). */
export const ZReviewListSchema = z
  .object({
    cycleId: ZId.optional(),
    teamId: ZId.optional(),
    status: z.enum(REVIEW_STATUSES, { error: "Choose open or finalized." }).optional(),
    cursor: ZCursor,
    limit: zPageSize(100, REVIEW_PAGE_SIZE),
  })
  .default({ limit: REVIEW_PAGE_SIZE });
export type TReviewList = z.output<typeof ZReviewListSchema>;
