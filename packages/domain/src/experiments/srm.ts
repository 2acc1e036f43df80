// Sample-ratio mismatch: were people assigned in the split the experiment planned? A mismatch means the assignment is broken and no result can be trusted.
import { chiSquareUpperTail } from "./distributions";

/** Below this p-value the split is flagged (a common industry threshold; a true 50/50 trips it once in a thousand). */
export const SRM_THRESHOLD = 0.001;

export interface SampleRatioCheck {
  chiSquare: number;
  degreesOfFreedom: number;
  pValue: number;
  mismatch: boolean;
  /** Exposures the planned split expects per variant, in input order. */
  expected: number[];
}

/**
 * Pearson's chi-square goodness-of-fit of observed exposures against the planned
 * weights (any positive numbers; 50/50 and 1/1 mean the same). Null with fewer
 * than two variants, no exposures, or a weight that is not positive.
 */
export function sampleRatioMismatch(exposures: number[], plannedWeights: number[]): SampleRatioCheck | null {
  if (exposures.length < 2 || exposures.length !== plannedWeights.length) return null;
  if (plannedWeights.some((w) => !(w > 0))) return null;
  const total = exposures.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const weightSum = plannedWeights.reduce((a, b) => a + b, 0);
  const expected = plannedWeights.map((w) => (total * w) / weightSum);
  const chiSquare = exposures.reduce((sum, observed, i) => {
    const e = expected[i] ?? Number.NaN;
    return sum + (observed - e) ** 2 / e;
  }, 0);
  const degreesOfFreedom = exposures.length - 1;
  const pValue = chiSquareUpperTail(chiSquare, degreesOfFreedom);
  return { chiSquare, degreesOfFreedom, pValue, mismatch: pValue < SRM_THRESHOLD, expected };
}
