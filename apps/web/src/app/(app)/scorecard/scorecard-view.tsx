"use client";

import type { TScorecardPeriod } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { QuarterSelect } from "~/components/scorecard/quarter-select";
import { formatDate } from "~/components/ui/format";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { ScorecardHeatMapTable } from "./_components/heat-map";
import { ScorecardSummary } from "./_components/scorecard-summary";
import { ScorecardTreeTable } from "./_components/scorecard-tree-table";

export function ScorecardView({ input }: { input: TScorecardPeriod }) {
  const trpc = useTRPC();
  const router = useRouter();
  const tree = useQuery(trpc.scorecard.tree.queryOptions(input));
  const heatMap = useQuery(trpc.scorecard.heatMap.queryOptions(input));

  const error = tree.error ?? heatMap.error;
  if (error) {
    return (
      <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-800">
        <p>{error.message}</p>
        <Link href="/scorecard" className="mt-2 inline-block font-medium underline">
          Show the current quarter
        </Link>
      </div>
    );
  }
  if (!tree.data || !heatMap.data) return <p className="text-slate-500">Loading…</p>;

  const data = tree.data;
  const empty = data.perspectives.every((p) => p.objectives.length === 0) && data.unlinkedKpiCount === 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className={ui.pageKicker}>Balanced scorecard</p>
          <h1 className={ui.pageTitle}>Scorecard {data.period.label}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {formatDate(data.period.start)} – {formatDate(data.period.end)} · every KPI scored against its goal and red
            flag, rolled up by weight
          </p>
        </div>
        <QuarterSelect
          quarters={data.availableQuarters}
          value={data.period.start}
          onChange={(start) => router.push(`/scorecard?period=${start}`)}
        />
      </div>

      {empty ? (
        <p className="rounded-2xl border border-slate-200 bg-white p-6 text-slate-600">
          No strategic objectives or KPIs yet. An administrator sets up the strategy under{" "}
          <Link href="/strategy-map" className="font-medium text-indigo-700 underline">
            Strategy map
          </Link>{" "}
          and the KPIs under{" "}
          <Link href="/kpis" className="font-medium text-indigo-700 underline">
            KPIs
          </Link>
          .
        </p>
      ) : (
        <>
          <ScorecardSummary tree={data} />
          <ScorecardTreeTable tree={data} />
        </>
      )}
      <ScorecardHeatMapTable map={heatMap.data} selected={data.period.start} />
    </div>
  );
}
