import { PROGRESS_STATUS_LABELS, type ProgressStatus } from "@meridian/domain";

export const STATUS_STYLES: Record<ProgressStatus, { badge: string; bar: string; dot: string }> = {
  on_track: {
    badge: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
    bar: "bg-emerald-500",
    dot: "bg-emerald-500",
  },
  at_risk: { badge: "bg-amber-50 text-amber-800 ring-amber-600/20", bar: "bg-amber-500", dot: "bg-amber-500" },
  off_track: { badge: "bg-rose-50 text-rose-700 ring-rose-600/20", bar: "bg-rose-500", dot: "bg-rose-500" },
  no_data: { badge: "bg-slate-100 text-slate-600 ring-slate-500/20", bar: "bg-slate-300", dot: "bg-slate-400" },
};

export function StatusBadge({ status }: { status: ProgressStatus }) {
  return (
    <span
      className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[status].badge}`}
    >
      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${STATUS_STYLES[status].dot}`} />
      {PROGRESS_STATUS_LABELS[status]}
    </span>
  );
}
