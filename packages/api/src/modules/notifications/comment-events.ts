import { and, type Executor, eq, keyResults, rows, sql } from "@meridian/db";
import { canSeeObjective, isRole, type ObjectiveAccessFacts, parseMentions, plainComment } from "@meridian/domain";
import { sqlArray } from "../../lib/sql-array";
import { actorName, preview } from "./actor-name";
import { notify } from "./notify";

export interface CommentEvent {
  organizationId: string;
  authorId: string;
  commentId: string;
  body: string;
  objective: ObjectiveAccessFacts & { id: string; title: string };
  keyResultId: string | null;
}

interface PersonFacts {
  userId: string;
  role: string;
  inTeam: boolean;
  leadsTeam: boolean;
}

/**
 * The mentioned people who may see the objective: active members of the
 * organization, judged by the same visibility rule as every read (a private
 * objective's comment mentioning someone outside it tells them nothing).
 */
async function mentionedWhoSee(tx: Executor, event: CommentEvent, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const teamId = event.objective.teamId;
  const result = await tx.execute(sql`
    select m.user_id as "userId", m.role,
      coalesce(bool_or(tm.user_id is not null), false) as "inTeam",
      coalesce(bool_or(tm.role = 'lead'), false) as "leadsTeam"
    from memberships m
    join users u on u.id = m.user_id and u.is_active
    left join team_members tm on tm.organization_id = m.organization_id and tm.user_id = m.user_id
      and tm.team_id = ${teamId}
    where m.organization_id = ${event.organizationId} and m.deactivated_at is null
      and m.user_id = any(${sqlArray(userIds, "uuid")})
    group by m.user_id, m.role`);
  return rows<PersonFacts>(result)
    .filter((p) => {
      if (!isRole(p.role)) return false;
      const teams = teamId && p.inTeam ? [teamId] : [];
      const led = teamId && p.leadsTeam ? [teamId] : [];
      return canSeeObjective(
        { role: p.role, userId: p.userId, teamIds: new Set(teams), ledTeamIds: new Set(led) },
        event.objective,
      );
    })
    .map((p) => p.userId);
}

/**
 * A comment on an objective (or one of its key results) tells: each person it
 * mentions who may see the objective (`mention`), and the owners of the
 * objective and of the key result (`comment_on_owned`) — never its author, and
 * an owner who is also mentioned hears of it once, as a mention. Run inside
 * the transaction that saves the comment.
 */
export async function notifyComment(tx: Executor, event: CommentEvent): Promise<void> {
  const mentionIds = parseMentions(event.body)
    .map((m) => m.userId)
    .filter((id) => id !== event.authorId);
  const mentioned = await mentionedWhoSee(tx, event, mentionIds);

  const owners = new Set([event.objective.ownerId]);
  if (event.keyResultId) {
    const [kr] = await tx
      .select({ ownerId: keyResults.ownerId })
      .from(keyResults)
      .where(and(eq(keyResults.organizationId, event.organizationId), eq(keyResults.id, event.keyResultId)))
      .limit(1);
    if (kr) owners.add(kr.ownerId);
  }
  owners.delete(event.authorId);
  for (const id of mentioned) owners.delete(id);
  if (mentioned.length === 0 && owners.size === 0) return;

  const author = await actorName(tx, event.authorId);
  const common = {
    organizationId: event.organizationId,
    body: preview(plainComment(event.body)),
    link: `/objectives/${event.objective.id}#comment-${event.commentId}`,
    actorId: event.authorId,
    payload: { objectiveId: event.objective.id, commentId: event.commentId },
  };
  await notify(tx, {
    ...common,
    kind: "mention",
    recipients: mentioned.map((userId) => ({ userId, dedupeKey: `mention:comment:${event.commentId}` })),
    title: `${author} mentioned you on “${event.objective.title}”`,
  });
  await notify(tx, {
    ...common,
    kind: "comment_on_owned",
    recipients: [...owners].map((userId) => ({ userId, dedupeKey: `comment:${event.commentId}` })),
    title: `${author} commented on “${event.objective.title}”`,
  });
}
