import type { Database } from "@meridian/db";
import type { Dashboard, ObjectiveNode } from "../../src";
import { callerFor } from "./callers";

/** Every node of an objective tree, depth first, parents before their children. */
export function flattenTree(nodes: readonly ObjectiveNode[]): ObjectiveNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** The dashboard `email` sees, of the current cycle or of `cycleId`; fails the test when there is none. */
export async function dashboardFor(db: Database, email: string, cycleId?: string): Promise<Dashboard> {
  const dashboard = await (await callerFor(db, email)).objectives.dashboard(cycleId ? { cycleId } : undefined);
  if (!dashboard) throw new Error("expected a dashboard");
  return dashboard;
}

/** The node of `objectiveId` on the dashboard; fails the test when it is not there. */
export function nodeOf(dashboard: Dashboard, objectiveId: string): ObjectiveNode {
  const found = flattenTree(dashboard.roots).find((n) => n.id === objectiveId);
  if (!found) throw new Error(`${objectiveId} is not on the dashboard`);
  return found;
}

/** The node of `objectiveId` on the dashboard `email` sees (of `cycleId`), or undefined when it is hidden. */
export async function dashboardNode(db: Database, email: string, objectiveId: string, cycleId?: string) {
  const dashboard = await (await callerFor(db, email)).objectives.dashboard(cycleId ? { cycleId } : undefined);
  return flattenTree(dashboard?.roots ?? []).find((n) => n.id === objectiveId);
}
