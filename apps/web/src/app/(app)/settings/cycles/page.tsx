import type { Metadata } from "next";
import { CyclesAdmin } from "~/components/settings/cycles-admin";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Cycles" };

export default async function CyclesPage() {
  await requirePermission("cycle.manage");
  await getQueryClient().prefetchQuery(trpc.cycles.list.queryOptions());
  return (
    <HydrateClient>
      <CyclesAdmin />
    </HydrateClient>
  );
}
