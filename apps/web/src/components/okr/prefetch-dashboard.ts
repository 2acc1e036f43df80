import "server-only";
import { getQueryClient, trpc } from "~/trpc/server";

/**
 * Prefetches, on the server, what a page built on the cycle's dashboard asks
 * for (the dashboard and the cycle list), so the browser hydrates it and asks
 * the API once. Returns the dashboard input the view must ask with.
 */
export async function prefetchCycleDashboard(cycle: string | undefined) {
  const input = cycle ? { cycleId: cycle } : {};
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.objectives.dashboard.queryOptions(input)),
    queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
  ]);
  return input;
}
