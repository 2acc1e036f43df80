// How many people each variant needs to detect the minimum effect with the chosen power, and how many are still missing.
import { standardNormalQuantile } from "./distributions";

export interface SampleSizePlan {
  /** The control conversion rate the plan assumes, in (0, 1). */
  baselineRate: number;
  /** The smallest relative uplift worth detecting (0.1 = +10 %). */
  minimumDetectableEffect: number;
  alpha: number;
  power: number;
  /** How many treatments are compared with control; the plan tests each at α ÷ m, Holm's strictest step. */
  treatments?: number;
  /** Treatment exposures per control exposure the split plans (1 for 50/50). */
  ratio?: number;
}

/**
 * Exposures per variant for a two-sided two-proportion z-test (the normal
 * approximation with the pooled variance under the null and the unpooled one
 * under the alternative, Fleiss' form). Returns control and treatment sizes,
 * rounded up; null when the plan is impossible (a treatment rate outside (0, 1),
 * an effect of 0).
 */
export function requiredSamplePerVariant(plan: SampleSizePlan): { control: number; treatment: number } | null {
  const { baselineRate: p1, minimumDetectableEffect: mde, alpha, power } = plan;
  const m = plan.treatments ?? 1;
  const r = plan.ratio ?? 1;
  const p2 = p1 * (1 + mde);
  if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || mde === 0 || !(r > 0) || m < 1) return null;
  if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1)) return null;
  const zAlpha = standardNormalQuantile(1 - alpha / m / 2);
  const zBeta = standardNormalQuantile(power);
  const pBar = (p1 + r * p2) / (1 + r);
  const numerator =
    zAlpha * Math.sqrt(pBar * (1 - pBar) * (1 + 1 / r)) + zBeta * Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / r);
  const control = Math.ceil(numerator ** 2 / (p2 - p1) ** 2);
  return { control, treatment: Math.ceil(control * r) };
}

/** Exposures still missing before the planned sample is reached (never negative). */
export function sampleStillNeeded(required: number, observed: number): number {
  return Math.max(0, required - observed);
}
