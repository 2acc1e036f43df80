"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { Input } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { useTRPC } from "~/trpc/react";
import { TEAM_MATCHES, teamLookupInput, teamSearchInput } from "./team-search";

/**
 * A searchable team picker, as the person picker is: a labelled search box (searched on the server a
 * moment after the reader stops typing, one page of matches in tree order) above a native select of the
 * matches. The chosen team stays in the select, by name, looked up by id when no page holds it. An
 * organization of 500 teams never sends them all.
 *
 * `id` is the select's: point the field's label at it.
 */
export function TeamPicker({
  id,
  value,
  onChange,
  emptyLabel,
  exclude,
  searchLabel = "Search teams",
  indent = true,
  disabled,
  className,
}: {
  id: string;
  /** The chosen team's id; "" for none. */
  value: string;
  onChange: (id: string) => void;
  /** The option meaning no team (value ""): "Any", "— Top of the tree —"… */
  emptyLabel: string;
  /** Teams not to offer (a team cannot move under itself). */
  exclude?: (team: { id: string; path: string[] }) => boolean;
  searchLabel?: string;
  /** Options indented by their depth in the tree (else plain names). */
  indent?: boolean;
  disabled?: boolean;
  className?: string;
}) {
  const trpc = useTRPC();
  const hintId = useId();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const page = useQuery({ ...trpc.teams.search.queryOptions(teamSearchInput(q)), placeholderData: keepPreviousData });
  const found = (page.data?.teams ?? []).filter((t) => !exclude?.(t));
  const known = found.find((t) => t.id === value);
  const lookup = useQuery({
    ...trpc.teams.search.queryOptions(teamLookupInput(value)),
    enabled: value !== "" && !known,
    staleTime: 60_000,
  });
  const chosen = known ?? lookup.data?.teams.find((t) => t.id === value);
  // Indented by depth in tree order; a search's matches name the team above them instead.
  const label = (t: { name: string; depth: number; path: string[] }) =>
    q
      ? t.path.length
        ? `${t.name} (in ${t.path[t.path.length - 1]})`
        : t.name
      : `${indent ? "— ".repeat(t.depth) : ""}${t.name}`;
  const options = found.map((t) => ({ value: t.id, label: label(t) }));
  if (value && !known) {
    const settled = lookup.isError || lookup.isSuccess;
    options.unshift({ value, label: chosen ? chosen.name : settled ? "A team not found" : "Loading…" });
  }
  const more = Boolean(page.data?.nextCursor);
  const needle = search.trim();
  const status =
    found.length === 0 && needle
      ? "No team matches; try another spelling."
      : more
        ? `Showing the first ${TEAM_MATCHES} teams; type to narrow them.`
        : null;

  return (
    <div className={className ? `space-y-2 ${className}` : "space-y-2"}>
      <Input
        type="search"
        aria-label={searchLabel}
        aria-controls={id}
        aria-describedby={hintId}
        placeholder="Type a team's name"
        autoComplete="off"
        disabled={disabled}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Select
        id={id}
        value={value}
        disabled={disabled}
        aria-busy={page.isFetching || undefined}
        onChange={(e) => onChange(e.target.value)}
        options={options}
      >
        <option value="">{emptyLabel}</option>
      </Select>
      <p id={hintId} role="status" className={status ? "text-xs text-slate-500" : "sr-only"}>
        {status ?? (needle && !page.isFetching ? `${found.length} ${found.length === 1 ? "match" : "matches"}` : "")}
      </p>
    </div>
  );
}
