// The verdict of an experiment on one metric: the gates it must pass, the fixed horizon it must reach, and what the numbers then say. See ADR 0018.
import { holmAdjust } from "./holm";
import { type Comparison, compareProportions, variantRate } from "./proportions";
import { requiredSamplePerVariant, sampleStillNeeded } from "./sample-size";
import { type SampleRatioCheck, sampleRatioMismatch } from "./srm";

/** No verdict while any variant has fewer exposures or conversions than these: the normal approximation needs them. */
export const MIN_EXPOSURES_PER_VARIANT = 100;
export const MIN_CONVERSIONS_PER_VARIANT = 10;

export interface VariantTotals {
  id: string;
  name: string;
  isControl: boolean;
  /** The planned share of traffic (any positive weight). */
  weight: number;
  exposures: number;
  conversions: number;
}

export interface ExperimentPlan {
  alpha: number;
  power: number;
  /** Relative minimum detectable effect (0.1 = +10 %). */
  minimumDetectableEffect: number;
  /** The control rate the plan assumed; the observed control rate stands in when absent. */
  baselineRate: number | null;
}

export const VERDICT_KINDS = [
  "not_enough_data",
  "sample_ratio_mismatch",
  "collecting",
  "treatment_wins",
  "control_wins",
  "no_difference",
] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];

export interface TreatmentResult {
  variant: VariantTotals;
  rate: number | null;
  comparison: Comparison | null;
  /** Holm-adjusted across the treatments. */
  adjustedP: number | null;
  significant: boolean;
}

export interface ExperimentAnalysis {
  control: VariantTotals | null;
  controlRate: number | null;
  treatments: TreatmentResult[];
  srm: SampleRatioCheck | null;
  /** The variant with the highest observed rate (control included); null before any exposure. */
  leadingVariantId: string | null;
  /** Why no verdict is given yet, in plain words; empty once the gates pass. */
  gateFailures: string[];
  /** Exposures per variant the plan needs; null when it cannot be planned yet (no baseline). */
  requiredPerVariant: number | null;
  /** Exposures still missing, for the variant furthest from the plan. */
  stillNeeded: number | null;
  horizonReached: boolean;
  verdict: { kind: VerdictKind; variantId: string | null };
}

export function analyzeExperiment(variants: VariantTotals[], plan: ExperimentPlan): ExperimentAnalysis {
  const control = variants.find((v) => v.isControl) ?? null;
  const treatmentVariants = variants.filter((v) => !v.isControl);
  const controlRate = control ? variantRate(control) : null;
  const confidence = 1 - plan.alpha;

  const comparisons = treatmentVariants.map((t) => (control ? compareProportions(control, t, confidence) : null));
  const raw = comparisons.map((c) => c?.pValue ?? 1);
  const adjusted = holmAdjust(raw);

  const srm = sampleRatioMismatch(
    variants.map((v) => v.exposures),
    variants.map((v) => v.weight),
  );

  const gateFailures: string[] = [];
  if (!control) gateFailures.push("The experiment has no control variant.");
  if (treatmentVariants.length === 0) gateFailures.push("The experiment has no treatment.");
  for (const v of variants) {
    if (v.exposures < MIN_EXPOSURES_PER_VARIANT)
      gateFailures.push(`${v.name} has ${v.exposures} exposures; a verdict needs ${MIN_EXPOSURES_PER_VARIANT}.`);
    else if (v.conversions < MIN_CONVERSIONS_PER_VARIANT)
      gateFailures.push(`${v.name} has ${v.conversions} conversions; a verdict needs ${MIN_CONVERSIONS_PER_VARIANT}.`);
  }

  const baseline = plan.baselineRate ?? (controlRate && controlRate > 0 ? controlRate : null);
  const controlWeight = control?.weight ?? 1;
  const plans =
    baseline === null
      ? null
      : treatmentVariants.map((t) =>
          requiredSamplePerVariant({
            baselineRate: baseline,
            minimumDetectableEffect: plan.minimumDetectableEffect,
            alpha: plan.alpha,
            power: plan.power,
            treatments: treatmentVariants.length,
            ratio: t.weight / controlWeight,
          }),
        );
  let requiredPerVariant: number | null = null;
  let stillNeeded: number | null = null;
  const sizes = plans?.filter((p) => p !== null) ?? [];
  if (control && sizes.length > 0 && sizes.length === treatmentVariants.length) {
    const needed = Math.max(...sizes.map((p) => p.control));
    requiredPerVariant = needed;
    const missing = [
      sampleStillNeeded(needed, control.exposures),
      ...treatmentVariants.map((t, i) => sampleStillNeeded(sizes[i]?.treatment ?? needed, t.exposures)),
    ];
    stillNeeded = Math.max(...missing);
  }
  const horizonReached = stillNeeded === 0;

  const treatments: TreatmentResult[] = treatmentVariants.map((variant, i) => {
    const comparison = comparisons[i] ?? null;
    const adjustedP = comparison ? (adjusted[i] ?? 1) : null;
    return {
      variant,
      rate: variantRate(variant),
      comparison,
      adjustedP,
      significant: adjustedP !== null && adjustedP < plan.alpha,
    };
  });

  let leadingVariantId: string | null = null;
  let best = -1;
  for (const v of variants) {
    const rate = variantRate(v);
    if (rate !== null && rate > best) {
      best = rate;
      leadingVariantId = v.id;
    }
  }

  return {
    control,
    controlRate,
    treatments,
    srm,
    leadingVariantId,
    gateFailures,
    requiredPerVariant,
    stillNeeded,
    horizonReached,
    verdict: decide(treatments, srm, gateFailures, horizonReached),
  };
}

function decide(
  treatments: TreatmentResult[],
  srm: SampleRatioCheck | null,
  gateFailures: string[],
  horizonReached: boolean,
): ExperimentAnalysis["verdict"] {
  if (srm?.mismatch) return { kind: "sample_ratio_mismatch", variantId: null };
  if (gateFailures.length > 0) return { kind: "not_enough_data", variantId: null };
  if (!horizonReached) return { kind: "collecting", variantId: null };
  const winners = treatments
    .filter((t) => t.significant && (t.comparison?.absoluteUplift ?? 0) > 0)
    .sort((a, b) => (b.comparison?.absoluteUplift ?? 0) - (a.comparison?.absoluteUplift ?? 0));
  const [winner] = winners;
  if (winner) return { kind: "treatment_wins", variantId: winner.variant.id };
  if (treatments.some((t) => t.significant)) return { kind: "control_wins", variantId: null };
  return { kind: "no_difference", variantId: null };
}
