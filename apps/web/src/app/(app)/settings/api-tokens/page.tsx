import type { Metadata } from "next";
import Link from "next/link";
import { Prefetched } from "~/components/settings/prefetched";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
import { ApiTokensAdmin } from "./_components/api-tokens-admin";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requirePermission("token.manage");
  return (
    <Prefetched queries={[trpc.apiTokens.list.queryOptions()]}>
      <p className="mb-4 text-sm text-slate-600">
        What a token can read and write, route by route: the{" "}
        <Link href="/developers/api" className="font-medium text-indigo-700 underline">
          API reference
        </Link>
        .
      </p>
      <ApiTokensAdmin />
    </Prefetched>
  );
}
