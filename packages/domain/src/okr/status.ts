import type { Progress } from "./key-result-progress";

export const PROGRESS_STATUSES = ["on_track", "at_risk", "off_track", "no_data"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  no_data: "No data",
};

/** Confidence at or below this (0–10 scale) makes an item at least "at risk". */
export const LOW_CONFIDENCE = 3;
const AT_RISK_BELOW = -0.2;
const OFF_TRACK_BELOW = -0.4;
// Absorbs floating-point noise so that 0.5 − 0.7 lands on the at-risk boundary, not past it.
const EPSILON = 1e-9;

/**
 * The boundaries `progressStatus` draws, for a query that must filter or count
 * by status in SQL (the API's status expression is tested against this function).
 */
export const PROGRESS_STATUS_BOUNDS = {
  /** Progress − expected above this is on track… */
  onTrackAbove: AT_RISK_BELOW + EPSILON,
  /** …at or above this at risk, below it off track. */
  atRiskFrom: OFF_TRACK_BELOW - EPSILON,
  lowConfidence: LOW_CONFIDENCE,
} as const;

/** Elapsed fraction of a period, 0 before it starts and 1 after it ends. */
export function expectedByNow(start: Date, end: Date, now: Date): number {
  const total = end.getTime() - start.getTime();
  if (total <= 0) return now.getTime() >= end.getTime() ? 1 : 0;
  const elapsed = (now.getTime() - start.getTime()) / total;
  return Math.min(1, Math.max(0, elapsed));
}

export function progressStatus(
  progress: Progress,
  expected: number,
  latestConfidence: number | null = null,
): ProgressStatus {
  if (!progress.hasData) return "no_data";
  const gap = progress.progress - expected;
  let status: ProgressStatus;
  if (gap > AT_RISK_BELOW + EPSILON) status = "on_track";
  else if (gap >= OFF_TRACK_BELOW - EPSILON) status = "at_risk";
  else status = "off_track";
  if (status === "on_track" && latestConfidence !== null && latestConfidence <= LOW_CONFIDENCE) {
    status = "at_risk";
  }
  return status;
}
