// What an experiment's edit may still change once it has started. A fixed-horizon test (ADR 0018) is valid
// only for the plan it started with: changing the effect, significance, power or baseline moves the sample it
// waits for; changing the split or the variants makes the numbers so far answer a different question (and the
// sample-ratio check test against a split nobody ran); changing the primary metric after seeing data is the
// classic way to find a "winner" by chance. Careful experimentation tools refuse these once traffic flows;
// so do we. The name, hypothesis, owner, team, end date and links stay editable, and secondary metrics may be
// added (never removed or renamed: numbers may be recorded under them, and pushes name them).
import type { ExperimentStatus } from "./experiment-status";

/** The plan as the form and the API compare it: percent as typed, basis points rounded the same way. */
export interface ExperimentPlanSnapshot {
  startDate: string | null;
  minimumDetectableEffect: number;
  alpha: number;
  power: number;
  baselineRate: number | null;
  variants: readonly { name: string; weight: number }[];
  primaryMetric: string;
  secondaryMetrics: readonly string[];
}

export const LOCKED_ONCE_STARTED = [
  "startDate",
  "minimumDetectableEffect",
  "alpha",
  "power",
  "baselineRate",
  "variants",
  "primaryMetric",
] as const;
export type LockedPlanField = (typeof LOCKED_ONCE_STARTED)[number];

export const LOCKED_FIELD_LABELS: Record<LockedPlanField | "secondaryMetrics", string> = {
  startDate: "the start date",
  minimumDetectableEffect: "the minimum effect",
  alpha: "the significance level",
  power: "the power",
  baselineRate: "the baseline rate",
  variants: "the variants and their planned split",
  primaryMetric: "the primary metric",
  secondaryMetrics: "the secondary metrics already recorded (add new ones instead)",
};

/** What the page says about it, in one place. */
export const PLAN_LOCK_NOTE =
  "This experiment has started: its start date, minimum effect, significance, power, baseline rate, variants, planned split and primary metric are fixed, because changing them would change the question its numbers answer. You can still change its name, hypothesis, owner, team, end date and links, and add secondary metrics.";

/** An experiment's plan is fixed from the moment it starts (concluded ones are frozen altogether). */
export const planIsLocked = (status: ExperimentStatus) => status !== "draft";

const bp = (percent: number) => Math.round(percent * 100);
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The locked parts of the plan that `next` would change, given what is stored (`saved`). Fields absent from
 * `next` are unchanged. Empty for a draft, whose plan is free. Rates compare in whole basis points, as stored.
 */
export function lockedChanges(
  status: ExperimentStatus,
  saved: ExperimentPlanSnapshot,
  next: Partial<ExperimentPlanSnapshot>,
): (LockedPlanField | "secondaryMetrics")[] {
  if (!planIsLocked(status)) return [];
  const changed: (LockedPlanField | "secondaryMetrics")[] = [];
  if (next.startDate !== undefined && next.startDate !== saved.startDate) changed.push("startDate");
  for (const key of ["minimumDetectableEffect", "alpha", "power"] as const) {
    const value = next[key];
    if (value !== undefined && bp(value) !== bp(saved[key])) changed.push(key);
  }
  if (
    next.baselineRate !== undefined &&
    (next.baselineRate === null ? null : bp(next.baselineRate)) !==
      (saved.baselineRate === null ? null : bp(saved.baselineRate))
  )
    changed.push("baselineRate");
  if (
    next.variants !== undefined &&
    (next.variants.length !== saved.variants.length ||
      next.variants.some((v, i) => {
        const s = saved.variants[i];
        return !s || v.name.trim() !== s.name || v.weight !== s.weight;
      }))
  )
    changed.push("variants");
  if (next.primaryMetric !== undefined && !sameName(next.primaryMetric, saved.primaryMetric))
    changed.push("primaryMetric");
  const secondary = next.secondaryMetrics;
  if (secondary !== undefined && saved.secondaryMetrics.some((s) => !secondary.some((n) => sameName(n, s))))
    changed.push("secondaryMetrics");
  return changed;
}

/** The refusal, naming what would change. */
export function lockedChangesMessage(changed: readonly (LockedPlanField | "secondaryMetrics")[]): string {
  const names = changed.map((c) => LOCKED_FIELD_LABELS[c]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  return `The experiment has started, so ${list} can no longer change: its numbers so far were collected under that plan.`;
}
