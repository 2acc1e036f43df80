import type { Metadata } from "next";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ApiTokensAdmin } from "./_components/api-tokens-admin";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requirePermission("token.manage");
  await getQueryClient().prefetchQuery(trpc.apiTokens.list.queryOptions());
  return (
    <HydrateClient>
      <ApiTokensAdmin />
    </HydrateClient>
  );
}
