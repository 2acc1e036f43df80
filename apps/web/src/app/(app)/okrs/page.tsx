import type { Metadata } from "next";
import { personLookupInput, personSearchInput } from "~/components/people/person-search";
import { teamLookupInput, teamSearchInput } from "~/components/teams/team-search";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { listInputFrom, nextListPage, type OkrSearchParams } from "./_components/okr-filters";
import { OkrsView } from "./okrs-view";

export const metadata: Metadata = { title: "OKRs" };

/** Objectives in the first answer and in each "load more": a company's cycle holds thousands. */
const OKR_LIST_PAGE = 25;

export default async function OkrsPage({ searchParams }: { searchParams: Promise<OkrSearchParams> }) {
  const params = await searchParams;
  const input = { ...listInputFrom(params), limit: OKR_LIST_PAGE };
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.objectives.list.infiniteQueryOptions(input, { getNextPageParam: nextListPage }),
    ),
    queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
    // The team filter's picker: its first page of teams, and the name of the team filtered by.
    queryClient.prefetchQuery(trpc.teams.search.queryOptions(teamSearchInput(""))),
    ...(input.teamId ? [queryClient.prefetchQuery(trpc.teams.search.queryOptions(teamLookupInput(input.teamId)))] : []),
    queryClient.prefetchQuery(trpc.me.get.queryOptions()),
    // The owner filter's picker: its first page of people, and the name of the owner filtered by.
    queryClient.prefetchQuery(trpc.people.list.queryOptions(personSearchInput(""))),
    ...(input.ownerId
      ? [queryClient.prefetchQuery(trpc.people.list.queryOptions(personLookupInput(input.ownerId)))]
      : []),
  ]);
  return (
    <HydrateClient>
      <OkrsView params={params} input={input} />
    </HydrateClient>
  );
}
