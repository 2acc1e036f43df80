import { PROGRESS_STATUS_LABELS, type ProgressStatus } from "@meridian/domain";
import { STATUS_DOTS, StatusPill, type StatusTone } from "~/components/ui/status-pill";

/** A progress status as a traffic light: no data is grey, never a colour that reads like a result. */
export const PROGRESS_TONES: Record<ProgressStatus, StatusTone> = {
  on_track: "green",
  at_risk: "amber",
  off_track: "red",
  no_data: "grey",
};

export const STATUS_STYLES: Record<ProgressStatus, { bar: string; dot: string }> = {
  on_track: { bar: "bg-emerald-500", dot: STATUS_DOTS.green },
  at_risk: { bar: "bg-amber-500", dot: STATUS_DOTS.amber },
  off_track: { bar: "bg-rose-500", dot: STATUS_DOTS.red },
  no_data: { bar: "bg-slate-300", dot: STATUS_DOTS.grey },
};

export function StatusBadge({ status }: { status: ProgressStatus }) {
  return <StatusPill tone={PROGRESS_TONES[status]} label={PROGRESS_STATUS_LABELS[status]} />;
}

/** The coloured dot of a status, beside its label in a legend or a count. */
export function StatusDot({ status }: { status: ProgressStatus }) {
  return <span aria-hidden="true" className={`h-2 w-2 rounded-full ${STATUS_STYLES[status].dot}`} />;
}
