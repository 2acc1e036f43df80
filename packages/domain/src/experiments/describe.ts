// The verdict in plain words, shared by the experiments list and the experiment page so both say the same thing.
import type { ExperimentAnalysis, TreatmentResult } from "./verdict";

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits).replace(/\.0+$/, "")} %`;
const signed = (x: number, digits = 1) => `${x >= 0 ? "+" : "−"}${pct(Math.abs(x), digits)}`;

/** "p = 0.03", "p < 0.001". */
export function formatPValue(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** "Treatment B converts 20 % better than Control (p = 0.03, 95 % CI +2 % to +38 %)." */
export function describeTreatment(t: TreatmentResult, controlName: string, confidence: number): string {
  const c = t.comparison;
  if (!c) return `${t.variant.name} has no exposures yet.`;
  const p = formatPValue(t.adjustedP ?? c.pValue);
  const level = pct(confidence, 0);
  if (c.relativeUplift === null)
    return `${t.variant.name} converts at ${pct(c.treatmentRate)}; ${controlName} has no conversions yet (${p}).`;
  const ci = c.relativeInterval
    ? `${level} CI ${signed(c.relativeInterval.low, 0)} to ${signed(c.relativeInterval.high, 0)}`
    : `${level} CI of the difference ${signed(c.differenceInterval.low)} to ${signed(c.differenceInterval.high)} points`;
  const size = pct(Math.abs(c.relativeUplift), 0);
  const direction = c.relativeUplift >= 0 ? "better" : "worse";
  return `${t.variant.name} converts ${size} ${direction} than ${controlName} (${p}, ${ci}).`;
}

/** A headline for the whole experiment. */
export function describeVerdict(a: ExperimentAnalysis, confidence: number): string {
  const controlName = a.control?.name ?? "control";
  switch (a.verdict.kind) {
    case "sample_ratio_mismatch":
      return `Sample-ratio mismatch (${a.srm ? formatPValue(a.srm.pValue) : ""}): traffic did not follow the planned split, so no result can be trusted. Check the assignment.`;
    case "not_enough_data":
      return `Not enough data for a verdict yet. ${a.gateFailures[0] ?? ""}`.trim();
    case "collecting":
      return `Collecting data: ${a.stillNeeded?.toLocaleString("en") ?? "more"} more exposures per variant before a verdict (a fixed-horizon test read early is not valid).`;
    case "treatment_wins": {
      const t = a.treatments.find((x) => x.variant.id === a.verdict.variantId);
      return t ? describeTreatment(t, controlName, confidence) : "A treatment wins.";
    }
    case "control_wins":
      return `${controlName} wins: the treatments convert significantly worse.`;
    case "no_difference":
      return `No significant difference from ${controlName} at the planned sample.`;
  }
}
