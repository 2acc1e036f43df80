"use client";

import { quarterLabel } from "@meridian/domain";
import { useId } from "react";

/** Picks the quarter the scorecard shows; the page keeps it in the URL. */
export function QuarterSelect({
  quarters,
  value,
  onChange,
}: {
  quarters: readonly { start: string; label: string }[];
  value: string;
  onChange: (start: string) => void;
}) {
  const id = useId();
  // A quarter reached by URL that holds no data is still listed, so the select shows what the page shows.
  const options = quarters.some((q) => q.start === value)
    ? quarters
    : [...quarters, { start: value, label: quarterLabel(value) }];
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        Quarter
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="mt-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
      >
        {options.map((q) => (
          <option key={q.start} value={q.start}>
            {q.label}
          </option>
        ))}
      </select>
    </div>
  );
}
