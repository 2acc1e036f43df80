import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleRatioMismatch } from "./srm";

// Expected values from scipy.stats.chisquare(observed, expected).

describe("sampleRatioMismatch", () => {
  it("5000 vs 5200 on 50/50: χ² = 3.9216, p = 0.0477 — uneven, but not flagged", () => {
    const s = sampleRatioMismatch([5000, 5200], [50, 50]);
    expect(s?.chiSquare).toBeCloseTo(3.9215686274509802, 9);
    expect(s?.pValue).toBeCloseTo(0.0476703806561615, 9);
    expect(s?.mismatch).toBe(false);
  });

  it("5000 vs 5400 on 50/50: χ² = 15.385, p = 8.77e-5 — flagged", () => {
    const s = sampleRatioMismatch([5000, 5400], [1, 1]);
    expect(s?.chiSquare).toBeCloseTo(15.384615384615385, 9);
    expect(s?.pValue).toBeCloseTo(8.769942375590228e-5, 12);
    expect(s?.mismatch).toBe(true);
  });

  it("three arms, 3000/3100/2900 on equal thirds: χ² = 6.667 on 2 df, p = 0.0357", () => {
    const s = sampleRatioMismatch([3000, 3100, 2900], [1, 1, 1]);
    expect(s?.degreesOfFreedom).toBe(2);
    expect(s?.pValue).toBeCloseTo(0.035673993347252395, 9);
  });

  it("measures against the planned split: 4000/6000 matches 40/60 exactly, and is a gross mismatch for 1/2", () => {
    expect(sampleRatioMismatch([4000, 6000], [40, 60])?.pValue).toBe(1);
    const off = sampleRatioMismatch([4000, 6000], [1, 2]);
    expect(off?.chiSquare).toBeCloseTo(200, 9);
    expect(off?.mismatch).toBe(true);
  });

  it("has nothing to say with no traffic, one variant or a zero weight", () => {
    expect(sampleRatioMismatch([0, 0], [1, 1])).toBeNull();
    expect(sampleRatioMismatch([10], [1])).toBeNull();
    expect(sampleRatioMismatch([10, 10], [1, 0])).toBeNull();
  });

  it("the p-value is always in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 100 })), {
          minLength: 2,
          maxLength: 6,
        }),
        (arms) => {
          const s = sampleRatioMismatch(
            arms.map((a) => a[0]),
            arms.map((a) => a[1]),
          );
          if (s) {
            expect(s.pValue).toBeGreaterThanOrEqual(0);
            expect(s.pValue).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
