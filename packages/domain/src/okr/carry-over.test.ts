import { describe, expect, it } from "vitest";
import { carriedStartValue } from "./carry-over";

describe("carriedStartValue", () => {
  it("starts where the old cycle ended: 0 → 200, reached 80, carries over as 80 → 200", () => {
    expect(carriedStartValue({ type: "increase_to", startValue: 0, targetValue: 200, currentValue: 80 })).toBe(80);
    expect(carriedStartValue({ type: "decrease_to", startValue: 60, targetValue: 30, currentValue: 45 })).toBe(45);
  });

  it("keeps the original start when the target was reached or passed, so the copy stays valid", () => {
    expect(carriedStartValue({ type: "increase_to", startValue: 0, targetValue: 10, currentValue: 10 })).toBe(0);
    expect(carriedStartValue({ type: "increase_to", startValue: 0, targetValue: 10, currentValue: 12 })).toBe(0);
    expect(carriedStartValue({ type: "decrease_to", startValue: 60, targetValue: 30, currentValue: 25 })).toBe(60);
  });

  it("keeps the start of types that have none to move, and of key results never checked in", () => {
    expect(carriedStartValue({ type: "milestone", startValue: 0, targetValue: 1, currentValue: 1 })).toBe(0);
    expect(carriedStartValue({ type: "increase_to", startValue: 5, targetValue: 10, currentValue: null })).toBe(5);
  });
});
