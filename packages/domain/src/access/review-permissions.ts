import type { ReviewStatus } from "../review/review-status";
import { can } from "./policy";
import type { Role } from "./roles";

/**
 * The reviews a role may read, by status: viewers (board members, auditors)
 * read finalized reviews only; everyone else also the open ones. Row checks and
 * list queries both derive from this one table.
 */
export function readableReviewStatuses(role: Role): readonly ReviewStatus[] {
  if (!can(role, "review.read")) return [];
  return role === "viewer" ? ["finalized"] : ["open", "finalized"];
}

export function canReadReview(role: Role, status: ReviewStatus): boolean {
  return readableReviewStatuses(role).includes(status);
}

/** Commentary, actions and finalizing: review managers, while the review is open. */
export function canEditReview(role: Role, status: ReviewStatus): boolean {
  return status === "open" && can(role, "review.manage");
}

/** Managers and admins update any corrective action; members only the ones they own. */
export function canUpdateAction(role: Role, userId: string, ownerId: string): boolean {
  if (!can(role, "action.update")) return false;
  return role === "admin" || role === "manager" || ownerId === userId;
}
