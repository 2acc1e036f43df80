import type { Metadata } from "next";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { NewExperimentForm } from "./new-experiment-form";

export const metadata: Metadata = { title: "New experiment" };

export default async function NewExperimentPage() {
  const me = await requirePermission("experiment.write");
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.teams.list.queryOptions());
  return (
    <HydrateClient>
      <NewExperimentForm userId={me.user.id} />
    </HydrateClient>
  );
}
