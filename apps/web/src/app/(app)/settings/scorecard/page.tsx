import type { Metadata } from "next";
import { personSearchInput } from "~/components/people/person-search";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { PerspectivesAdmin } from "./_components/perspectives-admin";
import { StrategicObjectivesAdmin } from "./_components/strategic-objectives-admin";

export const metadata: Metadata = { title: "Scorecard settings" };

export default async function ScorecardSettingsPage() {
  await requirePermission("strategy.manage");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.perspectives.list.queryOptions()),
    queryClient.prefetchQuery(trpc.strategy.map.queryOptions({})),
    // The owner pickers' first page of people, asked as the browser will.
    queryClient.prefetchQuery(trpc.people.list.queryOptions(personSearchInput(""))),
    queryClient.prefetchQuery(trpc.me.get.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <div className="space-y-6">
        <PerspectivesAdmin />
        <StrategicObjectivesAdmin />
      </div>
    </HydrateClient>
  );
}
