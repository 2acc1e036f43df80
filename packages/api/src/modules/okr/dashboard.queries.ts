import { alias, and, eq, ne, objectives, sql } from "@meridian/db";
import {
  PROGRESS_STATUSES,
  type ProgressStatus,
  type ZBranchSchema,
  type ZDashboardInputSchema,
} from "@meridian/domain";
import type { z } from "zod";
import type { ViewerScope } from "../../lib/scope";
import { cycleInView } from "./cycle-in-view";
import type { CycleView } from "./cycles.queries";
import { progressStatusOf, visibleTo } from "./objective-filters";
import { findVisibleObjective } from "./objective-rows";
import { type KeyResultView, keyResultViews, type ObjectiveSummary, summaryPage } from "./objective-summaries";

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
 * page of the roots, both counted and paged in SQL from the stored rollups.
 */
export async function getDashboard(
  scope: ViewerScope,
  input: z.output<typeof ZDashboardInputSchema>,
): Promise<Dashboard | null> {
  const view = await cycleInView(scope, input.cycleId, new Date());
  if (!view) return null;
  const { cycle, expected } = view;
  const inCycle = eq(objectives.cycleId, cycle.id);
  const [totals, roots] = await Promise.all([
    statusTotals(scope, cycle.id, expected),
    summaryPage(scope, expected, and(inCycle, withoutVisibleParent(scope)), {
      cursor: input.cursor,
      limit: DASHBOARD_PAGE_SIZE,
    }),
  ]);
  return { cycle, expected, totals, roots: roots.items, nextCursor: roots.nextCursor };
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

/** What opening one objective on the dashboard shows: its key results and a page of what aligns under it. */
export async function getBranch(scope: ViewerScope, input: z.output<typeof ZBranchSchema>): Promise<Branch> {
  const objective = await findVisibleObjective(scope.db, scope.org.id, scope.viewer, input.objectiveId);
  const view = await cycleInView(scope, objective.cycleId, new Date());
  if (!view) throw new Error("an objective's cycle is always there");
  const { cycle, expected } = view;
  const under = and(eq(objectives.cycleId, objective.cycleId), eq(objectives.parentId, objective.id));
  const [krs, aligned] = await Promise.all([
    input.cursor
      ? Promise.resolve(new Map<string, KeyResultView[]>())
      : keyResultViews(scope, cycle, expected, [objective]),
    summaryPage(scope, expected, under, { cursor: input.cursor, limit: DASHBOARD_PAGE_SIZE }),
  ]);
  return {
    objectiveId: objective.id,
    expected,
    keyResults: krs.get(objective.id) ?? [],
    aligned: aligned.items,
    nextCursor: aligned.nextCursor,
  };
}

/** A root is an objective whose parent the viewer cannot see here (none, another cycle's, archived, hidden). */
function withoutVisibleParent(scope: ViewerScope) {
  const parent = alias(objectives, "root_parent");
  return sql`not exists (
    select 1 from "objectives" ${parent}
    where ${parent.organizationId} = ${objectives.organizationId} and ${parent.id} = ${objectives.parentId}
      and ${parent.cycleId} = ${objectives.cycleId} and ${parent.status} <> 'archived'
      and ${visibleTo(scope.viewer, parent)}
  )`;
}

async function statusTotals(scope: ViewerScope, cycleId: string, expected: number) {
  const status = progressStatusOf(expected);
  const rows = await scope.db
    .select({ status, count: sql<number>`count(*)::int` })
    .from(objectives)
    .where(
      and(
        eq(objectives.organizationId, scope.org.id),
        eq(objectives.cycleId, cycleId),
        ne(objectives.status, "archived"),
        visibleTo(scope.viewer),
      ),
    )
    // By position: the same expression written twice binds its parameters twice, and Postgres would not match them.
    .groupBy(sql`1`);
  const totals = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const r of rows) totals[r.status] = r.count;
  return totals;
}
