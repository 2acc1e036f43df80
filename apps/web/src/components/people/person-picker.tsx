"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type Ref, useEffect, useId, useState } from "react";
import { Input } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { useTRPC } from "~/trpc/react";
import { PERSON_MATCHES, personLookupInput, personSearchInput } from "./person-search";

/** A person as the picker offers them. */
export interface PickablePerson {
  id: string;
  name: string;
  role?: string;
  active?: boolean;
}

/** Candidate lists longer than this get a search box too. */
const SEARCH_FROM = 10;

/**
 * A searchable person picker: a labelled search box (searched on the server a moment after the
 * reader stops typing, one page of matches) above a native select of the matches. The chosen person
 * always stays in the select, by name, while the reader searches for someone else — looked up with
 * `people.list({ ids })` when no list holds them (a deactivated owner, someone the caller may not
 * choose). Both controls are native, so keyboards and screen readers work as everywhere else.
 *
 * `id` is the select's: point the field's label at it. Controlled: wire it to a form with
 * react-hook-form's `Controller`.
 */
export function PersonPicker({
  id,
  value,
  onChange,
  onBlur,
  name,
  ref,
  invalid,
  disabled,
  emptyLabel,
  accept,
  candidates,
  teamIds,
  source = "people",
  searchLabel = "Search people",
  className,
}: {
  id: string;
  /** The chosen person's id; "" (or null) for nobody. */
  value: string | null | undefined;
  onChange: (id: string) => void;
  onBlur?: () => void;
  name?: string;
  ref?: Ref<HTMLSelectElement>;
  invalid?: boolean;
  disabled?: boolean;
  /** The option meaning nobody (value ""): "Any", "Choose an owner"… Without it a person is required. */
  emptyLabel?: string;
  /** Who of the matches may be offered (e.g. no viewers); the chosen person is shown regardless. */
  accept?: (person: PickablePerson) => boolean;
  /** Everyone the caller may choose, when that is a short list known already: searched here, not on the server. */
  candidates?: readonly PickablePerson[];
  /** Searches only the people of these teams (source "people"): a manager's owner candidates. */
  teamIds?: readonly string[];
  /** "users" (admins only) also finds deactivated people; "people" the active ones. */
  source?: "people" | "users";
  /** The search box's accessible name, e.g. "Search people for the owner". */
  searchLabel?: string;
  className?: string;
}) {
  const trpc = useTRPC();
  const hintId = useId();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  // Searched on the server a moment after the reader stops typing.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);

  const local = candidates !== undefined;
  const input = personSearchInput(q);
  const people = useQuery({
    ...trpc.people.list.queryOptions(personSearchInput(q, teamIds)),
    enabled: !local && source === "people",
    placeholderData: keepPreviousData,
  });
  const users = useQuery({
    ...trpc.users.list.queryOptions(input),
    enabled: !local && source === "users",
    placeholderData: keepPreviousData,
  });
  const serverPage = source === "users" ? users.data : people.data;
  const fromServer: readonly PickablePerson[] =
    source === "users" ? (users.data?.users ?? []) : (people.data?.people ?? []);
  const needle = search.trim().toLowerCase();
  const found = local
    ? candidates.filter((p) => !needle || p.name.toLowerCase().includes(needle))
    : fromServer.filter((p) => !accept || accept(p));

  // The chosen person, by name: from what is on screen, else looked up by id.
  const chosenId = value || "";
  const known = found.find((p) => p.id === chosenId) ?? candidates?.find((p) => p.id === chosenId);
  const lookup = useQuery({
    ...trpc.people.list.queryOptions(personLookupInput(chosenId)),
    enabled: chosenId !== "" && !known,
    staleTime: 60_000,
  });
  const chosen = known ?? lookup.data?.people.find((p) => p.id === chosenId);

  const options = found.map((p) => ({ value: p.id, label: labelOf(p) }));
  if (chosenId && !found.some((p) => p.id === chosenId)) {
    const settled = lookup.isError || lookup.isSuccess;
    options.unshift({ value: chosenId, label: chosen ? labelOf(chosen) : settled ? "Someone not found" : "Loading…" });
  }
  const loading = !local && (source === "users" ? users.isFetching : people.isFetching);
  const more = !local && Boolean(serverPage?.nextCursor);
  const searchable = !local || candidates.length > SEARCH_FROM;
  const status =
    found.length === 0 && needle
      ? "Nobody matches; try another spelling."
      : more
        ? `Showing the first ${PERSON_MATCHES} matches; type to narrow them.`
        : null;

  return (
    <div className={className ? `space-y-2 ${className}` : "space-y-2"}>
      {searchable && (
        <Input
          type="search"
          aria-label={searchLabel}
          aria-controls={id}
          aria-describedby={hintId}
          placeholder="Type a name to search"
          autoComplete="off"
          disabled={disabled}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      )}
      <Select
        id={id}
        ref={ref}
        name={name}
        value={chosenId}
        disabled={disabled}
        invalid={invalid}
        aria-busy={loading || undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        options={options}
      >
        {emptyLabel !== undefined ? (
          <option value="">{emptyLabel}</option>
        ) : (
          chosenId === "" && (
            <option value="" disabled>
              Choose a person
            </option>
          )
        )}
      </Select>
      <p id={hintId} role="status" className={status ? "text-xs text-slate-500" : "sr-only"}>
        {status ?? (needle && !loading ? `${found.length} ${found.length === 1 ? "match" : "matches"}` : "")}
      </p>
    </div>
  );
}

function labelOf(person: PickablePerson) {
  return person.active === false ? `${person.name} (deactivated)` : person.name;
}
