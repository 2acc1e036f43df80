import { type Executor, rows, sql } from "@meridian/db";
import { parseMentions, plainComment } from "@meridian/domain";
import { sqlArray } from "../../lib/sql-array";
import { actorName, preview } from "./actor-name";
import { notify } from "./notify";

interface ReviewFacts {
  organizationId: string;
  actorId: string;
  review: { id: string; title: string; teamId: string | null };
}

/**
 * Who hears of a review. A team's review: the team's active people. The
 * organization's review: when opened, its managers and admins — the people
 * who write its commentary and actions (telling every member of a large
 * organization that work has started on a review would be noise); when
 * finalized, everyone, for the finished review is the quarter's verdict for
 * all, viewers (the board) included. Viewers never hear of an open review:
 * they may not read one yet. Never the person who opened or finalized it.
 */
async function reviewAudience(tx: Executor, facts: ReviewFacts, stage: "opened" | "finalized"): Promise<string[]> {
  const { organizationId, review } = facts;
  const roles = stage === "opened" ? (review.teamId ? ["admin", "manager", "member"] : ["admin", "manager"]) : null;
  const result = await tx.execute(sql`
    select m.user_id as "userId" from memberships m
    where m.organization_id = ${organizationId} and m.deactivated_at is null
      and m.user_id <> ${facts.actorId}
      ${roles ? sql`and m.role::text = any(${sqlArray(roles, "text")})` : sql``}
      ${
        review.teamId
          ? sql`and exists (select 1 from team_members tm where tm.organization_id = m.organization_id
              and tm.team_id = ${review.teamId} and tm.user_id = m.user_id)`
          : sql``
      }`);
  return rows<{ userId: string }>(result).map((r) => r.userId);
}

/** `review_opened` or `review_finalized` to the review's audience, once per review. */
export async function notifyReview(tx: Executor, facts: ReviewFacts, stage: "opened" | "finalized"): Promise<void> {
  const audience = await reviewAudience(tx, facts, stage);
  if (audience.length === 0) return;
  const actor = await actorName(tx, facts.actorId);
  await notify(tx, {
    organizationId: facts.organizationId,
    kind: stage === "opened" ? "review_opened" : "review_finalized",
    recipients: audience.map((userId) => ({ userId, dedupeKey: `review_${stage}:${facts.review.id}` })),
    title: stage === "opened" ? `${actor} opened “${facts.review.title}”` : `“${facts.review.title}” was finalized`,
    body: stage === "opened" ? "Add your commentary and corrective actions." : `Finalized by ${actor}.`,
    link: `/reviews/${facts.review.id}`,
    actorId: facts.actorId,
    payload: { reviewId: facts.review.id },
  });
}

/**
 * A review commentary's mentions: each person mentioned who may read the
 * review (an open review: not viewers), once per commentary whatever its edits.
 */
export async function notifyReviewMentions(
  tx: Executor,
  facts: ReviewFacts & { commentId: string; body: string; reviewOpen: boolean },
): Promise<void> {
  const ids = parseMentions(facts.body)
    .map((m) => m.userId)
    .filter((id) => id !== facts.actorId);
  if (ids.length === 0) return;
  const result = await tx.execute(sql`
    select m.user_id as "userId" from memberships m
    where m.organization_id = ${facts.organizationId} and m.deactivated_at is null
      and m.user_id = any(${sqlArray(ids, "uuid")})
      ${facts.reviewOpen ? sql`and m.role <> 'viewer'` : sql``}`);
  const recipients = rows<{ userId: string }>(result).map((r) => r.userId);
  if (recipients.length === 0) return;
  const actor = await actorName(tx, facts.actorId);
  await notify(tx, {
    organizationId: facts.organizationId,
    kind: "mention",
    recipients: recipients.map((userId) => ({ userId, dedupeKey: `mention:review_comment:${facts.commentId}` })),
    title: `${actor} mentioned you in “${facts.review.title}”`,
    body: preview(plainComment(facts.body)),
    link: `/reviews/${facts.review.id}`,
    actorId: facts.actorId,
    payload: { reviewId: facts.review.id, commentId: facts.commentId },
  });
}
