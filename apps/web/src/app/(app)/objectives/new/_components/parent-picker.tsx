"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type ComponentProps, useEffect, useRef, useState } from "react";
import { Input } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { useTRPC } from "~/trpc/react";
import { parentLabel } from "./new-objective-defaults";

/** How many matches the picker offers: enough to choose from, never the whole cycle. */
const MATCHES = 30;

/**
 * "Aligns to": a search box over the cycle's objectives (searched on the server, a page of
 * matches) above a select of the matches. The chosen objective stays in the select while the
 * reader searches for something else, so the form never loses it.
 */
export function ParentPicker({
  id,
  cycleId,
  selectedId,
  ...select
}: Omit<ComponentProps<"select">, "children"> & {
  id: string;
  cycleId: string;
  selectedId: string | null;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const matches = useQuery({
    ...trpc.objectives.list.queryOptions({ cycleId, q: q || undefined, limit: MATCHES }),
    enabled: Boolean(cycleId),
    placeholderData: keepPreviousData,
  });

  // Labels of every objective offered so far, so the chosen one keeps its name.
  const labels = useRef(new Map<string, string>());
  const found = (matches.data?.objectives ?? []).filter((o) => o.status !== "archived");
  for (const o of found) labels.current.set(o.id, parentLabel(o));
  const options = found.map((o) => ({ value: o.id, label: parentLabel(o) }));
  // A parent given by the link that opened the form is known by id only: look it up once.
  const lookup = useQuery({
    ...trpc.objectives.get.queryOptions({ objectiveId: selectedId ?? "" }),
    enabled: Boolean(selectedId) && !labels.current.has(selectedId ?? ""),
  });
  if (lookup.data && selectedId === lookup.data.objective.id) {
    labels.current.set(selectedId, parentLabel(lookup.data.objective));
  }
  const chosen = selectedId ? labels.current.get(selectedId) : undefined;
  if (selectedId && chosen && !options.some((o) => o.value === selectedId)) {
    options.unshift({ value: selectedId, label: chosen });
  }

  return (
    <div className="space-y-2">
      <Input
        type="search"
        aria-label="Search objectives to align to"
        placeholder="Search this cycle's objectives"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Select id={id} options={options} {...select}>
        <option value="">Nothing (top level)</option>
      </Select>
      {matches.data?.nextCursor && (
        <p className="text-xs text-slate-500">Showing the first {MATCHES} matches; type to narrow them.</p>
      )}
    </div>
  );
}
