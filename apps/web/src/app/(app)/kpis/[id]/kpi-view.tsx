"use client";

import { quarterAt } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { TitledCard } from "~/components/scorecard/titled-card";
import { useTRPC } from "~/trpc/react";
import { ActualsGrid, ActualsReadOnly } from "./_components/actuals-grid";
import { BenchmarksSection } from "./_components/benchmarks-section";
import { campaignCalendarHref } from "./_components/campaign-source";
import { kpiChartData } from "./_components/chart-data";
import { ForecastSummary } from "./_components/forecast-summary";
import { KpiHeader } from "./_components/kpi-header";
import { KpiHistoryChart } from "./_components/kpi-history-chart";
import { QuarterTable } from "./_components/quarter-table";
import { TargetsSection } from "./_components/targets-section";

export function KpiView({ input }: { input: { kpiId: string; period?: string | undefined } }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.kpis.get.queryOptions(input));
  const me = useQuery(trpc.me.get.queryOptions());

  if (query.error) {
    return (
      <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-rose-800">
        {query.error.message}
      </p>
    );
  }
  if (!query.data) return <p className="text-slate-500">Loading…</p>;

  const detail = query.data;
  const chart = kpiChartData(detail);
  const isCurrent = detail.quarter.start <= detail.today && detail.today <= detail.quarter.end;
  const hrefFor = (offset: number) => `/kpis/${detail.kpi.id}?period=${quarterAt(detail.quarter.start, offset).start}`;

  return (
    <div className="space-y-6">
      <KpiHeader detail={detail} role={me.data?.organization?.role ?? null} userId={me.data?.user.id ?? null} />

      <TitledCard
        className="space-y-4"
        title="History"
        aside={
          <nav aria-label="Quarter" className="flex items-center gap-3 text-sm">
            <Link href={hrefFor(-1)} className="text-indigo-600 hover:underline">
              ← Earlier quarter
            </Link>
            <span className="font-medium text-slate-700">Up to {detail.quarter.label}</span>
            {!isCurrent && (
              <Link href={`/kpis/${detail.kpi.id}`} className="text-indigo-600 hover:underline">
                Current quarter →
              </Link>
            )}
          </nav>
        }
      >
        <ForecastSummary detail={detail} />
        <KpiHistoryChart detail={detail} data={chart} />
      </TitledCard>

      <TitledCard
        className="space-y-4"
        title={detail.canEnterActuals ? "Enter actuals" : "Actuals"}
        aside={
          detail.kpi.kind === "campaigns" ? (
            <span className="text-xs text-slate-500">
              Summed from campaign results;{" "}
              <Link href={campaignCalendarHref(detail) ?? "/campaigns"} className="text-indigo-600 underline">
                enter spend and revenue on the campaigns
              </Link>
              .
            </span>
          ) : detail.kpi.kind !== "manual" ? (
            <span className="text-xs text-slate-500">Computed from its inputs; enter their values instead.</span>
          ) : null
        }
      >
        {detail.canEnterActuals ? <ActualsGrid detail={detail} /> : <ActualsReadOnly detail={detail} />}
      </TitledCard>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <TitledCard className="space-y-4" title="By quarter">
          <QuarterTable detail={detail} />
        </TitledCard>
        <div className="space-y-6">
          <TitledCard className="space-y-4" title="Quarter targets">
            <TargetsSection detail={detail} />
          </TitledCard>
          <TitledCard className="space-y-4" title="Benchmarks">
            <BenchmarksSection detail={detail} />
          </TitledCard>
        </div>
      </div>
    </div>
  );
}
