"use client";

import type { TDashboardInput } from "@meridian/domain";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUSES } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { CyclePicker } from "~/components/okr/cycle-picker";
import { LoadError, Loading } from "~/components/okr/page-states";
import { StatusDot } from "~/components/okr/status-badge";
import { useDashboard } from "~/components/okr/use-dashboard";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { formatPercent } from "~/components/ui/format";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import type { ObjectiveSummary } from "~/trpc/types";
import { AlignmentGraph } from "./_components/alignment-graph";
import { AlignmentOutline } from "./_components/alignment-outline";
import { useAlignmentTree } from "./_components/alignment-tree";

type View = "graph" | "outline";

/** Roots open on arrival when there are few; a wide forest starts closed and opens branch by branch. */
const OPEN_ROOTS_UP_TO = 12;

function openByDefault(roots: readonly ObjectiveSummary[]): ReadonlySet<string> {
  const withAligned = roots.filter((r) => r.alignedCount > 0);
  return new Set(withAligned.length <= OPEN_ROOTS_UP_TO ? withAligned.map((r) => r.id) : []);
}

export function AlignmentView({ input }: { input: TDashboardInput }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { query: dashboard, first, roots } = useDashboard(input);
  const cycles = useQuery(trpc.cycles.list.queryOptions());
  const view: View = searchParams.get("view") === "outline" ? "outline" : "graph";
  // Shared by both views, so switching keeps what the reader opened. Null until the reader
  // opens or closes something: then the default (the roots) applies.
  const [opened, setOpened] = useState<ReadonlySet<string> | null>(null);
  const expanded = useMemo(() => opened ?? openByDefault(roots), [opened, roots]);
  const { forest, collapsed } = useAlignmentTree(roots, expanded);

  const toggle = useCallback(
    (id: string) => {
      setOpened((previous) => {
        const next = new Set(previous ?? expanded);
        if (!next.delete(id)) next.add(id);
        return next;
      });
    },
    [expanded],
  );

  const urlWith = (name: string, value: string | null) => {
    const params = new URLSearchParams(searchParams.toString());
    if (value === null) params.delete(name);
    else params.set(name, value);
    const query = params.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  // The view is presentation only: no need to ask the server again, just remember it in the URL.
  const setView = (next: View) => window.history.pushState(null, "", urlWith("view", next === "graph" ? null : next));

  if (dashboard.error) {
    return <LoadError message={dashboard.error.message} />;
  }
  if (!first) {
    return dashboard.isPending ? (
      <Loading />
    ) : (
      <div className="space-y-8">
        <PageHeader kicker="Alignment" title="How objectives connect" />
        <p className={`${ui.card} text-slate-600`}>
          No cycle yet. An administrator opens the first cycle to start planning.
        </p>
      </div>
    );
  }

  const { cycle, expected, totals } = first;
  const objectiveCount = PROGRESS_STATUSES.reduce((n, s) => n + totals[s], 0);

  return (
    <div className="space-y-6">
      <PageHeader kicker="Alignment" title={`${cycle.name} alignment`}>
        {cycles.data && cycles.data.length > 0 && (
          <CyclePicker cycles={cycles.data} value={cycle.id} onChange={(id) => router.push(urlWith("cycle", id))} />
        )}
      </PageHeader>

      {roots.length === 0 ? (
        <div className={`${ui.card} py-10 text-center`}>
          <p className="font-medium text-slate-900">No objectives in {cycle.name} yet.</p>
          <p className="mt-1 text-sm text-slate-500">
            Once objectives are set and aligned to one another, this page shows how they connect.
          </p>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset. */}
            <div
              role="group"
              aria-label="View"
              className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5"
            >
              {(["graph", "outline"] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  aria-pressed={view === v}
                  onClick={() => setView(v)}
                  className={`rounded-md px-3 py-1 text-sm font-medium ${
                    view === v ? "bg-indigo-600 text-white shadow-sm" : "text-slate-600 hover:bg-slate-100"
                  }`}
                >
                  {v === "graph" ? "Graph" : "Outline"}
                </button>
              ))}
            </div>
            <ul
              aria-label="Status legend"
              className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600"
            >
              <li className="font-medium text-slate-700">
                {objectiveCount} objective{objectiveCount === 1 ? "" : "s"}
              </li>
              {PROGRESS_STATUSES.map((status) => (
                <li key={status} className="flex items-center gap-1.5">
                  <StatusDot status={status} />
                  {PROGRESS_STATUS_LABELS[status]} <span className="tabular-nums text-slate-500">{totals[status]}</span>
                </li>
              ))}
              <li className="flex items-center gap-1.5">
                <span aria-hidden="true" className="h-3 w-0.5 bg-slate-700/60" />
                {formatPercent(expected)} expected by now
              </li>
            </ul>
            {collapsed.size + expanded.size > 0 && (
              <div className="flex gap-2">
                <Button
                  variant="secondary"
                  disabled={collapsed.size === 0}
                  // One level at a time: each opened objective loads what aligns to it.
                  onClick={() => setOpened(new Set([...expanded, ...collapsed]))}
                >
                  Expand a level
                </Button>
                <Button
                  variant="secondary"
                  // Roots stay open: collapsing everything to a single row of cards says little.
                  onClick={() => setOpened(openByDefault(roots))}
                >
                  Collapse all
                </Button>
              </div>
            )}
          </div>

          {view === "graph" ? (
            <AlignmentGraph key={cycle.id} roots={forest} expected={expected} collapsed={collapsed} onToggle={toggle} />
          ) : (
            <AlignmentOutline roots={forest} expected={expected} collapsed={collapsed} onToggle={toggle} />
          )}
          {dashboard.hasNextPage && (
            <Button
              variant="secondary"
              disabled={dashboard.isFetchingNextPage}
              onClick={() => dashboard.fetchNextPage()}
            >
              {dashboard.isFetchingNextPage ? "Loading…" : `Show more top-level objectives (${roots.length} shown)`}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
