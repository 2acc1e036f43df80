import { clampProgress } from "./key-result-progress";

/** A grade on the 0.0–1.0 scale; 0.7 is a good grade for an aspirational objective. */
export interface KeyResultGrade {
  /** Raw progress at close. */
  progress: number;
  weight: number;
  /** The owner's override, which must come with a reason. */
  override: { grade: number; reason: string } | null;
}

/** What Meridian suggests at close: the progress clamped to 0–1, to two decimals. */
export function suggestedGrade(progress: number): number {
  return Math.round(clampProgress(progress) * 100) / 100;
}

/** A key result as stored (override and reason side by side) read as what grading needs. */
export function keyResultGrade(kr: {
  progress: number;
  weight: number;
  gradeOverride: number | null;
  gradeReason: string;
}): KeyResultGrade {
  return {
    progress: kr.progress,
    weight: kr.weight,
    override: kr.gradeOverride === null ? null : { grade: kr.gradeOverride, reason: kr.gradeReason },
  };
}

export function effectiveGrade(kr: KeyResultGrade): number {
  return kr.override ? kr.override.grade : suggestedGrade(kr.progress);
}

/** The objective's grade: the weighted mean of its key results' grades; null with nothing to grade. */
export function objectiveGrade(keyResults: readonly KeyResultGrade[]): number | null {
  let weightSum = 0;
  let sum = 0;
  for (const kr of keyResults) {
    if (!(kr.weight > 0)) continue;
    weightSum += kr.weight;
    sum += kr.weight * effectiveGrade(kr);
  }
  return weightSum === 0 ? null : Math.round((sum / weightSum) * 100) / 100;
}
