import type { Metadata } from "next";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { UsersAdmin } from "./_components/users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePermission("user.manage");
  await getQueryClient().prefetchQuery(trpc.users.list.queryOptions());
  return (
    <HydrateClient>
      <UsersAdmin currentUserId={me.user.id} />
    </HydrateClient>
  );
}
