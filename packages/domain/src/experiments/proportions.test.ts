import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareProportions, variantRate } from "./proportions";

// Expected figures computed independently with Python's scipy.stats (norm.sf, norm.ppf), e.g.
//   pA, pB = 200/2000, 250/2000; pp = 450/4000; se0 = sqrt(pp(1-pp)(1/2000+1/2000)); z = (pB-pA)/se0; p = 2·norm.sf(z)
//   se = sqrt(pA(1-pA)/2000 + pB(1-pB)/2000); CI = d ± 1.959964·se
//   log-ratio: se = sqrt((1-pA)/200 + (1-pB)/250); CI = exp(ln(pB/pA) ± 1.959964·se) − 1

describe("variantRate", () => {
  it("is conversions over exposures, and missing (not 0) without exposures", () => {
    expect(variantRate({ exposures: 2000, conversions: 250 })).toBe(0.125);
    expect(variantRate({ exposures: 0, conversions: 0 })).toBeNull();
  });
});

describe("compareProportions", () => {
  it("200/2000 vs 250/2000: +2.5 points, +25 %, z = 2.502, p = 0.01235, CI [0.543, 4.457] points, relative CI [+4.90 %, +48.95 %]", () => {
    const c = compareProportions({ exposures: 2000, conversions: 200 }, { exposures: 2000, conversions: 250 });
    expect(c).not.toBeNull();
    if (!c) return;
    expect(c.controlRate).toBe(0.1);
    expect(c.treatmentRate).toBe(0.125);
    expect(c.absoluteUplift).toBeCloseTo(0.025, 12);
    expect(c.relativeUplift).toBeCloseTo(0.25, 12);
    expect(c.z).toBeCloseTo(2.501955416802671, 9);
    expect(c.pValue).toBeCloseTo(0.012350947711191423, 9);
    expect(c.differenceInterval.low).toBeCloseTo(0.00543100855465602, 9);
    expect(c.differenceInterval.high).toBeCloseTo(0.04456899144534397, 9);
    expect(c.relativeInterval?.low).toBeCloseTo(0.04900179776172586, 9);
    expect(c.relativeInterval?.high).toBeCloseTo(0.48951126998441263, 9);
  });

  it("the other direction: control 250/2000 vs treatment 200/2000 mirrors the difference, same p", () => {
    const c = compareProportions({ exposures: 2000, conversions: 250 }, { exposures: 2000, conversions: 200 });
    expect(c?.absoluteUplift).toBeCloseTo(-0.025, 12);
    expect(c?.relativeUplift).toBeCloseTo(-0.2, 12);
    expect(c?.z).toBeCloseTo(-2.501955416802671, 9);
    expect(c?.pValue).toBeCloseTo(0.012350947711191423, 9);
    expect(c?.differenceInterval.low).toBeCloseTo(-0.04456899144534397, 9);
  });

  it("1000/10000 vs 1100/10000: p = 0.02108, CI [0.150, 1.850] points, relative CI [+1.44 %, +19.28 %]", () => {
    const c = compareProportions({ exposures: 10000, conversions: 1000 }, { exposures: 10000, conversions: 1100 });
    expect(c?.pValue).toBeCloseTo(0.021075189273797826, 9);
    expect(c?.differenceInterval.low).toBeCloseTo(0.001504059131512114, 9);
    expect(c?.differenceInterval.high).toBeCloseTo(0.018495940868487874, 9);
    expect(c?.relativeInterval?.low).toBeCloseTo(0.014385498923176199, 9);
    expect(c?.relativeInterval?.high).toBeCloseTo(0.19284039577111334, 9);
  });

  it("a 90 % interval is narrower than the 95 % one", () => {
    const a = { exposures: 2000, conversions: 200 };
    const b = { exposures: 2000, conversions: 250 };
    const c95 = compareProportions(a, b, 0.95);
    const c90 = compareProportions(a, b, 0.9);
    expect(c90?.differenceInterval.low).toBeGreaterThan(c95?.differenceInterval.low ?? 0);
    expect(c90?.pValue).toBe(c95?.pValue);
  });

  it("gives no comparison without exposures, and no relative figures when control has no conversions", () => {
    expect(compareProportions({ exposures: 0, conversions: 0 }, { exposures: 10, conversions: 1 })).toBeNull();
    const c = compareProportions({ exposures: 100, conversions: 0 }, { exposures: 100, conversions: 3 });
    expect(c?.relativeUplift).toBeNull();
    expect(c?.relativeInterval).toBeNull();
    expect(c?.pValue).toBeGreaterThan(0);
  });

  it("both rates 0 (or both 1) is no evidence at all: z = 0, p = 1", () => {
    expect(compareProportions({ exposures: 500, conversions: 0 }, { exposures: 800, conversions: 0 })?.pValue).toBe(1);
    expect(compareProportions({ exposures: 500, conversions: 500 }, { exposures: 800, conversions: 800 })?.pValue).toBe(
      1,
    );
  });
});

const counts = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([exposures, share]) => ({ exposures, conversions: Math.floor(exposures * share) }));

describe("compareProportions, properties", () => {
  it("the p-value is in [0, 1] and the intervals contain the observed differences", () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        const c = compareProportions(a, b);
        if (!c) return false;
        expect(c.pValue).toBeGreaterThanOrEqual(0);
        expect(c.pValue).toBeLessThanOrEqual(1);
        expect(c.differenceInterval.low).toBeLessThanOrEqual(c.absoluteUplift + 1e-12);
        expect(c.differenceInterval.high).toBeGreaterThanOrEqual(c.absoluteUplift - 1e-12);
        if (c.relativeInterval && c.relativeUplift !== null) {
          expect(c.relativeInterval.low).toBeLessThanOrEqual(c.relativeUplift + 1e-9);
          expect(c.relativeInterval.high).toBeGreaterThanOrEqual(c.relativeUplift - 1e-9);
        }
        return true;
      }),
    );
  });

  it("identical variants are never significant (p = 1, the interval straddles 0)", () => {
    fc.assert(
      fc.property(counts, (a) => {
        const c = compareProportions(a, { ...a });
        expect(c?.pValue).toBe(1);
        expect(c?.differenceInterval.low).toBeLessThanOrEqual(0);
        expect(c?.differenceInterval.high).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
