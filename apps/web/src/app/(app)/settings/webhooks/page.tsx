import type { Metadata } from "next";
import { Prefetched } from "~/components/settings/prefetched";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
import { WebhooksAdmin } from "./_components/webhooks-admin";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePermission("webhook.manage");
  return (
    <Prefetched queries={[trpc.webhooks.list.queryOptions()]}>
      <WebhooksAdmin />
    </Prefetched>
  );
}
