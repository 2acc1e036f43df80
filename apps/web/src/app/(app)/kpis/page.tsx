import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { KpisView } from "./kpis-view";

export const metadata: Metadata = { title: "KPIs" };

export default async function KpisPage() {
  await requireSessionUser();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.kpis.list.queryOptions({})),
    queryClient.prefetchQuery(trpc.me.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <KpisView />
    </HydrateClient>
  );
}
