import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { nextKpiPage } from "./_components/kpi-pages";
import { KpisView } from "./kpis-view";

export const metadata: Metadata = { title: "KPIs" };

export default async function KpisPage() {
  await requireSessionUser();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(trpc.kpis.list.infiniteQueryOptions({}, { getNextPageParam: nextKpiPage })),
    queryClient.prefetchQuery(trpc.me.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <KpisView />
    </HydrateClient>
  );
}
