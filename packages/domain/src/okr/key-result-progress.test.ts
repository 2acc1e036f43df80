import { describe, expect, it } from "vitest";
import {
  checkInValueError,
  clampProgress,
  type KeyResultMeasure,
  keyResultDefinitionError,
  keyResultProgress,
  NO_DATA,
} from "./key-result-progress";
import { KEY_RESULT_TYPES } from "./key-result-types";

const increase = (startValue: number, targetValue: number): KeyResultMeasure => ({
  type: "increase_to",
  startValue,
  targetValue,
});
const decrease = (startValue: number, targetValue: number): KeyResultMeasure => ({
  type: "decrease_to",
  startValue,
  targetValue,
});

describe("keyResultProgress: increase_to / decrease_to", () => {
  it("increase 10 → 20 at 15: (15 − 10) / (20 − 10) = 0.5", () => {
    expect(keyResultProgress(increase(10, 20), 15)).toEqual({ progress: 0.5, hasData: true });
  });

  it("decrease 85 → 60 at 70: (70 − 85) / (60 − 85) = −15 / −25 = 0.6", () => {
    const p = keyResultProgress(decrease(85, 60), 70);
    expect(p.hasData).toBe(true);
    expect(p.progress).toBeCloseTo(0.6, 12);
  });

  it("is 0 at the start value and 1 at the target, in both directions", () => {
    expect(keyResultProgress(increase(10, 20), 10).progress).toBe(0);
    expect(keyResultProgress(increase(10, 20), 20).progress).toBe(1);
    // 0 / −25 is −0 in IEEE arithmetic; numerically it is still 0.
    expect(keyResultProgress(decrease(85, 60), 85).progress).toBeCloseTo(0, 12);
    expect(keyResultProgress(decrease(85, 60), 60).progress).toBe(1);
  });

  it("keeps over-achievement raw: increase 0 → 40 at 50 = 50 / 40 = 1.25", () => {
    expect(keyResultProgress(increase(0, 40), 50).progress).toBe(1.25);
  });

  it("keeps over-achievement raw: decrease 85 → 60 at 55 = −30 / −25 = 1.2", () => {
    expect(keyResultProgress(decrease(85, 60), 55).progress).toBeCloseTo(1.2, 12);
  });

  it("keeps going backwards raw: increase 100 → 200 at 90 = −10 / 100 = −0.1", () => {
    expect(keyResultProgress(increase(100, 200), 90).progress).toBeCloseTo(-0.1, 12);
  });

  it("keeps going backwards raw: decrease 85 → 60 at 87.5 = 2.5 / −25 = −0.1", () => {
    expect(keyResultProgress(decrease(85, 60), 87.5).progress).toBeCloseTo(-0.1, 12);
  });

  it("a check-in of 0 is data, not silence: increase 0 → 10 at 0 = 0 with hasData", () => {
    expect(keyResultProgress(increase(0, 10), 0)).toEqual({ progress: 0, hasData: true });
  });

  it("guards a zero span (start = target = 5) instead of returning NaN", () => {
    expect(keyResultProgress(increase(5, 5), 5)).toEqual({ progress: 1, hasData: true });
    expect(keyResultProgress(decrease(5, 5), 4)).toEqual({ progress: 0, hasData: true });
  });
});

describe("keyResultProgress: threshold, milestone and percentage types", () => {
  it("stay_at_or_above 99.5 is 1 at exactly 99.5 and 0 at 99.4", () => {
    const kr: KeyResultMeasure = { type: "stay_at_or_above", startValue: 0, targetValue: 99.5 };
    expect(keyResultProgress(kr, 99.5)).toEqual({ progress: 1, hasData: true });
    expect(keyResultProgress(kr, 99.4)).toEqual({ progress: 0, hasData: true });
  });

  it("stay_at_or_below 200 is 1 at exactly 200 and 0 at 200.1", () => {
    const kr: KeyResultMeasure = { type: "stay_at_or_below", startValue: 500, targetValue: 200 };
    expect(keyResultProgress(kr, 200)).toEqual({ progress: 1, hasData: true });
    expect(keyResultProgress(kr, 200.1)).toEqual({ progress: 0, hasData: true });
  });

  it("milestone is 0 when not done and 1 when done", () => {
    const kr: KeyResultMeasure = { type: "milestone", startValue: 0, targetValue: 1 };
    expect(keyResultProgress(kr, 0)).toEqual({ progress: 0, hasData: true });
    expect(keyResultProgress(kr, 1)).toEqual({ progress: 1, hasData: true });
  });

  it("percentage is current / 100 regardless of start and target: 45 → 0.45 (not (45−20)/(80−20))", () => {
    const kr: KeyResultMeasure = { type: "percentage", startValue: 20, targetValue: 80 };
    expect(keyResultProgress(kr, 45)).toEqual({ progress: 0.45, hasData: true });
  });
});

describe("keyResultProgress: missing data", () => {
  it.each(KEY_RESULT_TYPES)("%s with no check-in (null) is progress 0 without data", (type) => {
    expect(keyResultProgress({ type, startValue: 0, targetValue: 10 }, null)).toEqual({
      progress: 0,
      hasData: false,
    });
  });

  it("treats NaN and Infinity like no check-in", () => {
    expect(keyResultProgress(increase(0, 10), Number.NaN)).toEqual(NO_DATA);
    expect(keyResultProgress(increase(0, 10), Number.POSITIVE_INFINITY)).toEqual(NO_DATA);
  });
});

describe("clampProgress", () => {
  it("clamps 1.25 to 1 and −0.1 to 0, keeps 0.6, maps NaN to 0", () => {
    expect(clampProgress(1.25)).toBe(1);
    expect(clampProgress(-0.1)).toBe(0);
    expect(clampProgress(0.6)).toBe(0.6);
    expect(clampProgress(Number.NaN)).toBe(0);
  });
});

describe("keyResultDefinitionError", () => {
  it("rejects a target equal to the start for range types", () => {
    expect(keyResultDefinitionError(increase(10, 10))).toBe("Target must differ from the start value.");
    expect(keyResultDefinitionError(decrease(10, 10))).toBe("Target must differ from the start value.");
  });

  it("rejects an increase whose target is below the start (start 20, target 10)", () => {
    expect(keyResultDefinitionError(increase(20, 10))).toBe(
      "For an 'increase to' key result the target must be above the start value.",
    );
  });

  it("rejects a decrease whose target is above the start (start 60, target 85)", () => {
    expect(keyResultDefinitionError(decrease(60, 85))).toBe(
      "For a 'decrease to' key result the target must be below the start value.",
    );
  });

  it("accepts well-formed definitions, and does not constrain start/target of non-range types", () => {
    expect(keyResultDefinitionError(increase(10, 20))).toBeNull();
    expect(keyResultDefinitionError(decrease(85, 60))).toBeNull();
    expect(keyResultDefinitionError({ type: "stay_at_or_above", startValue: 100, targetValue: 90 })).toBeNull();
    expect(keyResultDefinitionError({ type: "milestone", startValue: 0, targetValue: 0 })).toBeNull();
  });
});

describe("checkInValueError", () => {
  it("a milestone check-in must be exactly 0 or 1", () => {
    const message = "A milestone check-in is done (1) or not done (0).";
    expect(checkInValueError("milestone", 0.5)).toBe(message);
    expect(checkInValueError("milestone", 2)).toBe(message);
    expect(checkInValueError("milestone", 0)).toBeNull();
    expect(checkInValueError("milestone", 1)).toBeNull();
  });

  it("a percentage check-in must be within 0..100 inclusive", () => {
    const message = "A percentage check-in is between 0 and 100.";
    expect(checkInValueError("percentage", -1)).toBe(message);
    expect(checkInValueError("percentage", 100.5)).toBe(message);
    expect(checkInValueError("percentage", 0)).toBeNull();
    expect(checkInValueError("percentage", 100)).toBeNull();
  });

  it("range and threshold types accept any number, including negatives", () => {
    expect(checkInValueError("increase_to", -50)).toBeNull();
    expect(checkInValueError("decrease_to", 1e9)).toBeNull();
    expect(checkInValueError("stay_at_or_below", 250)).toBeNull();
  });
});
