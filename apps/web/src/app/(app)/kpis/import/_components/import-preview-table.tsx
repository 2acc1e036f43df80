"use client";

import { useState } from "react";
import { type Column, ColumnHeads } from "~/components/scorecard/column-heads";
import { ScrollBox } from "~/components/ui/scroll-box";
import type { ImportPreview, ImportRowStatus } from "./types";

const STATUS: Record<ImportRowStatus, { label: string; style: string }> = {
  new: { label: "New", style: "bg-emerald-50 text-emerald-700 ring-emerald-600/20" },
  update: { label: "Update", style: "bg-indigo-50 text-indigo-700 ring-indigo-600/20" },
  unchanged: { label: "Unchanged", style: "bg-slate-100 text-slate-600 ring-slate-500/20" },
  error: { label: "Error", style: "bg-rose-50 text-rose-700 ring-rose-600/20" },
};
const COLUMNS: readonly Column[] = [
  "Line",
  "KPI",
  "Period",
  { label: "Value", className: "py-2 pr-3 text-right font-medium" },
  { label: "Now", className: "py-2 pr-3 text-right font-medium" },
  "Status",
  { label: "Problems", className: "py-2 font-medium" },
];
/** Rows drawn at once: a 10,000-row file is summarised, not rendered whole. */
const SHOWN = 500;

const number = new Intl.NumberFormat("en", { maximumFractionDigits: 6 });
const show = (value: number | null) => (value === null ? "—" : number.format(value));

/** A cell that could not be read, shown as written so the row can be found in the file. */
function AsWritten({ text }: { text: string }) {
  if (!text.trim()) return <span className="text-slate-500">(empty)</span>;
  return (
    <span className="font-normal text-slate-500 italic" title="As written in the file">
      {text.length > 40 ? `${text.slice(0, 39)}…` : text}
    </span>
  );
}

export function ImportCounts({ counts }: { counts: ImportPreview["counts"] }) {
  return (
    <ul aria-label="Preview summary" className="flex flex-wrap gap-2 text-sm">
      {(Object.keys(STATUS) as ImportRowStatus[]).map((status) => (
        <li key={status} className={`rounded-full px-2.5 py-0.5 font-medium ring-1 ring-inset ${STATUS[status].style}`}>
          {STATUS[status].label}: <span className="tabular-nums">{counts[status]}</span>
        </li>
      ))}
    </ul>
  );
}

/** The file's rows as the import would take them, errors first in the eye: red rows with their reasons. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const [onlyErrors, setOnlyErrors] = useState(false);
  const rows = onlyErrors ? preview.rows.filter((r) => r.status === "error") : preview.rows;
  const shown = rows.slice(0, SHOWN);
  return (
    <div className="space-y-3">
      {preview.counts.error > 0 && (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
          Show only rows with errors
        </label>
      )}
      <ScrollBox label="Rows of the CSV file">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Rows of the CSV file</caption>
          <thead className="text-xs text-slate-500">
            <ColumnHeads className="py-2 pr-3 font-medium" columns={COLUMNS} />
          </thead>
          <tbody className="divide-y divide-slate-100">
            {shown.map((row) => (
              <tr key={row.line} className={row.status === "error" ? "bg-rose-50/50" : ""}>
                <td className="py-2 pr-3 tabular-nums text-slate-500">{row.line}</td>
                <td className="py-2 pr-3 font-medium text-slate-900">
                  {row.kpi?.name ?? <AsWritten text={row.cells.kpi} />}
                </td>
                <td className="whitespace-nowrap py-2 pr-3 text-slate-700">
                  {row.periodLabel ? (
                    <span title={`Starts ${row.periodStart}`}>{row.periodLabel}</span>
                  ) : (
                    <AsWritten text={row.cells.period} />
                  )}
                </td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">
                  {row.value === null ? <AsWritten text={row.cells.value} /> : show(row.value)}
                </td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums text-slate-500">
                  {show(row.previous)}
                </td>
                <td className="py-2 pr-3">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS[row.status].style}`}
                  >
                    {STATUS[row.status].label}
                  </span>
                </td>
                <td className="py-2 text-rose-700">
                  {row.errors.length > 0 && (
                    <ul className="space-y-0.5">
                      {row.errors.map((error) => (
                        <li key={error}>{error}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {rows.length > shown.length && (
        <p className="text-xs text-slate-500">
          Showing the first {shown.length} of {rows.length} rows.
        </p>
      )}
    </div>
  );
}
