import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { CampaignView } from "./campaign-view";

export const metadata: Metadata = { title: "Campaign" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.campaigns.get.queryOptions({ campaignId: id }));
  } catch {
    notFound();
  }
  await queryClient.prefetchQuery(trpc.me.get.queryOptions());
  return (
    <HydrateClient>
      <CampaignView campaignId={id} />
    </HydrateClient>
  );
}
