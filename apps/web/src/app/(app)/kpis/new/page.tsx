import type { Metadata } from "next";
import { INPUT_CHOICES } from "~/components/kpi/input-choices";
import { personLookupInput, personSearchInput } from "~/components/people/person-search";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { NewKpiForm } from "./new-kpi-form";

export const metadata: Metadata = { title: "New KPI" };

export default async function NewKpiPage() {
  const me = await requirePermission("kpi.manage");
  const queryClient = getQueryClient();
  await Promise.all([
    // The owner picker's first page of people and the default owner's name, asked as the browser will.
    ...(me.organization?.role === "admin"
      ? [queryClient.prefetchQuery(trpc.people.list.queryOptions(personSearchInput("")))]
      : []),
    queryClient.prefetchQuery(trpc.people.list.queryOptions(personLookupInput(me.user.id))),
    queryClient.prefetchQuery(trpc.strategy.map.queryOptions({})),
    queryClient.prefetchQuery(trpc.kpis.list.queryOptions(INPUT_CHOICES)),
  ]);
  return (
    <HydrateClient>
      <NewKpiForm role={me.organization?.role ?? "manager"} userId={me.user.id} />
    </HydrateClient>
  );
}
