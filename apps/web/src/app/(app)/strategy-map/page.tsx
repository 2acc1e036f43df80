import { ZIsoDate } from "@meridian/domain";
import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { StrategyMapView } from "./strategy-map-view";

export const metadata: Metadata = { title: "Strategy map" };

export default async function StrategyMapPage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  await requireSessionUser();
  const { period } = await searchParams;
  // An unreadable ?period= shows the current quarter rather than an error page.
  const input = period && ZIsoDate.safeParse(period).success ? { period } : {};
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.strategy.map.queryOptions(input)),
    queryClient.prefetchQuery(trpc.me.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <StrategyMapView input={input} />
    </HydrateClient>
  );
}
