import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { DashboardView } from "./dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ cycle?: string }> }) {
  await requireSessionUser();
  const { cycle } = await searchParams;
  const input = cycle ? { cycleId: cycle } : {};
  const queryClient = getQueryClient();
  // Prefetched here, hydrated in the browser: the page asks the API once.
  await Promise.all([
    queryClient.prefetchQuery(trpc.objectives.dashboard.queryOptions(input)),
    queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <DashboardView input={input} />
    </HydrateClient>
  );
}
