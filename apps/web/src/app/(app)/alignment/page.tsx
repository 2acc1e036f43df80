import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { AlignmentView } from "./alignment-view";

export const metadata: Metadata = { title: "Alignment" };

export default async function AlignmentPage({ searchParams }: { searchParams: Promise<{ cycle?: string }> }) {
  await requireSessionUser();
  const { cycle } = await searchParams;
  const input = cycle ? { cycleId: cycle } : {};
  const queryClient = getQueryClient();
  // The dashboard already leaves out what this viewer may not see; the page draws only that.
  await Promise.all([
    queryClient.prefetchQuery(trpc.objectives.dashboard.queryOptions(input)),
    queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <AlignmentView input={input} />
    </HydrateClient>
  );
}
