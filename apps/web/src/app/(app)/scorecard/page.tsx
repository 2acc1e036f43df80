import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ScorecardView } from "./scorecard-view";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  await requireSessionUser();
  const { period } = await searchParams;
  // The quarter lives in the URL (?period=any day of it), so a view can be shared and reloaded.
  const input = typeof period === "string" && period ? { period } : {};
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.scorecard.tree.queryOptions(input)),
    queryClient.prefetchQuery(trpc.scorecard.heatMap.queryOptions(input)),
  ]);
  return (
    <HydrateClient>
      <ScorecardView input={input} />
    </HydrateClient>
  );
}
