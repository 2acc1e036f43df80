import type { Executor } from "@meridian/db";
import { actorName } from "./actor-name";
import { notify } from "./notify";

/**
 * `action_assigned` to a corrective action's owner when it is created for
 * them or handed to them — not when they take it themselves. The dedupe key
 * carries the action's version, so a repeat of the same save tells nobody
 * twice, while handing it back later tells them again.
 */
export async function notifyActionAssigned(
  tx: Executor,
  event: {
    organizationId: string;
    actorId: string;
    action: { id: string; version: number; title: string; ownerId: string; dueOn: string; reviewId: string };
  },
): Promise<void> {
  const { action } = event;
  if (action.ownerId === event.actorId) return;
  const actor = await actorName(tx, event.actorId);
  await notify(tx, {
    organizationId: event.organizationId,
    kind: "action_assigned",
    recipients: [{ userId: action.ownerId, dedupeKey: `action_assigned:${action.id}:v${action.version}` }],
    title: `${actor} assigned you “${action.title}”`,
    body: `Due ${action.dueOn}.`,
    link: `/reviews/${action.reviewId}`,
    actorId: event.actorId,
    payload: { actionId: action.id, reviewId: action.reviewId },
  });
}
