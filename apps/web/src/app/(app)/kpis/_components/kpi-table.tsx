import {
  formatKpiValue,
  hasOwnValues,
  KPI_FREQUENCY_LABELS,
  type KpiKind,
  periodLabel,
  targetShareLabel,
} from "@meridian/domain";
import Link from "next/link";
import type { KpiListItem } from "~/components/kpi/types";
import { type Column, ColumnHeads } from "~/components/scorecard/column-heads";
import { formatScore } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import { ScrollBox } from "~/components/ui/scroll-box";

/** The badge beside a KPI that is not entered: where its values come from. */
const KIND_BADGES: Record<Exclude<KpiKind, "manual">, string> = { ratio: "Ratio", roi: "ROI", campaigns: "Campaigns" };

const HEAD = "px-4 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
const COLUMNS: readonly Column[] = [
  "KPI",
  "Strategic objective",
  "Owner",
  "Frequency",
  { label: "Latest actual", right: true },
  { label: "Goal", right: true },
  "Status",
  { label: "Score", right: true },
];
const CELL = "px-4 py-3 align-top";

/** The organization's KPIs: what each measures, who owns it, where it stands this quarter. */
export function KpiTable({ kpis }: { kpis: KpiListItem[] }) {
  return (
    <ScrollBox label="KPIs">
      <table className="w-full min-w-[960px] border-collapse text-sm">
        <caption className="sr-only">
          KPIs with strategic objective, owner, frequency, latest actual, goal, status and score this quarter
        </caption>
        <thead className="border-y border-slate-200 bg-slate-50/60">
          <ColumnHeads className={HEAD} columns={COLUMNS} />
        </thead>
        <tbody className="divide-y divide-slate-100">
          {kpis.map((k) => (
            <tr key={k.id} className="hover:bg-slate-50/60">
              <th scope="row" className={`${CELL} text-left font-normal`}>
                <Link
                  href={`/kpis/${k.id}`}
                  className="font-medium text-slate-900 hover:text-indigo-700 hover:underline"
                >
                  {k.name}
                </Link>
                {k.kind !== "manual" && (
                  <span className="ml-2 rounded bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-700">
                    {KIND_BADGES[k.kind]}
                  </span>
                )}
              </th>
              <td className={`${CELL} text-slate-700`}>
                {k.strategicObjective ? k.strategicObjective.name : <span className="text-slate-500">Not linked</span>}
              </td>
              <td className={`${CELL} text-slate-700`}>{k.owner.name}</td>
              <td className={`${CELL} text-slate-600`}>{KPI_FREQUENCY_LABELS[k.frequency]}</td>
              <td className={`${CELL} whitespace-nowrap text-right tabular-nums`}>
                {k.latestActual ? (
                  <>
                    <span className="text-slate-900">{formatKpiValue(k.latestActual.value, k.unit, k.kind)}</span>
                    <span className="block text-xs text-slate-500">
                      {periodLabel(k.latestActual.periodStart, k.frequency)}
                    </span>
                  </>
                ) : (
                  <span className="text-slate-500">No data</span>
                )}
              </td>
              <td className={`${CELL} whitespace-nowrap text-right tabular-nums text-slate-700`}>
                {formatKpiValue(k.quarterGoal, k.unit, k.kind)}
                {k.targetShare ? (
                  <span className="block text-xs text-slate-500">{targetShareLabel(k.targetShare, k.frequency)}</span>
                ) : (
                  hasOwnValues(k.kind) &&
                  k.aggregation === "sum" &&
                  k.frequency !== "quarterly" && <span className="block text-xs text-slate-500">quarter total</span>
                )}
              </td>
              <td className={`${CELL} whitespace-nowrap`}>
                <StatusPill status={k.status} />
              </td>
              <td className={`${CELL} text-right font-medium tabular-nums text-slate-900`}>{formatScore(k.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
