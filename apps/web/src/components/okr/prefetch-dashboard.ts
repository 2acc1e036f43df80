import "server-only";
import { getQueryClient, trpc } from "~/trpc/server";
import { nextDashboardPage } from "./dashboard-pages";

/**
 * Prefetches, on the server, what a page built on the cycle's dashboard asks
 * for (the first page of roots and the cycle list), so the browser hydrates it
 * and asks the API once. Returns the dashboard input the view must ask with.
 */
export async function prefetchCycleDashboard(cycle: string | undefined) {
  const input = cycle ? { cycleId: cycle } : {};
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.objectives.dashboard.infiniteQueryOptions(input, { getNextPageParam: nextDashboardPage }),
    ),
    queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
  ]);
  return input;
}
