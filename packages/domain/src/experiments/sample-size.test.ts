import { describe, expect, it } from "vitest";
import { requiredSamplePerVariant, sampleStillNeeded } from "./sample-size";

// Expected sizes from the same Fleiss formula written independently in Python with scipy.stats.norm.ppf:
//   p2 = p1(1+mde); zα = ppf(1 − α/m/2); zβ = ppf(power); p̄ = (p1 + r·p2)/(1 + r)
//   n = ceil((zα·sqrt(p̄(1−p̄)(1+1/r)) + zβ·sqrt(p1(1−p1) + p2(1−p2)/r))² / (p2 − p1)²)
// (10 % → 11 % at α 0.05, power 0.8 is the textbook ≈ 14 750 per arm.)

describe("requiredSamplePerVariant", () => {
  it("10 % baseline, +10 % relative, α 0.05, power 0.8: 14 751 per variant", () => {
    expect(
      requiredSamplePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.1, alpha: 0.05, power: 0.8 }),
    ).toEqual({
      control: 14751,
      treatment: 14751,
    });
  });

  it("5 % baseline, +20 %, power 0.9: 10 921", () => {
    expect(
      requiredSamplePerVariant({ baselineRate: 0.05, minimumDetectableEffect: 0.2, alpha: 0.05, power: 0.9 })?.control,
    ).toBe(10921);
  });

  it("two treatments plan at α/2: 17 864 per variant", () => {
    expect(
      requiredSamplePerVariant({
        baselineRate: 0.1,
        minimumDetectableEffect: 0.1,
        alpha: 0.05,
        power: 0.8,
        treatments: 2,
      })?.control,
    ).toBe(17864);
  });

  it("a 1:2 split: 11 125 in control and 22 250 in the treatment", () => {
    expect(
      requiredSamplePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0.1, alpha: 0.05, power: 0.8, ratio: 2 }),
    ).toEqual({ control: 11125, treatment: 22250 });
  });

  it("a drop can be planned for too (−10 % needs a similar size), but not an impossible rate or no effect", () => {
    expect(
      requiredSamplePerVariant({ baselineRate: 0.1, minimumDetectableEffect: -0.1, alpha: 0.05, power: 0.8 })?.control,
    ).toBeGreaterThan(10000);
    expect(
      requiredSamplePerVariant({ baselineRate: 0.6, minimumDetectableEffect: 1, alpha: 0.05, power: 0.8 }),
    ).toBeNull();
    expect(
      requiredSamplePerVariant({ baselineRate: 0.1, minimumDetectableEffect: 0, alpha: 0.05, power: 0.8 }),
    ).toBeNull();
    expect(
      requiredSamplePerVariant({ baselineRate: 0, minimumDetectableEffect: 0.1, alpha: 0.05, power: 0.8 }),
    ).toBeNull();
  });

  it("more power or a smaller effect needs more people", () => {
    const base = { baselineRate: 0.1, minimumDetectableEffect: 0.1, alpha: 0.05, power: 0.8 };
    const n = requiredSamplePerVariant(base)?.control ?? 0;
    expect(requiredSamplePerVariant({ ...base, power: 0.9 })?.control).toBeGreaterThan(n);
    expect(requiredSamplePerVariant({ ...base, minimumDetectableEffect: 0.05 })?.control).toBeGreaterThan(n);
  });
});

describe("sampleStillNeeded", () => {
  it("is what is missing, never negative", () => {
    expect(sampleStillNeeded(14751, 10000)).toBe(4751);
    expect(sampleStillNeeded(14751, 20000)).toBe(0);
  });
});
