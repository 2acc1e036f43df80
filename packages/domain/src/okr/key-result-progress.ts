import type { KeyResultType } from "./key-result-types";

export interface KeyResultMeasure {
  type: KeyResultType;
  startValue: number;
  targetValue: number;
}

export interface Progress {
  /** Raw fraction: 1.25 is over-achievement, -0.1 is going backwards. */
  progress: number;
  /** False until the first check-in: silence is never green. */
  hasData: boolean;
}

export const NO_DATA: Progress = Object.freeze({ progress: 0, hasData: false });

/**
 * Progress of one key result given its latest checked-in value
 * (`null` when nobody has checked in yet).
 */
export function keyResultProgress(kr: KeyResultMeasure, current: number | null): Progress {
  if (current === null || !Number.isFinite(current)) return NO_DATA;
  switch (kr.type) {
    case "increase_to":
    case "decrease_to": {
      const span = kr.targetValue - kr.startValue;
      // target = start is rejected on input; guard anyway so a bad row never yields NaN.
      if (span === 0) return { progress: current === kr.targetValue ? 1 : 0, hasData: true };
      // `+ 0` turns the −0 of a decrease still at its start into a plain 0.
      return { progress: (current - kr.startValue) / span + 0, hasData: true };
    }
    case "stay_at_or_above":
      return { progress: current >= kr.targetValue ? 1 : 0, hasData: true };
    case "stay_at_or_below":
      return { progress: current <= kr.targetValue ? 1 : 0, hasData: true };
    case "milestone":
      return { progress: current >= 1 ? 1 : 0, hasData: true };
    case "percentage":
      return { progress: current / 100, hasData: true };
  }
}

/** For progress bars: raw progress clamped to 0..1. */
export function clampProgress(progress: number): number {
  if (Number.isNaN(progress)) return 0;
  return Math.min(1, Math.max(0, progress));
}

/** Why a key result definition is invalid, or null when it is fine. */
export function keyResultDefinitionError(kr: KeyResultMeasure): string | null {
  if ((kr.type === "increase_to" || kr.type === "decrease_to") && kr.targetValue === kr.startValue) {
    return "Target must differ from the start value.";
  }
  if (kr.type === "increase_to" && kr.targetValue < kr.startValue) {
    return "For an 'increase to' key result the target must be above the start value.";
  }
  if (kr.type === "decrease_to" && kr.targetValue > kr.startValue) {
    return "For a 'decrease to' key result the target must be below the start value.";
  }
  return null;
}

/** Why a checked-in value is invalid for this type, or null when it is fine. */
export function checkInValueError(type: KeyResultType, value: number): string | null {
  if (type === "milestone" && value !== 0 && value !== 1) {
    return "A milestone check-in is done (1) or not done (0).";
  }
  if (type === "percentage" && (value < 0 || value > 100)) {
    return "A percentage check-in is between 0 and 100.";
  }
  return null;
}
