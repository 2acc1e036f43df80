import type { Metadata } from "next";
import { Prefetched } from "~/components/settings/prefetched";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
import { ApiTokensAdmin } from "./_components/api-tokens-admin";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requirePermission("token.manage");
  return (
    <Prefetched queries={[trpc.apiTokens.list.queryOptions()]}>
      <ApiTokensAdmin />
    </Prefetched>
  );
}
