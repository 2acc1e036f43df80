import type { Metadata } from "next";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { TeamHomeView } from "./team-home-view";

export const metadata: Metadata = { title: "My teams" };

export default async function TeamHomePage() {
  await getQueryClient().prefetchQuery(trpc.objectives.teamAttention.queryOptions());
  return (
    <HydrateClient>
      <TeamHomeView />
    </HydrateClient>
  );
}
