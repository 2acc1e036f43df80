import type { Metadata } from "next";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { CyclesAdmin } from "./_components/cycles-admin";

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
