import { formatKpiValue, quarterLabel } from "@meridian/domain";
import type { KpiDetail } from "~/components/kpi/types";
import { formatScore } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import { formatDate } from "~/components/ui/format";

/** The forecast in words: where the quarter ends on this trend, and when the goal is reached. */
export function ForecastSummary({ detail }: { detail: KpiDetail }) {
  const { forecast, kpi } = detail;
  if (!forecast) {
    return (
      <p className="text-sm text-slate-600">
        No forecast yet: a trend needs at least two readings in this quarter or the four before it.
      </p>
    );
  }
  const fmt = (v: number) => formatKpiValue(v, kpi.unit, kpi.kind);
  const label = quarterLabel(forecast.quarter.start);
  const outlook =
    forecast.goalOutlook === "met"
      ? "The goal is already met."
      : forecast.goalOutlook === "reached" && forecast.reachesGoalOn
        ? `On this trend the goal is reached on ${formatDate(forecast.reachesGoalOn)}.`
        : `On this trend the goal of ${fmt(forecast.goal)} is not reached by the end of ${label}.`;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700">
      <span>
        Forecast for the end of {label}:{" "}
        <span className="font-semibold tabular-nums text-slate-900">{fmt(forecast.projected)}</span>
      </span>
      <span className="inline-flex items-center gap-2">
        <StatusPill status={forecast.projectedStatus} />
        <span className="text-xs text-slate-500">projected score {formatScore(forecast.projectedScore)}</span>
      </span>
      <span>{outlook}</span>
      <span className="text-xs text-slate-500">
        Trend over {forecast.readingCount} readings
        {forecast.basis === "this_quarter" ? " of this quarter" : " of the last four quarters"}.
      </span>
    </div>
  );
}
