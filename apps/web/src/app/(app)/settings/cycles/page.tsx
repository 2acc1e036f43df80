import type { Metadata } from "next";
import { Prefetched } from "~/components/settings/prefetched";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
import { CyclesAdmin } from "./_components/cycles-admin";

export const metadata: Metadata = { title: "Cycles" };

export default async function CyclesPage() {
  await requirePermission("cycle.manage");
  return (
    <Prefetched queries={[trpc.cycles.list.queryOptions()]}>
      <CyclesAdmin />
    </Prefetched>
  );
}
