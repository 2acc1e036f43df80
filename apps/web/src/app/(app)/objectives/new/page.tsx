import type { Metadata } from "next";
import { ownerChoices, ownerPickerProps } from "~/components/people/owner-choices";
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
  const role = me.organization?.role ?? "member";
  const queryClient = getQueryClient();
  const [, teams] = await Promise.all([
    queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
    queryClient.fetchQuery(trpc.teams.list.queryOptions()),
  ]);
  // The key result owner pickers of an admin (anyone) or a manager (the people of the teams they
  // lead) start from the first page of people, asked as the browser will.
  const owners = ownerChoices(role, me.user.id, teams);
  if (!Array.isArray(owners)) {
    await queryClient.prefetchQuery(
      trpc.people.list.queryOptions(personSearchInput("", ownerPickerProps(owners).teamIds)),
    );
  }
  return (
    <HydrateClient>
      <NewObjectiveForm
        role={role}
        userId={me.user.id}
        initialCycleId={cycle ?? null}
        initialParentId={parent ?? null}
      />
    </HydrateClient>
  );
}
