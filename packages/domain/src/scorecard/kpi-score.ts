export const KPI_STATUSES = ["red", "amber", "green", "no_data"] as const;
export type KpiStatus = (typeof KPI_STATUSES)[number];

/** Red below this score, amber below GREEN_FROM, green from there (0–10 scale). */
export const RED_BELOW = 10 / 3;
export const GREEN_FROM = 20 / 3;

/**
 * The goal / red-flag score on a 0–10 scale: with d = goal − redFlag,
 * score = clamp(10·(actual − (redFlag − d)) / (3d), 0, 10). The red flag scores
 * 3.33 and the goal 6.67. One formula serves lower-is-better KPIs, where d < 0.
 * Missing data stays missing: no actual, no score.
 */
export function kpiScore(actual: number | null, goal: number, redFlag: number): number | null {
  if (actual === null || !Number.isFinite(actual)) return null;
  const d = goal - redFlag;
  if (d === 0) return null; // an undefined band is refused on input; never divide by it
  const raw = (10 * (actual - (redFlag - d))) / (3 * d);
  return Math.min(10, Math.max(0, raw));
}

export function kpiStatus(score: number | null): KpiStatus {
  if (score === null) return "no_data";
  // Rounded to two decimals first, so the red flag itself (3.333…) is amber, as shown.
  const shown = Math.round(score * 100) / 100;
  if (shown < Math.round(RED_BELOW * 100) / 100) return "red";
  if (shown < Math.round(GREEN_FROM * 100) / 100) return "amber";
  return "green";
}

/** Weighted mean of the children's scores, leaving out the ones with no data; null when none has data. */
export function weightedScore(children: readonly { score: number | null; weight: number }[]): number | null {
  let weightSum = 0;
  let sum = 0;
  for (const child of children) {
    if (child.score === null || !(child.weight > 0)) continue;
    weightSum += child.weight;
    sum += child.weight * child.score;
  }
  return weightSum === 0 ? null : sum / weightSum;
}
