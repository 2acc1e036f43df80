import { formatDate } from "~/components/ui/format";

/** " · finalized Dec 15, 2026 by Maya Chen" after a review's byline; nothing while it is open. */
export function finalizedNote(review: {
  finalizedAt: Date | string | null;
  finalizedBy: { name: string } | null;
}): string {
  if (!review.finalizedAt || !review.finalizedBy) return "";
  return ` · finalized ${formatDate(review.finalizedAt)} by ${review.finalizedBy.name}`;
}
