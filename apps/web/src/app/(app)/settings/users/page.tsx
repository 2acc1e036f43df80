import type { Metadata } from "next";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { nextUserPage, userListInput } from "./_components/user-pages";
import { UsersAdmin } from "./_components/users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePermission("user.manage");
  // The table's first page, asked with the input the browser starts from.
  await getQueryClient().prefetchInfiniteQuery(
    trpc.users.list.infiniteQueryOptions(userListInput({ q: "", role: "", status: "" }), {
      getNextPageParam: nextUserPage,
    }),
  );
  return (
    <HydrateClient>
      <UsersAdmin currentUserId={me.user.id} />
    </HydrateClient>
  );
}
