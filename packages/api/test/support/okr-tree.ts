import type { Database } from "@meridian/db";
import type { Dashboard, KeyResultView, ObjectiveSummary } from "../../src";
import { callerFor } from "./callers";

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** An objective as the dashboard shows it once every branch is opened. */
export interface TreeNode extends ObjectiveSummary {
  keyResults: KeyResultView[];
  children: TreeNode[];
}

export interface OpenedDashboard extends Omit<Dashboard, "roots" | "nextCursor"> {
  roots: TreeNode[];
}

/** Every node of an objective tree, depth first, parents before their children. */
export function flattenTree(nodes: readonly TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/**
 * The dashboard with every page of roots read and every branch opened, through
 * `objectives.dashboard` and `objectives.branch` as the browser would: the whole
 * visible tree, for tests that check what it holds.
 */
export async function openDashboard(caller: Caller, cycleId?: string): Promise<OpenedDashboard | null> {
  const first = await caller.objectives.dashboard(cycleId ? { cycleId } : undefined);
  if (!first) return null;
  const summaries = [...first.roots];
  for (let cursor = first.nextCursor; cursor; ) {
    const next = await caller.objectives.dashboard({ cycleId: first.cycle.id, cursor });
    if (!next) break;
    summaries.push(...next.roots);
    cursor = next.nextCursor;
  }
  const open = async (summary: ObjectiveSummary): Promise<TreeNode> => {
    const branch = await caller.objectives.branch({ objectiveId: summary.id });
    const aligned = [...branch.aligned];
    for (let cursor = branch.nextCursor; cursor; ) {
      const next = await caller.objectives.branch({ objectiveId: summary.id, cursor });
      aligned.push(...next.aligned);
      cursor = next.nextCursor;
    }
    return { ...summary, keyResults: branch.keyResults, children: await Promise.all(aligned.map(open)) };
  };
  const { nextCursor: _, roots: __, ...header } = first;
  return { ...header, roots: await Promise.all(summaries.map(open)) };
}

/** The opened dashboard `email` sees, of the current cycle or of `cycleId`; fails the test when there is none. */
export async function dashboardFor(db: Database, email: string, cycleId?: string): Promise<OpenedDashboard> {
  const dashboard = await openDashboard(await callerFor(db, email), cycleId);
  if (!dashboard) throw new Error("expected a dashboard");
  return dashboard;
}

/** The node of `objectiveId` on the dashboard; fails the test when it is not there. */
export function nodeOf(dashboard: OpenedDashboard, objectiveId: string): TreeNode {
  const found = flattenTree(dashboard.roots).find((n) => n.id === objectiveId);
  if (!found) throw new Error(`${objectiveId} is not on the dashboard`);
  return found;
}

/** The node of `objectiveId` on the dashboard `email` sees (of `cycleId`), or undefined when it is hidden. */
export async function dashboardNode(db: Database, email: string, objectiveId: string, cycleId?: string) {
  const dashboard = await openDashboard(await callerFor(db, email), cycleId);
  return flattenTree(dashboard?.roots ?? []).find((n) => n.id === objectiveId);
}
