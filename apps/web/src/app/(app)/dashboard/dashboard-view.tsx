"use client";

import type { TDashboardInput } from "@meridian/domain";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUSES } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { CyclePicker } from "~/components/okr/cycle-picker";
import { ObjectiveCard } from "~/components/okr/objective-card";
import { LoadError, Loading } from "~/components/okr/page-states";
import { StatusDot } from "~/components/okr/status-badge";
import { useDashboard } from "~/components/okr/use-dashboard";
import { Button } from "~/components/ui/button";
import { formatDate, formatPercent } from "~/components/ui/format";
import { useTRPC } from "~/trpc/react";

export function DashboardView({ input }: { input: TDashboardInput }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const { query: dashboard, first, roots } = useDashboard(input);
  const cycles = useQuery(trpc.cycles.list.queryOptions());

  if (dashboard.error) {
    return <LoadError message={dashboard.error.message} />;
  }
  if (!first) {
    return dashboard.isPending ? (
      <Loading />
    ) : (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
        No cycle yet. An administrator opens the first cycle to start planning.
      </p>
    );
  }

  const { cycle, expected, totals } = first;
  const objectiveCount = PROGRESS_STATUSES.reduce((n, s) => n + totals[s], 0);

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-indigo-600">Company dashboard</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{cycle.name} objectives</h1>
          <p className="mt-1 text-sm text-slate-500">
            {formatDate(cycle.startsOn)} – {formatDate(cycle.endsOn)} · {formatPercent(expected)} of the cycle elapsed
            {cycle.status === "closed" && " · closed"}
          </p>
        </div>
        {cycles.data && cycles.data.length > 1 && (
          <CyclePicker
            cycles={cycles.data}
            value={cycle.id}
            onChange={(id) => router.push(`${pathname}?cycle=${id}`)}
          />
        )}
      </div>

      <section aria-label="Status summary" className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-xs font-medium text-slate-500">Objectives</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums">{objectiveCount}</p>
        </div>
        {PROGRESS_STATUSES.map((status) => (
          <div key={status} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="flex items-center gap-1.5 text-xs font-medium text-slate-500">
              <StatusDot status={status} />
              {PROGRESS_STATUS_LABELS[status]}
            </p>
            <p className="mt-1 text-2xl font-semibold tabular-nums">{totals[status]}</p>
          </div>
        ))}
      </section>

      {roots.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
          No objectives in this cycle yet.
        </p>
      ) : (
        <section aria-label="Objectives" className="space-y-4">
          {roots.map((objective) => (
            <ObjectiveCard key={objective.id} objective={objective} expected={expected} />
          ))}
          {dashboard.hasNextPage && (
            <Button
              variant="secondary"
              disabled={dashboard.isFetchingNextPage}
              onClick={() => dashboard.fetchNextPage()}
            >
              {dashboard.isFetchingNextPage ? "Loading…" : "Show more objectives"}
            </Button>
          )}
        </section>
      )}
    </div>
  );
}
