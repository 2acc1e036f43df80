import {
  type AnyPgColumn,
  activityLog,
  alias,
  and,
  checkIns,
  comments,
  eq,
  keyResults,
  objectives,
  perspectives,
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
import { jsonObject } from "../../lib/json-object";
import type { ViewerScope } from "../../lib/scope";
import { runShaped } from "../../lib/shaped-statement";
import { cycleInView } from "./cycle-in-view";
import { toCycleView } from "./cycles.queries";
import { DASHBOARD_PAGE_SIZE } from "./dashboard.queries";
import { AFTER_CURSOR_PLACEHOLDERS, cursorValues } from "./objective-cursor";
import { progressStatusOf, viewerValues, visibleTo } from "./objective-filters";
import { findVisibleObjectiveAndCycle, type ObjectiveRow, objectiveColumns, visibleOrNotFound } from "./objective-rows";
import {
  boundScope,
  nodePage,
  pageOf,
  type SqlScope,
  type SummaryRowJson,
  summaryRowsJson,
  toNode,
  toSummary,
} from "./objective-summaries";

/** A page of the cycle's visible objectives, filtered and searched in SQL: the Company and Team OKR views. */
export async function listObjectives(scope: ViewerScope, input: z.output<typeof ZObjectiveListSchema>) {
  const view = await cycleInView(scope, input.cycleId, new Date());
  if (!view) return null;
  const { cycle, expected } = view;
  const cursor = input.cursor ? cursorValues(input.cursor) : null;
  // What varies per request is a placeholder; which filters are given is the statement's shape.
  const given = {
    teamId: input.teamId,
    ownerId: input.ownerId,
    strategicObjectiveId: input.strategicObjectiveId,
    level: input.level,
    status: input.status,
    pattern: input.q ? containsPattern(input.q) : undefined,
  };
  const values: Record<string, string | number> = { org: scope.org.id, cycleId: cycle.id, limit: input.limit + 1 };
  for (const [key, value] of Object.entries(given)) if (value !== undefined) values[key] = value;
  if (input.atRisk) values.expected = expected;
  const shape = [
    "objective-list",
    scope.viewer.role === "admin" ? "admin" : "other",
    ...Object.keys(values),
    cursor ? "next" : "first",
  ].join(":");
  const P = sql.placeholder;
  const [row] = await runShaped<{ page: SummaryRowJson[] }>(
    scope.db,
    shape,
    () => {
      const filters = and(
        eq(objectives.cycleId, P("cycleId")),
        given.teamId ? eq(objectives.teamId, P("teamId")) : undefined,
        given.ownerId ? eq(objectives.ownerId, P("ownerId")) : undefined,
        given.strategicObjectiveId ? eq(objectives.strategicObjectiveId, P("strategicObjectiveId")) : undefined,
        given.level ? eq(objectives.level, P("level")) : undefined,
        given.status ? eq(objectives.status, P("status")) : undefined,
        input.atRisk ? sql`${progressStatusOf(P("expected"))} in ('at_risk', 'off_track')` : undefined,
        given.pattern ? matching(P("pattern")) : undefined,
        cursor ? AFTER_CURSOR_PLACEHOLDERS : undefined,
      );
      return sql`select ${summaryRowsJson(boundScope(scope), filters, { limit: P("limit") }, true)} as page`;
    },
    { ...values, ...viewerValues(scope.viewer), ...cursor },
  );
  const page = pageOf(row?.page ?? [], input.limit);
  return {
    cycle,
    expected,
    objectives: page.rows.map((r) => toNode(scope.viewer, cycle, expected, r)),
    nextCursor: page.nextCursor,
  };
}

/**
 * One visible objective with its key results and progress, lean (no history, comments or
 * activity): what the REST API answers. Two statements: the objective and its cycle, to check
 * visibility by the domain's rule, then its row as every list reads it. Archived: null.
 */
export async function getObjectiveNode(scope: ViewerScope, input: z.output<typeof ZObjectiveIdSchema>) {
  const found = await findVisibleObjectiveAndCycle(scope.db, scope.org.id, scope.viewer, input.objectiveId);
  if (!found.cycle || found.objective.status === "archived") return null;
  const cycle = toCycleView(found.cycle);
  const expected = expectedByNow(cycle.start, cycle.end, new Date());
  const page = await nodePage(scope, cycle, expected, eq(objectives.id, found.objective.id), { limit: 1 });
  const objective = page.items[0];
  return objective ? { objective, expected } : null;
}

/**
 * Title, description or one of its active key results' titles contains the text, whatever the
 * case. Checked per objective as the page is walked in order (the key results through their
 * objective's index), so a page stops reading once it is full. `offset 0` keeps Postgres from
 * turning the EXISTS into a hash of every matching key result of the organization.
 */
function matching(pattern: ReturnType<typeof sql.placeholder>): SQL {
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
 * comments, activity and what the caller may do. Reads only this objective's
 * rows, in one statement (after the request's membership): each part is a JSON
 * column of the one row, mapped here by the same functions the lists use.
 */
export async function getObjective(scope: ViewerScope, input: z.output<typeof ZObjectiveIdSchema>) {
  const { viewer } = scope;
  const [page] = await runShaped<ObjectivePageRow>(
    scope.db,
    `objective-page:${viewer.role === "admin" ? "admin" : "other"}`,
    () => objectivePageStatement(boundScope(scope), sql.placeholder("objectiveId")),
    { org: scope.org.id, objectiveId: input.objectiveId, ...viewerValues(viewer) },
  );
  const row = visibleOrNotFound(viewer, page?.objective ?? undefined);
  const view = await cycleInView(scope, row.cycleId, new Date());
  if (!page || !view) return null;
  const { cycle, expected } = view;
  const selfRow = page.self[0];
  // Archived objectives have no page of their own.
  if (!selfRow) return null;
  const summary = toNode(viewer, cycle, expected, selfRow);
  const aligned = pageOf(page.aligned, DASHBOARD_PAGE_SIZE);
  const keyResultsShown = summary.keyResults;
  const parent = summary.parentId ? page.path.at(-1) : undefined;
  const instant = (t: string) => new Date(t);
  return {
    objective: summary,
    aligned: aligned.rows.map((r) => toSummary(r, expected)),
    alignedNextCursor: aligned.nextCursor,
    cycle,
    expected,
    parent: parent ? { id: parent.id, title: parent.title } : null,
    /** The visible objectives it contributes to, from the top down to its parent, in any cycle. */
    path: page.path,
    strategicObjective: page.strategic,
    checkIns: page.checkIns.map((c) => ({
      ...c,
      createdAt: instant(c.createdAt),
      editedAt: c.editedAt === null ? null : instant(c.editedAt),
    })),
    comments: page.comments.map((c) => ({ ...c, createdAt: instant(c.createdAt) })),
    activity: page.activity.map((a) => ({ ...a, createdAt: instant(a.createdAt) })),
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

/** The one row of objectivePageStatement: JSON columns (instants as text). */
interface ObjectivePageRow {
  objective: ObjectiveRow | null;
  self: SummaryRowJson[];
  aligned: SummaryRowJson[];
  path: { id: string; title: string }[];
  strategic: { id: string; name: string; perspectiveName: string } | null;
  checkIns: {
    id: string;
    keyResultId: string;
    value: number;
    confidence: number;
    comment: string;
    createdAt: string;
    editedAt: string | null;
    authorId: string;
    authorName: string;
  }[];
  comments: { id: string; keyResultId: string | null; body: string; createdAt: string; authorName: string }[];
  activity: {
    id: string;
    action: string;
    entityType: string;
    entityId: string;
    details: Record<string, unknown>;
    createdAt: string;
    actorName: string | null;
  }[];
}

/**
 * Everything objectives.get shows, as one row: the objective (to check visibility by the domain's
 * rule), its summary with key results, a page of what aligns under it, the visible path above it,
 * its strategic objective, check-ins, comments and the newest 100 activity entries. Every part is
 * keyed by the organization and the objective, so the statement reads only this objective's rows.
 */
function objectivePageStatement(scope: SqlScope, objectiveId: ReturnType<typeof sql.placeholder>): SQL {
  const organizationId = scope.org.id;
  const target = alias(objectives, "target");
  const up = alias(objectives, "up_parent");
  const kr = alias(keyResults, "page_kr");
  const author = alias(users, "page_author");
  const isTarget = sql`${target.organizationId} = ${organizationId} and ${target.id} = ${objectiveId}`;
  const activeKeyResults = sql`select ${kr.id} from "key_results" ${kr}
    where ${kr.organizationId} = ${organizationId} and ${kr.objectiveId} = ${objectiveId} and ${kr.archivedAt} is null`;
  const targetColumns = Object.fromEntries(
    Object.entries(objectiveColumns).map(([key]) => [key, target[key as keyof typeof objectiveColumns]]),
  ) as Record<string, AnyPgColumn>;
  return sql`
    with recursive up(id, title, parent_id, depth) as (
      select ${target.id}, ${target.title}, ${target.parentId}, 0 from "objectives" ${target} where ${isTarget}
      union all
      select ${up.id}, ${up.title}, ${up.parentId}, up.depth + 1 from up
      join "objectives" ${up} on ${up.organizationId} = ${organizationId} and ${up.id} = up.parent_id
      where up.depth < 50 and ${up.status} <> 'archived' and ${visibleTo(scope.viewer, up)}
    )
    select
      (select ${jsonObject(targetColumns)} from "objectives" ${target} where ${isTarget}) as objective,
      ${summaryRowsJson(scope, eq(objectives.id, objectiveId), { limit: 1 }, true)} as self,
      ${summaryRowsJson(
        scope,
        and(
          sql`${objectives.cycleId} = (select ${target.cycleId} from "objectives" ${target} where ${isTarget})`,
          eq(objectives.parentId, objectiveId),
        ),
        { limit: DASHBOARD_PAGE_SIZE },
        false,
      )} as aligned,
      (select coalesce(json_agg(json_build_object('id', id, 'title', title) order by depth desc), '[]'::json)
        from up where depth > 0) as path,
      (select ${jsonObject({
        id: strategicObjectives.id,
        name: strategicObjectives.name,
        perspectiveName: perspectives.name,
      })}
        from ${strategicObjectives} join ${perspectives} on ${perspectives.id} = ${strategicObjectives.perspectiveId}
        where ${strategicObjectives.organizationId} = ${organizationId}
          and ${strategicObjectives.id} = (select ${target.strategicObjectiveId} from "objectives" ${target} where ${isTarget})
        limit 1) as strategic,
      (select coalesce(json_agg(${jsonObject({
        id: checkIns.id,
        keyResultId: checkIns.keyResultId,
        value: checkIns.value,
        confidence: checkIns.confidence,
        comment: checkIns.comment,
        createdAt: checkIns.createdAt,
        editedAt: checkIns.editedAt,
        authorId: checkIns.authorId,
        authorName: author.name,
      })} order by ${checkIns.keyResultId}, ${checkIns.seq}), '[]'::json) -- each key result's history as recorded
        from ${checkIns} join "users" ${author} on ${author.id} = ${checkIns.authorId}
        where ${checkIns.organizationId} = ${organizationId} and ${checkIns.keyResultId} in (${activeKeyResults})
      ) as "checkIns",
      (select coalesce(json_agg(${jsonObject({
        id: comments.id,
        keyResultId: comments.keyResultId,
        body: comments.body,
        createdAt: comments.createdAt,
        authorName: author.name,
      })} order by ${comments.createdAt}), '[]'::json)
        from ${comments} join "users" ${author} on ${author.id} = ${comments.authorId}
        where ${comments.organizationId} = ${organizationId} and ${comments.objectiveId} = ${objectiveId}
      ) as comments,
      (select coalesce(json_agg(newest.j order by newest.at desc), '[]'::json) from (
        select ${jsonObject({
          id: activityLog.id,
          action: activityLog.action,
          entityType: activityLog.entityType,
          entityId: activityLog.entityId,
          details: activityLog.details,
          createdAt: activityLog.createdAt,
          actorName: author.name,
        })} as j, ${activityLog.createdAt} as at
        from ${activityLog} left join "users" ${author} on ${author.id} = ${activityLog.actorId}
        where ${activityLog.organizationId} = ${organizationId}
          and ((${activityLog.entityType} = 'objective' and ${activityLog.entityId} = ${objectiveId})
            or (${activityLog.entityType} = 'key_result' and ${activityLog.entityId} in (${activeKeyResults})))
        order by ${activityLog.createdAt} desc
        limit 100) newest
      ) as activity`;
}
