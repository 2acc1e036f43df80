// The normal and chi-square distributions come from stdlib (Apache-2.0), not from our own approximations: see ADR 0018.
import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";

/** Φ(x), the standard normal distribution function. */
export const standardNormalCdf = (x: number): number => normalCdf(x, 0, 1);

/** Φ⁻¹(p), the standard normal quantile. */
export const standardNormalQuantile = (p: number): number => normalQuantile(p, 0, 1);

/** P(X ≥ x) for X ~ χ²(df); clamped to [0, 1] against rounding. */
export const chiSquareUpperTail = (x: number, df: number): number => clamp01(1 - chisquareCdf(x, df));

/** P(|Z| ≥ |z|) for a standard normal Z. */
export const twoSidedNormalP = (z: number): number => clamp01(2 * standardNormalCdf(-Math.abs(z)));

const clamp01 = (p: number) => Math.min(1, Math.max(0, p));
