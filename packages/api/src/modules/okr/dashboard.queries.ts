import { alias, and, eq, objectives, sql } from "@meridian/db";
import {
  PROGRESS_STATUSES,
  type ProgressStatus,
  type ZBranchSchema,
  type ZDashboardInputSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { jsonObject } from "../../lib/json-object";
import type { ViewerScope } from "../../lib/scope";
import { runShaped } from "../../lib/shaped-statement";
import { cycleInView } from "./cycle-in-view";
import type { CycleView } from "./cycles.queries";
import { AFTER_CURSOR_PLACEHOLDERS, cursorValues } from "./objective-cursor";
import { progressStatusOf, viewerValues, visibleTo } from "./objective-filters";
import { type ObjectiveRow, objectiveColumns, visibleOrNotFound } from "./objective-rows";
import {
  boundScope,
  type KeyResultJson,
  type KeyResultView,
  nestedKeyResults,
  type ObjectiveSummary,
  pageOf,
  type SqlScope,
  type SummaryRowJson,
  summaryRowsJson,
  toKeyResultViews,
  toSummary,
} from "./objective-summaries";

type SqlValue = string | ReturnType<typeof sql.placeholder>;

/** Roots per page of the dashboard, and aligned objectives per page of a branch. */
export const DASHBOARD_PAGE_SIZE = 50;

export interface Dashboard {
  cycle: CycleView;
  expected: number;
  /** Every visible objective of the cycle, by status. */
  totals: Record<ProgressStatus, number>;
  /** Objectives with no visible parent, lean: a branch's detail is loaded when it is opened. */
  roots: ObjectiveSummary[];
  nextCursor: string | null;
}

/**
 * The cycle's dashboard: status totals over every visible objective and one
 * page of the roots, both counted and paged in SQL from the stored rollups,
 * in one statement (one round trip after the request's membership).
 */
export async function getDashboard(
  scope: ViewerScope,
  input: z.output<typeof ZDashboardInputSchema>,
): Promise<Dashboard | null> {
  const view = await cycleInView(scope, input.cycleId, new Date());
  if (!view) return null;
  const { cycle, expected } = view;
  const cursor = input.cursor ? cursorValues(input.cursor) : null;
  const [row] = await runShaped<{ totals: Partial<Record<ProgressStatus, number>> | null; roots: SummaryRowJson[] }>(
    scope.db,
    `dashboard:${scope.viewer.role === "admin" ? "admin" : "other"}:${cursor ? "next" : "first"}`,
    () => {
      const bound = boundScope(scope);
      const cycleId = sql.placeholder("cycleId");
      const roots = and(
        eq(objectives.cycleId, cycleId),
        withoutVisibleParent(bound),
        cursor ? AFTER_CURSOR_PLACEHOLDERS : undefined,
      );
      return sql`select
        (select json_object_agg(t.status, t.count) from (${statusTotals(bound, cycleId, sql.placeholder("expected"))}) t)
          as totals,
        ${summaryRowsJson(bound, roots, { limit: DASHBOARD_PAGE_SIZE }, false)} as roots`;
    },
    { org: scope.org.id, cycleId: cycle.id, expected, ...viewerValues(scope.viewer), ...cursor },
  );
  const counted = row?.totals ?? {};
  const totals = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, counted[s] ?? 0])) as Record<
    ProgressStatus,
    number
  >;
  const page = pageOf(row?.roots ?? [], DASHBOARD_PAGE_SIZE);
  return {
    cycle,
    expected,
    totals,
    roots: page.rows.map((r) => toSummary(r, expected)),
    nextCursor: page.nextCursor,
  };
}

export interface Branch {
  objectiveId: string;
  expected: number;
  /** The opened objective's own key results (on its first page only). */
  keyResults: KeyResultView[];
  /** A page of the visible objectives aligned under it. */
  aligned: ObjectiveSummary[];
  nextCursor: string | null;
}

/**
 * What opening one objective on the dashboard shows: its key results and a page of what aligns
 * under it, read with the objective in one statement.
 */
export async function getBranch(scope: ViewerScope, input: z.output<typeof ZBranchSchema>): Promise<Branch> {
  const cursor = input.cursor ? cursorValues(input.cursor) : null;
  const [row] = await runShaped<{
    objective: ObjectiveRow;
    keyResults: KeyResultJson[] | null;
    aligned: SummaryRowJson[];
  }>(
    scope.db,
    `branch:${scope.viewer.role === "admin" ? "admin" : "other"}:${cursor ? "next" : "first"}`,
    () => {
      const bound = boundScope(scope);
      const objectiveId = sql.placeholder("objectiveId");
      const self = and(eq(objectives.organizationId, bound.org.id), eq(objectives.id, objectiveId));
      const under = and(
        sql`${objectives.cycleId} = (select ${objectives.cycleId} from ${objectives} where ${self})`,
        eq(objectives.parentId, objectiveId),
        cursor ? AFTER_CURSOR_PLACEHOLDERS : undefined,
      );
      // A later page of a branch shows only more aligned objectives, not the key results again.
      return sql`select ${jsonObject(objectiveColumns)} as objective,
        ${cursor ? sql`null` : nestedKeyResults()} as "keyResults",
        ${summaryRowsJson(bound, under, { limit: DASHBOARD_PAGE_SIZE }, false)} as aligned
        from ${objectives} where ${self}`;
    },
    { org: scope.org.id, objectiveId: input.objectiveId, ...viewerValues(scope.viewer), ...cursor },
  );
  const objective = visibleOrNotFound(scope.viewer, row?.objective);
  const view = await cycleInView(scope, objective.cycleId, new Date());
  if (!row || !view) throw new Error("an objective's cycle is always there");
  const { cycle, expected } = view;
  const aligned = pageOf(row.aligned, DASHBOARD_PAGE_SIZE);
  return {
    objectiveId: objective.id,
    expected,
    keyResults: toKeyResultViews(scope.viewer, cycle, expected, objective, row.keyResults ?? []),
    aligned: aligned.rows.map((r) => toSummary(r, expected)),
    nextCursor: aligned.nextCursor,
  };
}

/** A root is an objective whose parent the viewer cannot see here (none, another cycle's, archived, hidden). */
function withoutVisibleParent(scope: SqlScope) {
  const parent = alias(objectives, "root_parent");
  return sql`not exists (
    select 1 from "objectives" ${parent}
    where ${parent.organizationId} = ${objectives.organizationId} and ${parent.id} = ${objectives.parentId}
      and ${parent.cycleId} = ${objectives.cycleId} and ${parent.status} <> 'archived'
      and ${visibleTo(scope.viewer, parent)}
  )`;
}

/** Every visible objective of the cycle counted by status: rows (status, count). */
function statusTotals(scope: SqlScope, cycleId: SqlValue, expected: ReturnType<typeof sql.placeholder>) {
  return (
    scope.db
      .select({ status: progressStatusOf(expected).as("status"), count: sql<number>`count(*)::int`.as("count") })
      .from(objectives)
      .where(
        and(
          eq(objectives.organizationId, scope.org.id),
          eq(objectives.cycleId, cycleId),
          sql`${objectives.status} <> 'archived'`,
          visibleTo(scope.viewer),
        ),
      )
      // By position: the same expression written twice binds its parameters twice, and Postgres would not match them.
      .groupBy(sql`1`)
  );
}
