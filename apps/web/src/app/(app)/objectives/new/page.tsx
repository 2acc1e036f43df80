import type { Metadata } from "next";
import { personSearchInput } from "~/components/people/person-search";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { NewObjectiveForm } from "./new-objective-form";

export const metadata: Metadata = { title: "New objective" };

export default async function NewObjectivePage({
  searchParams,
}: {
  searchParams: Promise<{ cycle?: string; parent?: string }>;
}) {
  const me = await requirePermission("objective.write");
  const { cycle, parent } = await searchParams;
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
    queryClient.prefetchQuery(trpc.teams.list.queryOptions()),
    // An admin's key result owner pickers start from the first page of people, asked as the browser will.
    ...(me.organization?.role === "admin"
      ? [queryClient.prefetchQuery(trpc.people.list.queryOptions(personSearchInput("")))]
      : []),
  ]);
  return (
    <HydrateClient>
      <NewObjectiveForm
        role={me.organization?.role ?? "member"}
        userId={me.user.id}
        initialCycleId={cycle ?? null}
        initialParentId={parent ?? null}
      />
    </HydrateClient>
  );
}
