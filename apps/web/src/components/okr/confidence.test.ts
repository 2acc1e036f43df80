import { LOW_CONFIDENCE } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import { confidenceLevel, confidenceText } from "./confidence";

describe("confidence in words", () => {
  it("is low up to the at-risk threshold, medium in between, high from 7", () => {
    const levels = Array.from({ length: 11 }, (_, n) => confidenceLevel(n));
    expect(levels).toEqual(["low", "low", "low", "low", "medium", "medium", "medium", "high", "high", "high", "high"]);
    expect(confidenceLevel(LOW_CONFIDENCE)).toBe("low");
    expect(confidenceLevel(LOW_CONFIDENCE + 1)).toBe("medium");
  });

  it("says the value with its word, and 'not set' for an empty slider", () => {
    expect(confidenceText(7)).toBe("7 of 10, high");
    expect(confidenceText(0)).toBe("0 of 10, low");
    expect(confidenceText(5)).toBe("5 of 10, medium");
    expect(confidenceText(Number.NaN)).toBe("not set");
  });
});
