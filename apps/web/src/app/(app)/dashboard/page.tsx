import type { Metadata } from "next";
import { prefetchCycleDashboard } from "~/components/okr/prefetch-dashboard";
import { requireSessionUser } from "~/server/auth";
import { HydrateClient } from "~/trpc/server";
import { DashboardView } from "./dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ cycle?: string }> }) {
  await requireSessionUser();
  const { cycle } = await searchParams;
  // Prefetched here, hydrated in the browser: the page asks the API once.
  const input = await prefetchCycleDashboard(cycle);
  return (
    <HydrateClient>
      <DashboardView input={input} />
    </HydrateClient>
  );
}
