import { describe, expect, it } from "vitest";
import { effectiveGrade, keyResultGrade, objectiveGrade, suggestedGrade } from "./grade";

describe("suggestedGrade", () => {
  it("is the progress clamped to 0–1, to two decimals", () => {
    expect(suggestedGrade(0.734)).toBe(0.73);
    expect(suggestedGrade(1.25)).toBe(1); // over-achievement grades as 1.0
    expect(suggestedGrade(-0.1)).toBe(0); // going backwards grades as 0.0
  });
});

describe("objectiveGrade", () => {
  it("is the weighted mean of the key results' grades: (2·0.8 + 1·0.5) / 3 = 0.7", () => {
    const grade = objectiveGrade([
      { progress: 0.8, weight: 2, override: null },
      { progress: 0.5, weight: 1, override: null },
    ]);
    expect(grade).toBe(0.7);
  });

  it("uses the owner's override instead of the suggestion: (0.9 + 0.3) / 2 = 0.6", () => {
    const kr = { progress: 0.3, weight: 1, override: { grade: 0.9, reason: "Deals signed a day late" } };
    expect(effectiveGrade(kr)).toBe(0.9);
    expect(objectiveGrade([kr, { progress: 0.3, weight: 1, override: null }])).toBe(0.6);
  });

  it("is null when there is nothing to grade, and ignores zero weights", () => {
    expect(objectiveGrade([])).toBeNull();
    expect(objectiveGrade([{ progress: 1, weight: 0, override: null }])).toBeNull();
    expect(
      objectiveGrade([
        { progress: 1, weight: 0, override: null },
        { progress: 0.4, weight: 1, override: null },
      ]),
    ).toBe(0.4);
  });
});

describe("keyResultGrade", () => {
  it("reads a stored override with its reason, and no override as the suggestion", () => {
    const overridden = keyResultGrade({ progress: 0.4, weight: 2, gradeOverride: 0.7, gradeReason: "market fell" });
    expect(overridden).toEqual({ progress: 0.4, weight: 2, override: { grade: 0.7, reason: "market fell" } });
    const plain = keyResultGrade({ progress: 1.25, weight: 1, gradeOverride: null, gradeReason: "" });
    // (2·0.7 + 1·1.0) / 3 = 0.8: the override counts, the over-achiever is clamped to 1
    expect(objectiveGrade([overridden, plain])).toBe(0.8);
  });
});
