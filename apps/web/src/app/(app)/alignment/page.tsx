import type { Metadata } from "next";
import { prefetchCycleDashboard } from "~/components/okr/prefetch-dashboard";
import { requireSessionUser } from "~/server/auth";
import { HydrateClient } from "~/trpc/server";
import { AlignmentView } from "./alignment-view";

export const metadata: Metadata = { title: "Alignment" };

export default async function AlignmentPage({ searchParams }: { searchParams: Promise<{ cycle?: string }> }) {
  await requireSessionUser();
  const { cycle } = await searchParams;
  // The dashboard already leaves out what this viewer may not see; the page draws only that.
  const input = await prefetchCycleDashboard(cycle);
  return (
    <HydrateClient>
      <AlignmentView input={input} />
    </HydrateClient>
  );
}
