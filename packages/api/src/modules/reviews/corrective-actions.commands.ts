import { and, correctiveActions, eq, reviews } from "@meridian/db";
import {
  canReadReview,
  canUpdateAction,
  type ZCorrectiveActionCreateSchema,
  type ZCorrectiveActionUpdateSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { requireActiveOwner } from "../../lib/active-owner";
import { activityBy, recordActivity } from "../../lib/activity";
import { editConflict, forbidden, notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import { notifyActionAssigned } from "../notifications/action-events";
import { lockOpenReview } from "./review-rows";

const idAndVersion = { id: correctiveActions.id, version: correctiveActions.version };

/**
 * A corrective action agreed in an open review, about one of its subjects.
 * Repeating the same request returns the action it already made.
 */
export function createCorrectiveAction(scope: OrgScope, input: z.output<typeof ZCorrectiveActionCreateSchema>) {
  return scope.db.transaction(async (tx) => {
    const review = await lockOpenReview(tx, scope, input.reviewId, input);
    await requireActiveOwner(tx, scope.org.id, input.ownerId);
    const [same] = await tx
      .select(idAndVersion)
      .from(correctiveActions)
      .where(
        and(
          eq(correctiveActions.organizationId, scope.org.id),
          eq(correctiveActions.reviewId, review.id),
          eq(correctiveActions.subjectType, input.subjectType),
          eq(correctiveActions.subjectId, input.subjectId),
          eq(correctiveActions.title, input.title),
          eq(correctiveActions.ownerId, input.ownerId),
          eq(correctiveActions.dueOn, input.dueOn),
        ),
      )
      .limit(1);
    if (same) return same;
    const [created] = await tx
      .insert(correctiveActions)
      .values({ organizationId: scope.org.id, ...input })
      .returning(idAndVersion);
    if (!created) throw new Error("corrective action was not created");
    await recordActivity(
      tx,
      activityBy(scope, "corrective_action", created.id, "corrective_action.created", { ...input }),
    );
    await notifyActionAssigned(tx, {
      organizationId: scope.org.id,
      actorId: scope.user.id,
      action: { ...created, title: input.title, ownerId: input.ownerId, dueOn: input.dueOn, reviewId: review.id },
    });
    return created;
  });
}

/**
 * Updates a live action — its status can move on in a later quarter, even after
 * the review that agreed it was finalized (that review keeps its frozen copy).
 * Managers and admins update any action; members only their own.
 */
export function updateCorrectiveAction(scope: OrgScope, input: z.output<typeof ZCorrectiveActionUpdateSchema>) {
  return scope.db.transaction(async (tx) => {
    const [action] = await tx
      .select({ action: correctiveActions, reviewStatus: reviews.status })
      .from(correctiveActions)
      .innerJoin(reviews, eq(reviews.id, correctiveActions.reviewId))
      .where(and(eq(correctiveActions.id, input.actionId), eq(correctiveActions.organizationId, scope.org.id)))
      .limit(1)
      .for("update", { of: correctiveActions });
    if (!action || !canReadReview(scope.org.role, action.reviewStatus)) throw notFound("No such corrective action.");
    const current = action.action;
    if (!canUpdateAction(scope.org.role, scope.user.id, current.ownerId)) {
      throw forbidden("Only the owner of this action, a manager or an admin may update it.");
    }
    const changes = {
      ...(input.status !== undefined && input.status !== current.status && { status: input.status }),
      ...(input.title !== undefined && input.title !== current.title && { title: input.title }),
      ...(input.ownerId !== undefined && input.ownerId !== current.ownerId && { ownerId: input.ownerId }),
      ...(input.dueOn !== undefined && input.dueOn !== current.dueOn && { dueOn: input.dueOn }),
    };
    // Repeating an update that already took effect changes nothing, whatever version it names.
    if (Object.keys(changes).length === 0) return { id: current.id, version: current.version };
    const whatItHolds = async () => ({
      status: current.status,
      title: current.title,
      ownerId: current.ownerId,
      dueOn: current.dueOn,
      version: current.version,
    });
    // Checked before the new owner, so a stale form hears of the conflict first.
    if (current.version !== input.version) throw editConflict("corrective action", await whatItHolds());
    if (changes.ownerId) await requireActiveOwner(tx, scope.org.id, changes.ownerId);
    const updated = await auditedUpdate(tx, {
      table: correctiveActions,
      id: current.id,
      version: input.version,
      set: changes,
      returning: idAndVersion,
      conflict: { what: "corrective action", current: whatItHolds },
      activity: activityBy(scope, "corrective_action", current.id, "corrective_action.updated", {
        reviewId: current.reviewId,
        changes,
      }),
    });
    if (changes.ownerId) {
      await notifyActionAssigned(tx, {
        organizationId: scope.org.id,
        actorId: scope.user.id,
        action: {
          ...updated,
          title: changes.title ?? current.title,
          ownerId: changes.ownerId,
          dueOn: changes.dueOn ?? current.dueOn,
          reviewId: current.reviewId,
        },
      });
    }
    return updated;
  });
}
