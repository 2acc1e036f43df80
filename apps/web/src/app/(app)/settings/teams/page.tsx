import type { Metadata } from "next";
import { Prefetched } from "~/components/settings/prefetched";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
import { TeamsAdmin } from "./_components/teams-admin";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  await requirePermission("team.manage");
  return (
    <Prefetched queries={[trpc.teams.list.queryOptions(), trpc.users.list.queryOptions()]}>
      <TeamsAdmin />
    </Prefetched>
  );
}
