import type { Metadata } from "next";
import { Prefetched } from "~/components/settings/prefetched";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
import { UsersAdmin } from "./_components/users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePermission("user.manage");
  return (
    <Prefetched queries={[trpc.users.list.queryOptions()]}>
      <UsersAdmin currentUserId={me.user.id} />
    </Prefetched>
  );
}
