"use client";

import { Bar, CartesianGrid, ComposedChart, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, chartAxis, chartGrid } from "~/components/ui/chart-defaults";
import { signedPct } from "./format";
import type { MetricResult } from "./types";

/** Each treatment's relative uplift over control with its confidence interval, against the line of no effect. */
export function IntervalPlot({ result, confidence }: { result: MetricResult; confidence: number }) {
  const data = result.analysis.treatments.flatMap((t) => {
    const c = t.comparison;
    if (!c?.relativeInterval || c.relativeUplift === null) return [];
    return [
      { name: t.variant.name, range: [c.relativeInterval.low, c.relativeInterval.high], uplift: c.relativeUplift },
    ];
  });
  const level = `${Math.round(confidence * 100)} %`;
  if (data.length === 0)
    return <p className="text-sm text-slate-600">The interval appears once every variant has conversions.</p>;
  return (
    <figure
      aria-label={`${level} confidence interval of each treatment's relative uplift: ${data
        .map((d) => `${d.name} ${signedPct(d.range[0] ?? null)} to ${signedPct(d.range[1] ?? null)}`)
        .join("; ")}`}
      className="m-0"
    >
      <ComposedChart
        responsive
        layout="vertical"
        style={{ width: "100%", height: 64 + data.length * 48 }}
        data={data}
        margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
      >
        <CartesianGrid {...chartGrid} vertical horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={(v: number) => signedPct(v, 0)}
          {...chartAxis(12)}
          // Always include 0, the line of no effect, so an interval that excludes it shows it.
          domain={[(min: number) => Math.min(0, min), (max: number) => Math.max(0, max)]}
        />
        <YAxis type="category" dataKey="name" width={110} {...chartAxis(12)} />
        <Tooltip
          itemStyle={{ color: "#334155" }}
          formatter={(value) =>
            Array.isArray(value)
              ? `${signedPct(Number(value[0]))} to ${signedPct(Number(value[1]))}`
              : signedPct(Number(value))
          }
        />
        <ReferenceLine x={0} stroke={CHART_COLOURS.tick} strokeDasharray="4 3" />
        <Bar dataKey="range" name={`${level} CI`} fill="#c7d2fe" barSize={14} isAnimationActive={false} />
        <Scatter dataKey="uplift" name="Observed uplift" fill={CHART_COLOURS.actual} isAnimationActive={false} />
      </ComposedChart>
    </figure>
  );
}
