import { clampProgress, type ProgressStatus } from "@meridian/domain";
import { formatPercent } from "~/components/ui/format";
import { STATUS_STYLES } from "./status-badge";

/** Raw progress clamped to the bar, with a tick where the cycle expects us to be by now. */
export function ProgressBar({
  progress,
  expected,
  status,
  label,
  size = "md",
}: {
  progress: number;
  expected: number;
  status: ProgressStatus;
  label: string;
  size?: "sm" | "md";
}) {
  const shown = clampProgress(progress);
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(shown * 100)}
        aria-valuetext={`${formatPercent(progress)}, ${formatPercent(expected)} expected by now`}
        className={`relative w-full overflow-hidden rounded-full bg-slate-100 ${size === "sm" ? "h-1.5" : "h-2.5"}`}
      >
        <div className={`h-full rounded-full ${STATUS_STYLES[status].bar}`} style={{ width: `${shown * 100}%` }} />
        <div
          aria-hidden="true"
          title="Expected by now"
          className="absolute inset-y-0 w-0.5 bg-slate-700/60"
          style={{ left: `${expected * 100}%` }}
        />
      </div>
      <span className="w-11 shrink-0 text-right text-sm font-semibold tabular-nums text-slate-700">
        {formatPercent(progress)}
      </span>
    </div>
  );
}

/** An objective's bar, named for it ("Progress of …"), coloured by its status. */
export function ObjectiveProgress({
  objective: o,
  expected,
  size,
}: {
  objective: { title: string; progress: number; progressStatus: ProgressStatus };
  expected: number;
  size?: "sm" | "md";
}) {
  return (
    <ProgressBar
      progress={o.progress}
      expected={expected}
      status={o.progressStatus}
      label={`Progress of ${o.title}`}
      size={size}
    />
  );
}

/** A key result's small bar, named for it. */
export function KeyResultProgress({
  keyResult: kr,
  expected,
}: {
  keyResult: { title: string; progress: number; status: ProgressStatus };
  expected: number;
}) {
  return (
    <ProgressBar
      size="sm"
      progress={kr.progress}
      expected={expected}
      status={kr.status}
      label={`Progress of ${kr.title}`}
    />
  );
}
