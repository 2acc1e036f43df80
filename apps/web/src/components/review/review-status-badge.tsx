import type { ReviewStatus } from "@meridian/domain";

const STYLES: Record<ReviewStatus, { className: string; label: string }> = {
  open: { className: "bg-indigo-50 text-indigo-700 ring-indigo-600/20", label: "Open" },
  finalized: { className: "bg-slate-100 text-slate-700 ring-slate-500/30", label: "Finalized" },
};

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const style = STYLES[status];
  return (
    <span
      className={`inline-flex shrink-0 items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${style.className}`}
    >
      {style.label}
    </span>
  );
}
