import type { Metadata } from "next";
import { personSearchInput } from "~/components/people/person-search";
import { teamSearchInput } from "~/components/teams/team-search";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { nextTeamPage, teamTreeInput } from "./_components/team-pages";
import { TeamsAdmin } from "./_components/teams-admin";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  await requirePermission("team.manage");
  const queryClient = getQueryClient();
  // The tree's first page, the new-team form's parent picker and the add-a-person pickers' first page of
  // people, asked as the browser will: the tree of a large organization comes a page at a time.
  await Promise.all([
    queryClient.prefetchInfiniteQuery(
      trpc.teams.search.infiniteQueryOptions(teamTreeInput(""), { getNextPageParam: nextTeamPage }),
    ),
    queryClient.prefetchQuery(trpc.teams.search.queryOptions(teamSearchInput(""))),
    queryClient.prefetchQuery(trpc.people.list.queryOptions(personSearchInput(""))),
  ]);
  return (
    <HydrateClient>
      <TeamsAdmin />
    </HydrateClient>
  );
}
