import { expectedByNow } from "../okr/status";

/**
 * How much of the review's cycle has passed (the same elapsed fraction as
 * "expected by now", 0–1), and whether it has ended: finalizing a review
 * before its cycle ends freezes numbers that are still moving.
 */
export interface CycleTiming {
  elapsed: number;
  ended: boolean;
}

export function cycleTiming(start: Date, end: Date, now: Date): CycleTiming {
  return { elapsed: expectedByNow(start, end, now), ended: now.getTime() >= end.getTime() };
}

/**
 * The question the Finalize confirmation asks before the cycle has ended —
 * "62 % of Q3 2026 has passed — finalize anyway?" — or null once it has. The
 * share is rounded down, so an unfinished cycle never reads as 100 %.
 */
export function earlyFinalizeWarning(cycleName: string, timing: CycleTiming): string | null {
  if (timing.ended) return null;
  const percent = Math.min(99, Math.max(0, Math.floor(timing.elapsed * 100)));
  return `${percent} % of ${cycleName} has passed — finalize anyway?`;
}
