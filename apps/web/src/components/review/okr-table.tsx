import { OBJECTIVE_LEVEL_LABELS, type SnapshotOkr } from "@meridian/domain";
import { ProgressBar } from "~/components/okr/progress-bar";
import { StatusBadge } from "~/components/okr/status-badge";
import { formatPercent } from "~/components/ui/format";
import { DataTable, END } from "./data-table";

/** The cycle's OKR objectives as the snapshot froze them: progress against what was expected. */
export function OkrTable({ okrs, printable = false }: { okrs: SnapshotOkr[]; printable?: boolean }) {
  if (okrs.length === 0) return <p className="mt-3 text-sm text-slate-500">No public objectives in this cycle.</p>;
  return (
    <DataTable
      caption="Objectives of the cycle: owner, progress and status"
      tableClassName={printable ? "" : "min-w-[34rem]"}
      columns={["Objective", "Owner", ["Progress", printable ? "w-24 py-2 pr-3" : "w-56 py-2 pr-3"], ["Status", END]]}
    >
      <tbody className="divide-y divide-slate-100">
        {okrs.map((o) => (
          <tr key={o.id} className="align-top">
            <th scope="row" className="py-2 pr-3 font-normal">
              <p className="font-medium text-slate-900">{o.title}</p>
              <p className="text-xs text-slate-500">
                {OBJECTIVE_LEVEL_LABELS[o.level]}
                {o.team ? ` · ${o.team}` : ""}
              </p>
            </th>
            <td className="py-2 pr-3 text-slate-700">{o.owner}</td>
            <td className="py-2 pr-3">
              {printable ? (
                <span className="tabular-nums">
                  {formatPercent(o.progress)}{" "}
                  <span className="text-xs text-slate-500">of {formatPercent(o.expected)}</span>
                </span>
              ) : (
                <ProgressBar
                  progress={o.progress}
                  expected={o.expected}
                  status={o.status}
                  label={`Progress of ${o.title}`}
                  size="sm"
                />
              )}
            </td>
            <td className="py-2 text-right">
              <StatusBadge status={o.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
