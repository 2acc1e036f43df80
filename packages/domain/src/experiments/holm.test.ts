import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holmAdjust } from "./holm";

describe("holmAdjust", () => {
  it("[0.01, 0.04, 0.03] → [0.03, 0.06, 0.06] (by hand: sorted 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.06, 0.04·1) = 0.06)", () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03]);
    expect(adjusted[0]).toBeCloseTo(0.03, 12);
    expect(adjusted[1]).toBeCloseTo(0.06, 12);
    expect(adjusted[2]).toBeCloseTo(0.06, 12);
  });

  it("leaves one p-value alone and caps at 1", () => {
    expect(holmAdjust([0.02])).toEqual([0.02]);
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
  });

  it("never lowers a p-value, stays in [0, 1], and keeps the order of the raw p-values", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), (ps) => {
        const adj = holmAdjust(ps);
        ps.forEach((p, i) => {
          expect(adj[i]).toBeGreaterThanOrEqual(p);
          expect(adj[i]).toBeLessThanOrEqual(1);
          ps.forEach((q, j) => {
            if (p < q) expect(adj[i]).toBeLessThanOrEqual(adj[j] ?? Number.NaN);
          });
        });
      }),
    );
  });
});
