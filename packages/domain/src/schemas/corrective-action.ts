// Zod input schemas for a review's corrective actions, shared by the API and the forms.
import { z } from "zod";
import { ACTION_STATUSES } from "../review/review-status";
import { ZId, ZIsoDate, ZReviewSubjectType, ZVersion, zText } from "./common";

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
