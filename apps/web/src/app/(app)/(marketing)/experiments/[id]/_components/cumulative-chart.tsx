"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, chartAxis, chartGrid, chartLegend, legendTextClass } from "~/components/ui/chart-defaults";
import { formatShortDate } from "~/components/ui/format";
import { pct } from "./format";
import type { ExperimentPage } from "./types";

const VARIANT_COLOURS = [CHART_COLOURS.muted, CHART_COLOURS.actual, "#059669", "#f59e0b", "#db2777", "#0284c7"];

/** Each variant's conversion rate over everything counted up to each day. */
export function CumulativeChart({ page }: { page: Pick<ExperimentPage, "variants" | "cumulative"> }) {
  const data = page.cumulative.map((c) => ({ day: c.day, ...c.rates }));
  if (data.length === 0) return <p className="text-sm text-slate-600">No daily numbers yet.</p>;
  return (
    <figure aria-label="Cumulative conversion rate per variant, by day" className="m-0">
      <LineChart
        responsive
        style={{ width: "100%", height: 300 }}
        data={data}
        margin={{ top: 8, right: 16, bottom: 4, left: 4 }}
      >
        <CartesianGrid {...chartGrid} />
        <XAxis dataKey="day" tickFormatter={(d: string) => formatShortDate(d)} {...chartAxis(12)} minTickGap={24} />
        <YAxis tickFormatter={(v: number) => pct(v, 1)} width={64} {...chartAxis(12)} domain={["auto", "auto"]} />
        <Tooltip
          // Dark text whatever the series colour: the control's grey line would be too faint as text.
          itemStyle={{ color: "#334155" }}
          labelFormatter={(d) => formatShortDate(String(d))}
          formatter={(value) => (typeof value === "number" ? pct(value) : String(value ?? ""))}
        />
        <Legend {...chartLegend} formatter={(value) => <span className={legendTextClass}>{value}</span>} />
        {page.variants.map((v, i) => (
          <Line
            key={v.id}
            dataKey={v.id}
            name={v.name}
            type="linear"
            stroke={VARIANT_COLOURS[i % VARIANT_COLOURS.length]}
            strokeWidth={v.isControl ? 2 : 2.5}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </figure>
  );
}
