import type { Metadata } from "next";
import { requireSessionUser } from "~/server/auth";
import { getCaller, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ReviewsView } from "./reviews-view";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage() {
  await requireSessionUser();
  const me = await (await getCaller()).me.get();
  const canManage = me.permissions.includes("review.manage");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.reviews.list.queryOptions()),
    queryClient.prefetchQuery(trpc.correctiveActions.listOpen.queryOptions()),
    ...(canManage
      ? [
          queryClient.prefetchQuery(trpc.cycles.list.queryOptions()),
          queryClient.prefetchQuery(trpc.teams.list.queryOptions()),
          queryClient.prefetchQuery(trpc.reviews.openable.queryOptions()),
        ]
      : []),
  ]);
  return (
    <HydrateClient>
      <ReviewsView canManage={canManage} today={new Date().toISOString().slice(0, 10)} />
    </HydrateClient>
  );
}
