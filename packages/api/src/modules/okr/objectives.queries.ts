import {
  activityLog,
  and,
  asc,
  checkIns,
  comments,
  desc,
  eq,
  keyResults,
  objectives,
  perspectives,
  rows,
  type SQL,
  sql,
  strategicObjectives,
  users,
} from "@meridian/db";
import {
  can,
  canPublishObjective,
  canWriteObjective,
  expectedByNow,
  type ZObjectiveIdSchema,
  type ZObjectiveListSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { containsPattern } from "../../lib/contains-pattern";
import type { ViewerScope } from "../../lib/scope";
import { cycleInView } from "./cycle-in-view";
import { toCycleView } from "./cycles.queries";
import { DASHBOARD_PAGE_SIZE } from "./dashboard.queries";
import { progressStatusOf, visibleTo } from "./objective-filters";
import { findVisibleObjectiveAndCycle } from "./objective-rows";
import { nodePage, summaryPage } from "./objective-summaries";

/** A page of the cycle's visible objectives, filtered and searched in SQL: the Company and Team OKR views. */
export async function listObjectives(scope: ViewerScope, input: z.output<typeof ZObjectiveListSchema>) {
  const view = await cycleInView(scope, input.cycleId, new Date());
  if (!view) return null;
  const { cycle, expected } = view;
  const filters = and(
    eq(objectives.cycleId, cycle.id),
    input.teamId ? eq(objectives.teamId, input.teamId) : undefined,
    input.ownerId ? eq(objectives.ownerId, input.ownerId) : undefined,
    input.strategicObjectiveId ? eq(objectives.strategicObjectiveId, input.strategicObjectiveId) : undefined,
    input.level ? eq(objectives.level, input.level) : undefined,
    input.status ? eq(objectives.status, input.status) : undefined,
    input.atRisk ? sql`${progressStatusOf(expected)} in ('at_risk', 'off_track')` : undefined,
    input.q ? matching(input.q) : undefined,
  );
  const page = await nodePage(scope, cycle, expected, filters, { cursor: input.cursor, limit: input.limit });
  return { cycle, expected, objectives: page.items, nextCursor: page.nextCursor };
}

/**
 * Title, description or one of its active key results' titles contains the text, whatever the
 * case. Checked per objective as the page is walked in order (the key results through their
 * objective's index), so a page stops reading once it is full. `offset 0` keeps Postgres from
 * turning the EXISTS into a hash of every matching key result of the organization.
 */
function matching(q: string): SQL {
  const pattern = containsPattern(q);
  return sql`(${objectives.title} ilike ${pattern} or ${objectives.description} ilike ${pattern} or exists (
    select 1 from ${keyResults}
    where ${keyResults.organizationId} = ${objectives.organizationId} and ${keyResults.objectiveId} = ${objectives.id}
      and ${keyResults.archivedAt} is null and ${keyResults.title} ilike ${pattern}
    offset 0
  ))`;
}

/**
 * One objective's page: the objective with its key results, a page of what
 * aligns under it, the visible chain it contributes to, its check-in history,
 * comments, activity and what the caller may do. Reads only this objective's rows.
 */
export async function getObjective(scope: ViewerScope, input: z.output<typeof ZObjectiveIdSchema>) {
  const { viewer } = scope;
  const organizationId = scope.org.id;
  // The objective and its cycle in one round trip; then everything the page shows at once.
  const found = await findVisibleObjectiveAndCycle(scope.db, organizationId, viewer, input.objectiveId);
  const row = found.objective;
  if (!found.cycle) return null;
  const cycle = toCycleView(found.cycle);
  const expected = expectedByNow(cycle.start, cycle.end, new Date());
  const [path, self, aligned, history, discussion, activity, strategic] = await Promise.all([
    alignmentPath(scope, row.id),
    nodePage(scope, cycle, expected, eq(objectives.id, row.id), { limit: 1 }),
    summaryPage(scope, expected, and(eq(objectives.cycleId, row.cycleId), eq(objectives.parentId, row.id)), {
      limit: DASHBOARD_PAGE_SIZE,
    }),
    checkInHistory(scope, row.id),
    scope.db
      .select({
        id: comments.id,
        keyResultId: comments.keyResultId,
        body: comments.body,
        createdAt: comments.createdAt,
        authorName: users.name,
      })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(and(eq(comments.organizationId, organizationId), eq(comments.objectiveId, row.id)))
      .orderBy(asc(comments.createdAt)),
    activityOf(scope, row.id),
    // The scorecard's strategic objective this objective contributes to.
    row.strategicObjectiveId
      ? scope.db
          .select({
            id: strategicObjectives.id,
            name: strategicObjectives.name,
            perspectiveName: perspectives.name,
          })
          .from(strategicObjectives)
          .innerJoin(perspectives, eq(perspectives.id, strategicObjectives.perspectiveId))
          .where(
            and(
              eq(strategicObjectives.organizationId, organizationId),
              eq(strategicObjectives.id, row.strategicObjectiveId),
            ),
          )
          .limit(1)
      : [],
  ]);
  const summary = self.items[0];
  // Archived objectives have no page of their own.
  if (!summary) return null;
  const keyResultsShown = summary.keyResults;
  const parent = summary.parentId ? path.at(-1) : undefined;
  return {
    objective: summary,
    aligned: aligned.items,
    alignedNextCursor: aligned.nextCursor,
    cycle,
    expected,
    parent: parent ? { id: parent.id, title: parent.title } : null,
    /** The visible objectives it contributes to, from the top down to its parent, in any cycle. */
    path,
    strategicObjective: strategic[0] ?? null,
    checkIns: history,
    comments: discussion,
    activity,
    can: {
      edit: canWriteObjective(viewer, row) && cycle.status !== "closed",
      publish: row.status === "draft" && canPublishObjective(viewer, row),
      grade:
        cycle.status === "closed" &&
        (canWriteObjective(viewer, row) || keyResultsShown.some((kr) => kr.owner.id === scope.user.id)),
      comment: can(scope.org.role, "comment.create"),
    },
  };
}

/** Walks up the alignment in one recursive query, stopping at the first objective the viewer may not see. */
async function alignmentPath(scope: ViewerScope, objectiveId: string) {
  const organizationId = scope.org.id;
  const result = await scope.db.execute(sql`
    with recursive up(id, title, parent_id, depth) as (
      select ${objectives.id}, ${objectives.title}, ${objectives.parentId}, 0 from ${objectives}
      where ${objectives.organizationId} = ${organizationId} and ${objectives.id} = ${objectiveId}
      union all
      select ${objectives.id}, ${objectives.title}, ${objectives.parentId}, up.depth + 1 from up
      join ${objectives} on ${objectives.organizationId} = ${organizationId} and ${objectives.id} = up.parent_id
      where up.depth < 50 and ${objectives.status} <> 'archived' and ${visibleTo(scope.viewer)}
    )
    select id, title from up where depth > 0 order by depth desc`);
  return rows<{ id: string; title: string }>(result);
}

function checkInHistory(scope: ViewerScope, objectiveId: string) {
  return (
    scope.db
      .select({
        id: checkIns.id,
        keyResultId: checkIns.keyResultId,
        value: checkIns.value,
        confidence: checkIns.confidence,
        comment: checkIns.comment,
        createdAt: checkIns.createdAt,
        editedAt: checkIns.editedAt,
        authorId: checkIns.authorId,
        authorName: users.name,
      })
      .from(checkIns)
      .innerJoin(
        keyResults,
        and(eq(keyResults.organizationId, checkIns.organizationId), eq(keyResults.id, checkIns.keyResultId)),
      )
      .innerJoin(users, eq(users.id, checkIns.authorId))
      .where(
        and(
          eq(checkIns.organizationId, scope.org.id),
          eq(keyResults.objectiveId, objectiveId),
          sql`${keyResults.archivedAt} is null`,
        ),
      )
      // Each key result's history in the order it was recorded (its current value follows the same order).
      .orderBy(asc(checkIns.keyResultId), asc(checkIns.seq))
  );
}

/** The newest 100 entries about the objective and its active key results. */
function activityOf(scope: ViewerScope, objectiveId: string) {
  return scope.db
    .select({
      id: activityLog.id,
      action: activityLog.action,
      entityType: activityLog.entityType,
      entityId: activityLog.entityId,
      details: activityLog.details,
      createdAt: activityLog.createdAt,
      actorName: users.name,
    })
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.actorId))
    .where(
      and(
        eq(activityLog.organizationId, scope.org.id),
        sql`((${activityLog.entityType} = 'objective' and ${activityLog.entityId} = ${objectiveId})
          or (${activityLog.entityType} = 'key_result' and ${activityLog.entityId} in (
            select ${keyResults.id} from ${keyResults}
            where ${keyResults.organizationId} = ${scope.org.id} and ${keyResults.objectiveId} = ${objectiveId}
              and ${keyResults.archivedAt} is null)))`,
      ),
    )
    .orderBy(desc(activityLog.createdAt))
    .limit(100);
}
