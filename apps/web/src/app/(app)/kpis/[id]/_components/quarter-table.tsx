import { formatKpiValue, targetShareLabel } from "@meridian/domain";
import type { KpiDetail } from "~/components/kpi/types";
import { type Column, ColumnHeads } from "~/components/scorecard/column-heads";
import { formatScore } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import { ScrollBox } from "~/components/ui/scroll-box";

const HEAD = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const COLUMNS: readonly Column[] = [
  "Quarter",
  { label: "Actual", right: true },
  { label: "Goal", right: true },
  { label: "Red flag", right: true },
  { label: "Score", right: true },
  "Status",
];
const NUM = "whitespace-nowrap px-3 py-2 text-right tabular-nums";

/** The KPI quarter by quarter, newest first: the numbers the scorecard and the reviews use. */
export function QuarterTable({ detail }: { detail: KpiDetail }) {
  const { kpi } = detail;
  const fmt = (v: number | null) => formatKpiValue(v, kpi.unit, kpi.kind);
  const overridden = new Set(detail.targets.map((t) => t.periodStart));
  return (
    <ScrollBox label={`${kpi.name} by quarter`}>
      <table className="w-full min-w-[560px] border-collapse text-sm">
        <caption className="sr-only">{kpi.name} by quarter: actual, goal, red flag, score and status</caption>
        <thead className="border-b border-slate-200">
          <ColumnHeads className={HEAD} columns={COLUMNS} />
        </thead>
        <tbody className="divide-y divide-slate-100">
          {[...detail.history].reverse().map((row) => (
            <tr key={row.period.start}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-800">
                {row.label}
                {overridden.has(row.period.start) && (
                  <span className="block text-xs font-normal text-slate-500">own targets</span>
                )}
              </th>
              <td className={`${NUM} text-slate-900`}>{fmt(row.actual)}</td>
              <td className={`${NUM} text-slate-600`}>
                {fmt(row.goal)}
                {row.targetShare && (
                  <span className="block text-xs text-slate-500">
                    {targetShareLabel(row.targetShare, detail.kpi.frequency)}
                  </span>
                )}
              </td>
              <td className={`${NUM} text-slate-600`}>{fmt(row.redFlag)}</td>
              <td className={`${NUM} font-medium text-slate-900`}>{formatScore(row.score)}</td>
              <td className="whitespace-nowrap px-3 py-2">
                <StatusPill status={row.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
