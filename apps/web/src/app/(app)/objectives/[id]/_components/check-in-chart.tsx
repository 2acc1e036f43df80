"use client";

import {
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
import { formatDate, formatShortDate, formatTarget, formatValue } from "~/components/ui/format";
import type { KeyResultView } from "~/trpc/types";
import type { HistoryChartData } from "./history-chart-data";

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 2 });

const SERIES_NAMES: Record<string, string> = {
  actual: "Checked in",
  expected: "Expected",
  forecast: "Forecast",
};

/** Check-ins, the expected path and the forecast of one key result over its cycle. */
export function CheckInChart({
  keyResult: kr,
  data,
  now,
}: {
  keyResult: KeyResultView;
  data: HistoryChartData;
  /** Marks today on the chart; null before the page has hydrated. */
  now: number | null;
}) {
  const [start, end] = data.domain;
  const ticks = monthTicks(start, end);
  const isMilestone = kr.type === "milestone";
  const showToday = now !== null && now > start && now < end;
  const formatTooltip = (value: TooltipValueType | undefined) =>
    typeof value === "number" ? formatValue(kr, Math.round(value * 100) / 100) : String(value ?? "");

  return (
    <figure
      aria-label={`Check-in history of ${kr.title}: values, target ${formatTarget(kr)}, expected path and forecast`}
      className="m-0"
    >
      <ComposedChart
        responsive
        style={{ width: "100%", height: 300 }}
        data={data.points}
        margin={{ top: 16, right: 24, bottom: 4, left: 4 }}
      >
        <CartesianGrid {...chartGrid} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[start, end]}
          ticks={ticks}
          tickFormatter={(t: number) => formatShortDate(t)}
          {...chartAxis(12)}
        />
        <YAxis
          width={isMilestone ? 72 : 56}
          domain={isMilestone ? [0, 1] : ["auto", "auto"]}
          ticks={isMilestone ? [0, 1] : undefined}
          tickFormatter={(v: number) => (isMilestone ? formatValue(kr, v) : compact.format(v))}
          {...chartAxis(12)}
        />
        <Tooltip
          labelFormatter={(t) => (typeof t === "number" ? formatDate(t) : String(t))}
          formatter={(value, name) => [formatTooltip(value), SERIES_NAMES[String(name)] ?? String(name)]}
        />
        <Legend
          {...chartLegend}
          height={28}
          formatter={(name: string) => <span className={legendTextClass}>{SERIES_NAMES[name] ?? name}</span>}
        />
        <ReferenceLine
          y={kr.type === "milestone" ? 1 : kr.targetValue}
          stroke={CHART_COLOURS.goal}
          strokeWidth={1.5}
          ifOverflow="extendDomain"
          label={{ value: `Target ${formatTarget(kr)}`, position: "insideTopLeft", fill: "#047857", fontSize: 12 }}
        />
        {showToday && (
          <ReferenceLine
            x={now ?? undefined}
            stroke={CHART_COLOURS.muted}
            strokeDasharray="2 4"
            label={{ value: "Today", position: "insideTopLeft", fill: "#64748b", fontSize: 11 }}
          />
        )}
        {data.hasExpected && (
          <Line
            dataKey="expected"
            name="expected"
            type="linear"
            stroke={CHART_COLOURS.muted}
            strokeWidth={1.5}
            connectNulls
            {...plainLine}
          />
        )}
        {data.forecast && <Line dataKey="forecast" name="forecast" {...forecastLine} />}
        <Line dataKey="actual" name="actual" connectNulls {...actualLine(2)} />
      </ComposedChart>
      <figcaption className="mt-2 text-sm text-slate-700">{data.summary}</figcaption>
    </figure>
  );
}

/** One tick at the start of each month inside the cycle, plus its first day. */
function monthTicks(start: number, end: number): number[] {
  const ticks = [start];
  const d = new Date(start);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (t < end) {
    if (t - start > 7 * 86_400_000) ticks.push(t);
    const m = new Date(t);
    t = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1);
  }
  return ticks;
}
