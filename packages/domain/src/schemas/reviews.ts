// Zod input schemas for the quarterly review, shared by the API and the forms.
import { z } from "zod";
import { ACTION_STATUSES, REVIEW_SUBJECT_TYPES } from "../review/review-status";
import { ZId, ZIsoDate, ZVersion, zText } from "./common";

export const ZReviewOpenSchema = z.object({
  cycleId: ZId,
  /** Absent or null: the review of the whole organization. */
  teamId: ZId.nullable().optional(),
});
export type TReviewOpen = z.infer<typeof ZReviewOpenSchema>;

/** One review: get, compare. */
export const ZReviewRefSchema = z.object({ reviewId: ZId });
export type TReviewRef = z.infer<typeof ZReviewRefSchema>;

export const ZReviewSubjectType = z.enum(REVIEW_SUBJECT_TYPES, { error: "Choose a perspective, objective or KPI." });

export const REVIEW_COMMENT_MAX = 5000;

/** The commentary on one subject, replaced in place; an empty body removes it. */
export const ZReviewCommentSchema = z.object({
  reviewId: ZId,
  subjectType: ZReviewSubjectType,
  subjectId: ZId,
  body: zText().trim().max(REVIEW_COMMENT_MAX, `Keep the commentary under ${REVIEW_COMMENT_MAX} characters.`),
  /** The version of the commentary the writer read, when there was one: a stale one is a conflict. */
  version: ZVersion.optional(),
});
export type TReviewComment = z.infer<typeof ZReviewCommentSchema>;

export const ZReviewFinalizeSchema = z.object({ reviewId: ZId, version: ZVersion });
export type TReviewFinalize = z.infer<typeof ZReviewFinalizeSchema>;

const actionTitle = zText().trim().min(1, "Say what is to be done.").max(300, "Keep the action under 300 characters.");

export const ZActionStatus = z.enum(ACTION_STATUSES, { error: "Choose open, in progress or done." });

export const ZCorrectiveActionCreateSchema = z.object({
  reviewId: ZId,
  subjectType: ZReviewSubjectType,
  subjectId: ZId,
  title: actionTitle,
  ownerId: ZId,
  dueOn: ZIsoDate,
});
export type TCorrectiveActionCreate = z.infer<typeof ZCorrectiveActionCreateSchema>;
/** The add-action form's fields; the review and subject come from where the form sits. */
export const ZCorrectiveActionFormSchema = ZCorrectiveActionCreateSchema.pick({
  title: true,
  ownerId: true,
  dueOn: true,
});
export type TCorrectiveActionForm = z.infer<typeof ZCorrectiveActionFormSchema>;

export const ZCorrectiveActionUpdateSchema = z.object({
  actionId: ZId,
  version: ZVersion,
  status: ZActionStatus.optional(),
  title: actionTitle.optional(),
  ownerId: ZId.optional(),
  dueOn: ZIsoDate.optional(),
});
export type TCorrectiveActionUpdate = z.infer<typeof ZCorrectiveActionUpdateSchema>;
