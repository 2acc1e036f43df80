import { ZWebhookEndpointIdSchema } from "@meridian/domain";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "~/server/permissions";
import { fetchOnServer, getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { DELIVERY_PAGE_SIZE, DeliveryLog } from "./_components/delivery-log";

export const metadata: Metadata = { title: "Webhook deliveries" };

type Params = Promise<{ endpointId: string }>;

/** One endpoint's delivery log, newest first; an id that is not a uuid or not this organization's is not found. */
export default async function WebhookDeliveriesPage({ params }: { params: Params }) {
  await requirePermission("webhook.manage");
  const input = ZWebhookEndpointIdSchema.safeParse({ endpointId: (await params).endpointId });
  if (!input.success) notFound();
  try {
    await fetchOnServer(trpc.webhooks.get.queryOptions(input.data));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  await getQueryClient().prefetchInfiniteQuery(
    trpc.webhooks.deliveries.infiniteQueryOptions(
      { endpointId: input.data.endpointId, limit: DELIVERY_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <DeliveryLog endpointId={input.data.endpointId} />
    </HydrateClient>
  );
}
