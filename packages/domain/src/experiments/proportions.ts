// Two-proportion comparisons: the rate of each variant, the uplift of a treatment over control, its z-test and intervals.
import { conversionRate } from "../scorecard/computed-kpi";
import { standardNormalQuantile, twoSidedNormalP } from "./distributions";

/** One variant's totals for one metric: people exposed and those of them who converted. */
export interface VariantCounts {
  exposures: number;
  conversions: number;
}

/** Conversions ÷ exposures, the same rule as the computed conversion-rate KPI; null with no exposures (missing, never zero). */
export function variantRate({ exposures, conversions }: VariantCounts): number | null {
  return conversionRate(conversions, exposures);
}

export interface Interval {
  low: number;
  high: number;
}

export interface Comparison {
  controlRate: number;
  treatmentRate: number;
  /** treatment − control, in rate units (0.01 = one percentage point). */
  absoluteUplift: number;
  /** treatment ÷ control − 1; null when control has no conversions. */
  relativeUplift: number | null;
  /** The pooled two-proportion z statistic; 0 when both rates are 0 or 1 alike. */
  z: number;
  /** Two-sided p-value of the z-test, in [0, 1]. */
  pValue: number;
  /** Wald (unpooled) interval of the absolute difference at the given confidence. */
  differenceInterval: Interval;
  /** Delta-method interval of the relative uplift, on the log of the ratio; null when either variant has no conversions. */
  relativeInterval: Interval | null;
}

/**
 * Compares a treatment with control at `confidence` (0.95 → 95 % intervals).
 * The test pools the two rates (the null hypothesis says they are equal); the
 * interval does not (it describes the difference the data show). Null when
 * either variant has no exposures.
 */
export function compareProportions(
  control: VariantCounts,
  treatment: VariantCounts,
  confidence = 0.95,
): Comparison | null {
  const pA = variantRate(control);
  const pB = variantRate(treatment);
  if (pA === null || pB === null) return null;
  const nA = control.exposures;
  const nB = treatment.exposures;
  const diff = pB - pA;

  const pooled = (control.conversions + treatment.conversions) / (nA + nB);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const z = pooledSe > 0 ? diff / pooledSe : 0;
  const pValue = pooledSe > 0 ? twoSidedNormalP(z) : 1;

  const zCrit = standardNormalQuantile(1 - (1 - confidence) / 2);
  const se = Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB);
  const differenceInterval = { low: diff - zCrit * se, high: diff + zCrit * se };

  let relativeInterval: Interval | null = null;
  if (control.conversions > 0 && treatment.conversions > 0) {
    const logRatio = Math.log(pB / pA);
    const seLog = Math.sqrt((1 - pA) / control.conversions + (1 - pB) / treatment.conversions);
    relativeInterval = { low: Math.exp(logRatio - zCrit * seLog) - 1, high: Math.exp(logRatio + zCrit * seLog) - 1 };
  }

  return {
    controlRate: pA,
    treatmentRate: pB,
    absoluteUplift: diff,
    relativeUplift: pA > 0 ? pB / pA - 1 : null,
    z,
    pValue,
    differenceInterval,
    relativeInterval,
  };
}
