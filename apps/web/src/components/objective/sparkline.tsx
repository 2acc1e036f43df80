"use client";

import { Line, LineChart, YAxis } from "recharts";

/** A tiny trend of a key result's check-in values; decoration only, the numbers are in the table. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  if (values.length < 2) {
    return (
      <span aria-hidden="true" className="block h-7 w-24 text-center text-[11px] leading-7 text-slate-400">
        {values.length === 0 ? "no data" : "1 check-in"}
      </span>
    );
  }
  const data = values.map((value, i) => ({ i, value }));
  return (
    <div aria-hidden="true" title={label} className="h-7 w-24">
      <LineChart
        width={96}
        height={28}
        data={data}
        margin={{ top: 3, right: 3, bottom: 3, left: 3 }}
        accessibilityLayer={false}
      >
        <YAxis hide domain={["dataMin", "dataMax"]} />
        <Line
          type="monotone"
          dataKey="value"
          stroke="#4f46e5"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
