import type { Metadata } from "next";
import { requirePermission } from "~/server/permissions";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { auditFiltersFrom } from "./_components/audit-filters";
import { AuditLog } from "./_components/audit-log";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePermission("audit.read");
  const filters = auditFiltersFrom(await searchParams);
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.users.list.queryOptions()),
    queryClient.prefetchQuery(trpc.audit.entityTypes.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <AuditLog filters={filters} />
    </HydrateClient>
  );
}
