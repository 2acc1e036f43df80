"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { PersonPicker } from "~/components/people/person-picker";
import { SettingsSection } from "~/components/settings/settings-section";
import { TableHead } from "~/components/settings/table-head";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { ScrollBox } from "~/components/ui/scroll-box";
import { Select } from "~/components/ui/select";
import { useTRPC } from "~/trpc/react";
import { type AuditChange, formatAuditChanges } from "./audit-changes";
import { type AuditFilters, FILTER_KEYS } from "./audit-filters";

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function AuditLog({ filters }: { filters: AuditFilters }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const { data: entityTypes = [] } = useQuery(trpc.audit.entityTypes.queryOptions());
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: (page) => page.nextCursor }),
  );

  const setFilter = (key: keyof AuditFilters, value: string) => {
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = k === key ? value : filters[k];
      if (v) next.set(k, v);
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <SettingsSection title="Activity">
      <form
        aria-label="Filter the activity"
        className="mt-3 grid gap-3 sm:grid-cols-4"
        onSubmit={(e) => e.preventDefault()}
      >
        <div>
          <label htmlFor="filter-person" className="block text-xs font-medium text-slate-600">
            Person
          </label>
          {/* Deactivated people acted too: searched among everyone (users.list), not the active people only. */}
          <PersonPicker
            id="filter-person"
            source="users"
            value={filters.actorId ?? ""}
            onChange={(v) => setFilter("actorId", v)}
            emptyLabel="Any"
            className="mt-1"
          />
        </div>
        <FilterSelect
          label="Kind of item"
          value={filters.entityType ?? ""}
          onChange={(v) => setFilter("entityType", v)}
          options={entityTypes.map((t) => ({ value: t, label: t.replace(/_/g, " ") }))}
        />
        <DateFilter label="From" value={filters.from ?? ""} onChange={(v) => setFilter("from", v)} />
        <DateFilter label="To" value={filters.to ?? ""} onChange={(v) => setFilter("to", v)} />
      </form>
      <div className="mt-4">
        <Alert>{log.error?.message}</Alert>
      </div>
      <ScrollBox label="Audit log" className="mt-2">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <TableHead columns={["When (UTC)", "Who", "What", "Details"]} />
          <tbody className="divide-y divide-slate-100">
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="py-2 whitespace-nowrap text-slate-600">
                  {timeFormat.format(new Date(entry.createdAt))}
                </td>
                <td className="py-2 text-slate-900">{entry.actorName ?? "System"}</td>
                <td className="py-2">
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                    {entry.action}
                  </span>
                </td>
                <td className="max-w-md py-2 text-xs text-slate-700">
                  <AuditChanges changes={formatAuditChanges(entry.action, entry.details)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {entries.length === 0 && !log.isPending && (
        <p className="py-6 text-center text-sm text-slate-500">No activity matches.</p>
      )}
      {log.hasNextPage && (
        <div className="mt-4 text-center">
          <Button variant="secondary" disabled={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
            {log.isFetchingNextPage ? "Loading…" : "Show older activity"}
          </Button>
        </div>
      )}
    </SettingsSection>
  );
}

/** "field: old → new" per line; the arrow is read out as "changed to". */
function AuditChanges({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="space-y-0.5">
      {changes.map((c) => (
        <li key={c.field} className="break-words">
          <span className="font-medium text-slate-900">{c.field}</span>:{" "}
          {c.from !== undefined && (
            <>
              <span className="text-slate-600">{c.from}</span>
              <span aria-hidden="true"> → </span>
              <span className="sr-only"> changed to </span>
            </>
          )}
          <span>{c.to}</span>
        </li>
      ))}
    </ul>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const id = `filter-${label.toLowerCase().replace(/\s+/g, "-")}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} options={options} className="mt-1">
        <option value="">Any</option>
      </Select>
    </div>
  );
}

function DateFilter({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <Input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} className="mt-1" />
    </div>
  );
}
