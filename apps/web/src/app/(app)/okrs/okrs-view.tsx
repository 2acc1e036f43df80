"use client";

import {
  OBJECTIVE_LEVEL_LABELS,
  OBJECTIVE_LEVELS,
  OBJECTIVE_STATUS_LABELS,
  OBJECTIVE_STATUSES,
  PROGRESS_STATUS_LABELS,
  PROGRESS_STATUSES,
  type TObjectiveList,
} from "@meridian/domain";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { StatusDot } from "~/components/okr/status-badge";
import { PersonPicker } from "~/components/people/person-picker";
import { TeamPicker } from "~/components/teams/team-picker";
import { Button, buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { ScrollBox } from "~/components/ui/scroll-box";
import { Select } from "~/components/ui/select";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { ObjectiveSummary } from "./_components/objective-summary";
import { FILTER_PARAMS, nextListPage, type OkrSearchParams } from "./_components/okr-filters";

export function OkrsView({ params, input }: { params: OkrSearchParams; input: TObjectiveList }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const pages = useInfiniteQuery(trpc.objectives.list.infiniteQueryOptions(input, { getNextPageParam: nextListPage }));
  // The first page carries the cycle; every page a slice of the matches, in one order.
  const first = pages.data?.pages[0];
  const list = { data: first, error: pages.error };
  const { data: cycles = [] } = useQuery(trpc.cycles.list.queryOptions());
  const { data: me } = useQuery(trpc.me.get.queryOptions());
  const [search, setSearch] = useState(params.q ?? "");
  const board = params.view === "board";

  const setParam = (key: (typeof FILTER_PARAMS)[number], value: string | undefined) => {
    const next = new URLSearchParams();
    for (const k of FILTER_PARAMS) {
      const v = k === key ? value : params[k];
      if (v) next.set(k, v);
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  };

  // Search as you type, without a request per keystroke.
  useEffect(() => {
    if ((params.q ?? "") === search) return;
    const timer = setTimeout(() => setParam("q", search.trim() || undefined), 300);
    return () => clearTimeout(timer);
  });

  const objectives = pages.data?.pages.flatMap((page) => page?.objectives ?? []) ?? [];
  const more = pages.hasNextPage;
  const boards = boardTeams(objectives);
  // The first pages may hold only company objectives (no team's): the board reads on until one has a team.
  const fillBoards = board && boards.length === 0 && more;
  useEffect(() => {
    if (fillBoards && !pages.isFetchingNextPage) void pages.fetchNextPage();
  }, [fillBoards, pages]);
  const canWrite = me?.permissions.includes("objective.write") ?? false;

  return (
    <div className="space-y-6">
      <PageHeader
        kicker={list.data ? `OKRs · ${list.data.cycle.name}` : "OKRs"}
        title={board ? "Team boards" : "Objectives"}
      >
        <div className="flex items-center gap-2">
          <fieldset className="inline-flex rounded-lg border border-slate-200 bg-white p-0.5">
            <legend className="sr-only">Layout</legend>
            {[
              { key: undefined, label: "List" },
              { key: "board", label: "Team boards" },
            ].map((v) => (
              <button
                key={v.label}
                type="button"
                aria-pressed={(params.view ?? undefined) === v.key}
                onClick={() => setParam("view", v.key)}
                className={`rounded-md px-3 py-1 text-sm ${
                  (params.view ?? undefined) === v.key ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600"
                }`}
              >
                {v.label}
              </button>
            ))}
          </fieldset>
          {canWrite && (
            <Link href={`/objectives/new${list.data ? `?cycle=${list.data.cycle.id}` : ""}`} className={buttonClass()}>
              New objective
            </Link>
          )}
        </div>
      </PageHeader>

      <form
        aria-label="Filter objectives"
        onSubmit={(e) => e.preventDefault()}
        className="grid grid-cols-2 gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7"
      >
        <FilterSelect
          label="Cycle"
          value={list.data?.cycle.id ?? params.cycle ?? ""}
          onChange={(v) => setParam("cycle", v)}
          options={cycles.map((c) => ({ value: c.id, label: `${c.name}${c.status === "closed" ? " (closed)" : ""}` }))}
        />
        {/* Searched on the server, a page at a time: never the organization's whole list of teams. */}
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="okr-filter-team" className="block text-xs font-medium text-slate-600">
            Team
          </label>
          <TeamPicker
            id="okr-filter-team"
            value={input?.teamId ?? ""}
            onChange={(v) => setParam("team", v || undefined)}
            emptyLabel="Any"
            searchLabel="Search teams for the team filter"
            className="mt-1"
          />
        </div>
        {/* Searched on the server, a page at a time: never the organization's whole list of people. */}
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="okr-filter-owner" className="block text-xs font-medium text-slate-600">
            Owner
          </label>
          <PersonPicker
            id="okr-filter-owner"
            value={input?.ownerId ?? ""}
            onChange={(v) => setParam("owner", v || undefined)}
            emptyLabel="Any"
            searchLabel="Search people for the owner filter"
            className="mt-1"
          />
        </div>
        <FilterSelect
          label="Level"
          value={params.level ?? ""}
          onChange={(v) => setParam("level", v)}
          any
          options={OBJECTIVE_LEVELS.map((l) => ({ value: l, label: OBJECTIVE_LEVEL_LABELS[l] }))}
        />
        <FilterSelect
          label="Status"
          value={params.status ?? ""}
          onChange={(v) => setParam("status", v)}
          any
          options={OBJECTIVE_STATUSES.map((s) => ({ value: s, label: OBJECTIVE_STATUS_LABELS[s] }))}
        />
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="okr-search" className="block text-xs font-medium text-slate-600">
            Search
          </label>
          <Input
            id="okr-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Title, description, key result"
            className="mt-1"
          />
        </div>
        <label className="col-span-2 flex items-end gap-2 pb-2 text-sm text-slate-700 sm:col-span-1">
          <input
            type="checkbox"
            checked={params.risk === "1"}
            onChange={(e) => setParam("risk", e.target.checked ? "1" : undefined)}
            className="h-4 w-4 rounded border-slate-300"
          />
          At risk only
        </label>
      </form>

      {list.error && (
        <p role="alert" className="text-rose-700">
          {list.error.message}
        </p>
      )}
      {list.data === null && <p className={ui.card}>No cycle yet.</p>}
      {list.data && (
        <p className="flex flex-wrap gap-3 text-sm text-slate-600" aria-live="polite">
          <span>
            {objectives.length}
            {more ? "+" : ""} objective{objectives.length === 1 ? "" : "s"}
            {more ? " (more to load)" : ""}
          </span>
          {PROGRESS_STATUSES.map((s) => {
            const n = objectives.filter((o) => o.progressStatus === s).length;
            return n ? (
              <span key={s} className="inline-flex items-center gap-1">
                <StatusDot status={s} /> {n} {PROGRESS_STATUS_LABELS[s].toLowerCase()}
              </span>
            ) : null;
          })}
        </p>
      )}

      {board ? (
        <>
          <ScrollBox label="Team boards" surface="page" hintAt="top" innerClassName="pb-2">
            <div className="flex w-max gap-4">
              {boards.map((team) => {
                const mine = objectives.filter((o) => o.team?.id === team.id);
                return (
                  <section
                    key={team.id}
                    aria-label={`${team.name} board`}
                    className="w-72 shrink-0 rounded-2xl bg-slate-100 p-3 sm:w-80"
                  >
                    <h2 className="px-1 pb-2 text-sm font-semibold text-slate-700">
                      {team.name} <span className="font-normal text-slate-600">({mine.length})</span>
                    </h2>
                    <div className="space-y-2">
                      {mine.map((o) => (
                        <ObjectiveSummary key={o.id} objective={o} expected={list.data?.expected ?? 0} compact />
                      ))}
                    </div>
                  </section>
                );
              })}
            </div>
          </ScrollBox>
          <div className="space-y-2">
            {/* A board per team with objectives loaded; more objectives fill them and add the next teams. */}
            {list.data && boardTeams(objectives).length === 0 && (
              <p className="rounded-2xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">
                No team objectives match these filters.
              </p>
            )}
            {more && (
              <Button variant="secondary" disabled={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
                {pages.isFetchingNextPage ? "Loading…" : "Load more objectives"}
              </Button>
            )}
          </div>
        </>
      ) : (
        <div className="space-y-2">
          {objectives.map((o) => (
            <ObjectiveSummary key={o.id} objective={o} expected={list.data?.expected ?? 0} />
          ))}
          {more && (
            <Button variant="secondary" disabled={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
              {pages.isFetchingNextPage ? "Loading…" : "Load more objectives"}
            </Button>
          )}
          {list.data && objectives.length === 0 && (
            <p className="rounded-2xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500">
              No objectives match these filters.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
  any = false,
}: {
  label: string;
  value: string;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
  any?: boolean;
}) {
  const id = `okr-filter-${label.toLowerCase()}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <Select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value || undefined)}
        options={options}
        className="mt-1"
      >
        {any && <option value="">Any</option>}
      </Select>
    </div>
  );
}

/** The teams the loaded objectives belong to, by name: the boards to show. */
function boardTeams(objectives: readonly { team: { id: string; name: string } | null }[]) {
  const teams = new Map<string, { id: string; name: string }>();
  for (const o of objectives) if (o.team && !teams.has(o.team.id)) teams.set(o.team.id, o.team);
  return [...teams.values()].sort((a, b) => a.name.localeCompare(b.name));
}
