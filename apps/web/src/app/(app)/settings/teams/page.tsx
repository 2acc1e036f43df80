import type { Metadata } from "next";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { TeamsAdmin } from "./_components/teams-admin";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  await requirePermission("team.manage");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.teams.list.queryOptions()),
    queryClient.prefetchQuery(trpc.users.list.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <TeamsAdmin />
    </HydrateClient>
  );
}
