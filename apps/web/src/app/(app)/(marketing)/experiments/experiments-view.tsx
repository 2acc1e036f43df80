"use client";

import { EXPERIMENT_STATUS_LABELS, EXPERIMENT_STATUSES, type ExperimentStatus } from "@meridian/domain";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ExperimentStatusBadge, VerdictBadge } from "~/components/experiments/experiment-badges";
import { Button, buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/field";
import { ScrollBox } from "~/components/ui/scroll-box";
import { Select } from "~/components/ui/select";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { nextExperimentPage } from "./_components/experiment-pages";

const HEAD = "px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const CELL = "px-4 py-3 align-top";

export function ExperimentsView() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<ExperimentStatus | "">("");
  const list = useInfiniteQuery({
    ...trpc.experiments.list.infiniteQueryOptions(status ? { status } : {}, { getNextPageParam: nextExperimentPage }),
    placeholderData: keepPreviousData,
  });
  const me = useQuery(trpc.me.get.queryOptions());
  const canCreate = me.data?.permissions.includes("experiment.write") ?? false;
  const rows = list.data?.pages.flatMap((p) => p.experiments) ?? [];

  return (
    <div className="space-y-6">
      <PageHeader kicker="Marketing" title="Experiments">
        {canCreate && (
          <Link href="/experiments/new" className={buttonClass()}>
            New experiment
          </Link>
        )}
      </PageHeader>
      <section className={`${ui.card} space-y-4 p-0`}>
        <div className="flex flex-wrap items-center justify-between gap-3 px-5 pt-5">
          <p className="text-sm text-slate-600">
            {rows.length}
            {list.hasNextPage ? "+" : ""} experiment{rows.length === 1 ? "" : "s"}
          </p>
          <div className="flex items-center gap-2 text-sm text-slate-600">
            <label htmlFor="experiment-status-filter">Status</label>
            <Select
              id="experiment-status-filter"
              value={status}
              onChange={(e) => setStatus(e.target.value as ExperimentStatus | "")}
              className="w-40"
              options={[
                { value: "", label: "All" },
                ...EXPERIMENT_STATUSES.map((s) => ({ value: s, label: EXPERIMENT_STATUS_LABELS[s] })),
              ]}
            />
          </div>
        </div>
        {list.error ? (
          <p role="alert" className="px-5 pb-5 text-rose-700">
            {list.error.message}
          </p>
        ) : rows.length === 0 ? (
          <p className="px-5 pb-5 text-slate-600">{list.isPending ? "Loading…" : "No experiments yet."}</p>
        ) : (
          <>
            {/* Phones: one card per experiment; wider screens: the table. */}
            <ul className="divide-y divide-slate-100 md:hidden">
              {rows.map((e) => (
                <li key={e.id} className="space-y-1 px-5 py-3">
                  <Link href={`/experiments/${e.id}`} className="font-medium text-slate-900 hover:underline">
                    {e.name}
                  </Link>
                  <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    <ExperimentStatusBadge status={e.status} />
                    <VerdictBadge verdict={e.verdict} />
                    <span>{e.team.name}</span>
                    {e.daysRunning !== null && <span>day {e.daysRunning}</span>}
                  </div>
                </li>
              ))}
            </ul>
            <ScrollBox label="Experiments" className="hidden md:block">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">
                  Experiments with status, days running, leading variant and verdict
                </caption>
                <thead className="border-y border-slate-200 bg-slate-50/60">
                  <tr>
                    <th scope="col" className={HEAD}>
                      Experiment
                    </th>
                    <th scope="col" className={HEAD}>
                      Team
                    </th>
                    <th scope="col" className={HEAD}>
                      Status
                    </th>
                    <th scope="col" className={`${HEAD} text-right`}>
                      Days running
                    </th>
                    <th scope="col" className={HEAD}>
                      Leading variant
                    </th>
                    <th scope="col" className={HEAD}>
                      Verdict
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((e) => (
                    <tr key={e.id} className="hover:bg-slate-50/60">
                      <th scope="row" className={`${CELL} text-left font-normal`}>
                        <Link
                          href={`/experiments/${e.id}`}
                          className="font-medium text-slate-900 hover:text-indigo-700 hover:underline"
                        >
                          {e.name}
                        </Link>
                        <p className="text-xs text-slate-500">{e.owner.name}</p>
                      </th>
                      <td className={`${CELL} text-slate-700`}>{e.team.name}</td>
                      <td className={CELL}>
                        <ExperimentStatusBadge status={e.status} />
                      </td>
                      <td className={`${CELL} text-right tabular-nums text-slate-700`}>{e.daysRunning ?? "—"}</td>
                      <td className={`${CELL} text-slate-700`}>{e.leadingVariant?.name ?? "—"}</td>
                      <td className={`${CELL} max-w-md`}>
                        <VerdictBadge verdict={e.verdict} />
                        <p className="mt-1 text-xs text-slate-600">{e.verdictText}</p>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </>
        )}
        {list.hasNextPage && (
          <div className="px-5 pb-5">
            <Button variant="secondary" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
              {list.isFetchingNextPage ? "Loading…" : "Load more experiments"}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
