import { and, asc, correctiveActions, eq, inArray, reviews } from "@meridian/db";
import { canUpdateAction, readableReviewStatuses } from "@meridian/domain";
import type { OrgScope } from "../../lib/scope";
import { actionView, selectActions, snapshotsOf } from "./review-rows";

/** Open and in-progress actions of the organization, soonest due first, with the review that agreed them. */
export async function listOpenActions(scope: OrgScope) {
  const rows = await selectActions(scope.db)
    .where(
      and(
        eq(correctiveActions.organizationId, scope.org.id),
        inArray(correctiveActions.status, ["open", "in_progress"]),
        // Viewers read finalized reviews only, and so only their actions.
        inArray(reviews.status, [...readableReviewStatuses(scope.org.role)]),
      ),
    )
    .orderBy(asc(correctiveActions.dueOn), asc(correctiveActions.createdAt), asc(correctiveActions.id));
  const snapshots = await snapshotsOf(
    scope.db,
    scope.org.id,
    rows.map((r) => r.reviewId),
  );
  return rows.map((r) => ({
    ...actionView(r, false, snapshots),
    canUpdate: canUpdateAction(scope.org.role, scope.user.id, r.ownerId),
  }));
}
