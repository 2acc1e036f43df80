"use client";

import { type Currency, formatMoney, toMajorUnits, toMinorUnits } from "@meridian/domain";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS, chartAxis, chartGrid } from "~/components/ui/chart-defaults";

/** Budget and spend per month, side by side (the table below gives the same figures in words). */
export function SpendChart({
  months,
  currency,
}: {
  months: { start: string; label: string; budget: number | null; spend: number | null }[];
  currency: Currency;
}) {
  const data = months.map((m) => ({
    label: m.label,
    Budget: m.budget === null ? null : toMajorUnits(m.budget, currency),
    Spend: m.spend === null ? null : toMajorUnits(m.spend, currency),
  }));
  return (
    <figure className="m-0 mt-3 h-64" aria-label="Budget and spend per month (the table below gives the figures)">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <CartesianGrid {...chartGrid} />
          <XAxis dataKey="label" {...chartAxis(12)} />
          <YAxis
            {...chartAxis(12)}
            width={70}
            tickFormatter={(v: number) =>
              formatMoney(toMinorUnits(Math.round(v), currency), currency, { compact: true })
            }
          />
          <Tooltip
            formatter={(v) =>
              typeof v === "number"
                ? formatMoney(Math.round(v * 100) / 100 === v ? toMinorUnits(v, currency) : null, currency)
                : "—"
            }
          />
          <Legend />
          <Bar dataKey="Budget" fill={CHART_COLOURS.muted} isAnimationActive={false} />
          <Bar dataKey="Spend" fill={CHART_COLOURS.actual} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
