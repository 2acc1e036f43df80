import { KPI_STATUSES } from "@meridian/domain";
import { formatScore, KPI_STATUS_STYLES } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import type { ScorecardTree, TrendPoint } from "~/components/scorecard/types";

/** The headline numbers: the scorecard's score, each perspective's, and how the KPIs split by status. */
export function ScorecardSummary({ tree }: { tree: ScorecardTree }) {
  const counts = tree.kpiStatuses;
  const total = KPI_STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <section aria-label="Scorecard summary" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
      <div className="rounded-2xl border border-indigo-200 bg-gradient-to-br from-indigo-50 to-white p-4 shadow-sm sm:col-span-2 lg:col-span-2">
        <p className="text-xs font-medium text-slate-500">Overall score · {tree.period.label}</p>
        <div className="mt-1 flex items-baseline gap-3">
          <p className="text-4xl font-semibold tabular-nums text-slate-900">{formatScore(tree.score)}</p>
          <span className="text-sm text-slate-500">/ 10</span>
          <StatusPill status={tree.status} />
        </div>
        <Delta trend={tree.trend} />
        <p className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600">
          {(["green", "amber", "red", "no_data"] as const).map((s) => (
            <span key={s} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className={`h-2 w-2 rounded-full ${KPI_STATUS_STYLES[s].dot}`} />
              <span className="tabular-nums font-medium">{counts[s]}</span> {KPI_STATUS_STYLES[s].label.toLowerCase()}
            </span>
          ))}
          <span className="text-slate-500">of {total} KPIs</span>
        </p>
      </div>
      {tree.perspectives.map((p) => (
        <div key={p.id} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm">
          <p className="truncate text-xs font-medium text-slate-500" title={p.name}>
            {p.name}
          </p>
          <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{formatScore(p.score)}</p>
          <div className="mt-1 flex items-center justify-between gap-2">
            <StatusPill status={p.status} />
          </div>
          <Delta trend={p.trend} />
        </div>
      ))}
    </section>
  );
}

/** The change since the quarter before, when both have a score. */
function Delta({ trend }: { trend: readonly TrendPoint[] }) {
  const now = trend.at(-1)?.score ?? null;
  const before = trend.at(-2)?.score ?? null;
  if (now === null || before === null) {
    return <p className="mt-1 text-xs text-slate-500">No comparison with last quarter</p>;
  }
  const change = Math.round((now - before) * 10) / 10;
  const tone = change > 0 ? "text-emerald-700" : change < 0 ? "text-rose-700" : "text-slate-500";
  const arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■";
  return (
    <p className={`mt-1 text-xs ${tone}`}>
      <span aria-hidden="true">{arrow}</span> {change > 0 ? "+" : ""}
      {change.toFixed(1)} <span className="text-slate-500">vs last quarter</span>
    </p>
  );
}
