import type { Metadata } from "next";
import { personSearchInput } from "~/components/people/person-search";
import { Prefetched } from "~/components/settings/prefetched";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
import { TeamsAdmin } from "./_components/teams-admin";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  await requirePermission("team.manage");
  // The add-a-person pickers' first page of people, asked as the browser will.
  return (
    <Prefetched queries={[trpc.teams.list.queryOptions(), trpc.people.list.queryOptions(personSearchInput(""))]}>
      <TeamsAdmin />
    </Prefetched>
  );
}
