import type { KpiStatus } from "@meridian/domain";
import { formatScore, KPI_STATUS_STYLES } from "./status-colours";

/** A small status chip: coloured dot and label, optionally with the score ("Green · 6.8"). */
export function StatusPill({ status, score }: { status: KpiStatus; score?: number | null }) {
  const style = KPI_STATUS_STYLES[status];
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium ${style.bg} ${style.text} ${style.border}`}
    >
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${style.dot}`} />
      {style.label}
      {score !== undefined && score !== null ? <span className="tabular-nums">· {formatScore(score)}</span> : null}
    </span>
  );
}
