"use client";

import { formatKpiValue } from "@meridian/domain";
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  type TooltipValueType,
  XAxis,
  YAxis,
} from "recharts";
import type { KpiDetail } from "~/components/kpi/types";
import {
  actualLine,
  CHART_COLOURS,
  chartAxis,
  chartGrid,
  chartLegend,
  forecastLine,
  legendTextClass,
  plainLine,
} from "~/components/ui/chart-defaults";
import { axisTick } from "~/components/ui/format";
import type { KpiChartData } from "./chart-data";

const BENCHMARK_COLOURS = ["#64748b", "#9333ea", "#0284c7", "#db2777", "#a16207"];

const FIXED_NAMES: Record<string, string> = {
  actual: "Actual",
  goal: "Goal",
  redFlag: "Red flag",
  band: "Red-flag zone",
  forecast: "Forecast",
};

/** Actuals per reporting period against the goal, the red-flag zone, the forecast and the benchmarks. */
export function KpiHistoryChart({ detail, data }: { detail: KpiDetail; data: KpiChartData }) {
  const { kpi } = detail;
  const names: Record<string, string> = { ...FIXED_NAMES };
  for (const s of data.benchmarkSeries) names[s.key] = s.source;
  const fmt = (value: TooltipValueType | undefined) => {
    if (Array.isArray(value))
      return `beyond ${formatKpiValue(Number(kpi.direction === "higher_is_better" ? value[1] : value[0]), kpi.unit, kpi.kind)}`;
    return typeof value === "number" ? formatKpiValue(value, kpi.unit, kpi.kind) : String(value ?? "");
  };

  return (
    <figure
      aria-label={`History of ${kpi.name}: actual per period, goal, red-flag zone, forecast to the end of ${detail.quarter.label}${data.benchmarkSeries.length ? " and benchmarks" : ""}`}
      className="m-0"
    >
      <ComposedChart
        responsive
        style={{ width: "100%", height: 340 }}
        data={data.rows}
        margin={{ top: 16, right: 24, bottom: 4, left: 8 }}
      >
        <CartesianGrid {...chartGrid} />
        <XAxis dataKey="label" {...chartAxis(11)} interval="preserveStartEnd" minTickGap={24} />
        <YAxis
          width={64}
          domain={data.domain}
          ticks={data.ticks}
          allowDataOverflow
          tickFormatter={(v: number) => axisTick(v, kpi.unit, kpi.kind)}
          {...chartAxis(11)}
        />
        <Tooltip formatter={(value, name) => [fmt(value), names[String(name)] ?? String(name)]} />
        <Legend
          {...chartLegend}
          height={32}
          formatter={(name: string) => <span className={legendTextClass}>{names[name] ?? name}</span>}
        />
        {data.quarterStarts.map((q, i) => (
          <ReferenceLine
            key={q.periodStart}
            x={data.rows.find((r) => r.periodStart === q.periodStart)?.label}
            stroke={CHART_COLOURS.grid}
            label={{
              value: q.label,
              position: "insideTopLeft",
              fill: "#94a3b8",
              fontSize: 10,
              // On a phone every other quarter is named (the latest always), or the names overlap.
              className: (data.quarterStarts.length - 1 - i) % 2 === 1 ? "max-sm:hidden" : undefined,
            }}
          />
        ))}
        <Area
          dataKey="band"
          name="band"
          type="stepAfter"
          stroke="none"
          fill="#fecdd3"
          fillOpacity={0.55}
          activeDot={false}
          isAnimationActive={false}
          legendType="rect"
        />
        <Line
          dataKey="redFlag"
          name="redFlag"
          type="stepAfter"
          stroke="#e11d48"
          strokeWidth={1}
          strokeDasharray="2 3"
          {...plainLine}
        />
        <Line
          dataKey="goal"
          name="goal"
          type="stepAfter"
          stroke={CHART_COLOURS.goal}
          strokeWidth={1.5}
          {...plainLine}
        />
        {data.benchmarkSeries.map((s, i) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.key}
            type="linear"
            stroke={BENCHMARK_COLOURS[i % BENCHMARK_COLOURS.length]}
            strokeWidth={1.5}
            dot={{ r: 2, strokeWidth: 0, fill: BENCHMARK_COLOURS[i % BENCHMARK_COLOURS.length] }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        {data.hasForecast && <Line dataKey="forecast" name="forecast" {...forecastLine} />}
        <Line dataKey="actual" name="actual" {...actualLine(2.25)} />
      </ComposedChart>
      <figcaption className="mt-2 text-sm text-slate-600">{data.summary}</figcaption>
    </figure>
  );
}
