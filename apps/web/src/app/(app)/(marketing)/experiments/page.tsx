import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { nextExperimentPage } from "./_components/experiment-pages";
import { ExperimentsView } from "./experiments-view";

export const metadata: Metadata = { title: "Experiments" };

export default async function ExperimentsPage() {
  await requireSessionUser();
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.experiments.list.infiniteQueryOptions({}, { getNextPageParam: nextExperimentPage }),
    ),
    queryClient.prefetchQuery(trpc.me.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <ExperimentsView />
    </HydrateClient>
  );
}
