import type { Metadata } from "next";
import { personLookupInput, personSearchInput } from "~/components/people/person-search";
import { Prefetched } from "~/components/settings/prefetched";
import { requirePermission } from "~/server/permissions";
import { trpc } from "~/trpc/server";
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
  return (
    <Prefetched
      queries={[
        // The person filter's first page of people (and the chosen one's name), asked as the browser will.
        trpc.users.list.queryOptions(personSearchInput("")),
        ...(filters.actorId ? [trpc.people.list.queryOptions(personLookupInput(filters.actorId))] : []),
        trpc.audit.entityTypes.queryOptions(),
      ]}
    >
      <AuditLog filters={filters} />
    </Prefetched>
  );
}
