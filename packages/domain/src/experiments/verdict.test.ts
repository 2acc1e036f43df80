import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeVerdict } from "./describe";
import { analyzeExperiment, type ExperimentPlan, type VariantTotals } from "./verdict";

const plan: ExperimentPlan = { alpha: 0.05, power: 0.8, minimumDetectableEffect: 0.1, baselineRate: 0.1 };
const v = (id: string, exposures: number, conversions: number, isControl = false, weight = 50): VariantTotals => ({
  id,
  name: isControl ? "Control" : `Treatment ${id.toUpperCase()}`,
  isControl,
  weight,
  exposures,
  conversions,
});

describe("analyzeExperiment", () => {
  it("gives no verdict below the minimum data, and says which variant is short", () => {
    const a = analyzeExperiment([v("a", 80, 9, true), v("b", 85, 12)], plan);
    expect(a.verdict.kind).toBe("not_enough_data");
    expect(a.gateFailures).toEqual([
      "Control has 80 exposures; a verdict needs 100.",
      "Treatment B has 85 exposures; a verdict needs 100.",
    ]);
    expect(a.leadingVariantId).toBe("b");
    const fewConversions = analyzeExperiment([v("a", 500, 9, true), v("b", 500, 40)], plan);
    expect(fewConversions.gateFailures).toEqual(["Control has 9 conversions; a verdict needs 10."]);
  });

  it("holds the verdict until the planned sample is reached, however good it looks (no peeking)", () => {
    // 200/2000 vs 250/2000 has p = 0.012, but the plan (10 % → 11 %) needs 14 751 per variant.
    const a = analyzeExperiment([v("a", 2000, 200, true), v("b", 2000, 250)], plan);
    expect(a.treatments[0]?.comparison?.pValue).toBeCloseTo(0.01235, 4);
    expect(a.requiredPerVariant).toBe(14751);
    expect(a.stillNeeded).toBe(12751);
    expect(a.horizonReached).toBe(false);
    expect(a.verdict.kind).toBe("collecting");
    expect(describeVerdict(a, 0.95)).toBe(
      "Collecting data: 12,751 more exposures per variant before a verdict (a fixed-horizon test read early is not valid).",
    );
  });

  it("names the winner once the plan is met: +20 %, p < 0.001, CI +12 % to +28 %", () => {
    // scipy: 1500/15000 vs 1800/15000 → p = 3.1e-8; log-ratio CI [0.1248, 0.2802].
    const a = analyzeExperiment([v("a", 15000, 1500, true), v("b", 15000, 1800)], plan);
    expect(a.verdict).toEqual({ kind: "treatment_wins", variantId: "b" });
    expect(describeVerdict(a, 0.95)).toBe(
      "Treatment B converts 20 % better than Control (p < 0.001, 95 % CI +12 % to +28 %).",
    );
  });

  it("says control wins when the treatment is significantly worse, and no difference when it is not", () => {
    expect(analyzeExperiment([v("a", 15000, 1800, true), v("b", 15000, 1500)], plan).verdict.kind).toBe("control_wins");
    expect(analyzeExperiment([v("a", 15000, 1500, true), v("b", 15000, 1510)], plan).verdict.kind).toBe(
      "no_difference",
    );
  });

  it("puts a sample-ratio mismatch above everything else", () => {
    const a = analyzeExperiment([v("a", 15000, 1500, true), v("b", 16000, 1900)], plan);
    expect(a.srm?.mismatch).toBe(true);
    expect(a.verdict.kind).toBe("sample_ratio_mismatch");
    expect(describeVerdict(a, 0.95)).toMatch(/^Sample-ratio mismatch \(p < 0.001\)/);
  });

  it("Holm-adjusts across two treatments: raw p 0.00288 and 0.000212 become 0.00288 and 0.000424", () => {
    // scipy: 1500/18000 vs 1660/18000 → p = 0.0028818; vs 1700/18000 → p = 0.00021224.
    const a = analyzeExperiment([v("a", 18000, 1500, true), v("b", 18000, 1660), v("c", 18000, 1700)], {
      ...plan,
      baselineRate: 0.08,
      minimumDetectableEffect: 0.2,
    });
    expect(a.treatments[0]?.adjustedP).toBeCloseTo(0.0028818476747877277, 9);
    expect(a.treatments[1]?.adjustedP).toBeCloseTo(2 * 0.00021223798698602524, 9);
    expect(a.horizonReached).toBe(true);
    expect(a.verdict).toEqual({ kind: "treatment_wins", variantId: "c" });
  });

  it("plans from the observed control rate when no baseline was given", () => {
    const a = analyzeExperiment([v("a", 2000, 200, true), v("b", 2000, 250)], { ...plan, baselineRate: null });
    expect(a.requiredPerVariant).toBe(14751);
  });

  it("never declares a winner between identical variants", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const c = Math.floor(n * share);
        const a = analyzeExperiment([v("a", n, c, true), v("b", n, c)], plan);
        expect(["treatment_wins", "control_wins"]).not.toContain(a.verdict.kind);
        expect(a.treatments[0]?.significant).toBe(false);
      }),
    );
  });
});
