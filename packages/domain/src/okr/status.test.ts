import { describe, expect, it } from "vitest";
import { keyResultProgress, type Progress } from "./key-result-progress";
import { expectedByNow, LOW_CONFIDENCE, progressStatus } from "./status";

// Q1 2025: Jan 1 → Apr 1 (UTC) is 31 + 28 + 31 = 90 days.
const start = new Date("2025-01-01T00:00:00Z");
const end = new Date("2025-04-01T00:00:00Z");
const at = (p: number): Progress => ({ progress: p, hasData: true });

describe("expectedByNow", () => {
  it("Feb 15 is 45 of 90 days in: 0.5", () => {
    expect(expectedByNow(start, end, new Date("2025-02-15T00:00:00Z"))).toBe(0.5);
  });

  it("Mar 23 is 81 of 90 days in: 0.9", () => {
    expect(expectedByNow(start, end, new Date("2025-03-23T00:00:00Z"))).toBeCloseTo(0.9, 12);
  });

  it("is 0 at and before the start, 1 at and after the end", () => {
    expect(expectedByNow(start, end, start)).toBe(0);
    expect(expectedByNow(start, end, new Date("2024-12-01T00:00:00Z"))).toBe(0);
    expect(expectedByNow(start, end, end)).toBe(1);
    expect(expectedByNow(start, end, new Date("2025-06-01T00:00:00Z"))).toBe(1);
  });

  it("a zero-length period is 0 before its instant and 1 from it on", () => {
    expect(expectedByNow(start, start, new Date("2024-12-31T23:59:59Z"))).toBe(0);
    expect(expectedByNow(start, start, start)).toBe(1);
  });
});

describe("progressStatus thresholds (gap = progress − expected)", () => {
  it("gap 0 (0.5 vs 0.5) is on track", () => {
    expect(progressStatus(at(0.5), 0.5)).toBe("on_track");
  });

  it("gap −0.19 (0.51 vs 0.7) is on track", () => {
    expect(progressStatus(at(0.51), 0.7)).toBe("on_track");
  });

  it("gap exactly −0.2 (0.3 vs 0.5) is at risk", () => {
    expect(progressStatus(at(0.3), 0.5)).toBe("at_risk");
  });

  it("gap −0.2 with float noise (0.5 − 0.7 = −0.19999999999999996) is still at risk", () => {
    expect(progressStatus(at(0.5), 0.7)).toBe("at_risk");
  });

  it("gap −0.3 (0.6 vs 0.9) is at risk", () => {
    expect(progressStatus(at(0.6), 0.9)).toBe("at_risk");
  });

  it("gap exactly −0.4 (0.1 vs 0.5) is at risk, inclusive", () => {
    expect(progressStatus(at(0.1), 0.5)).toBe("at_risk");
  });

  it("gap −0.4 with float noise either side (0.3 − 0.7, 0.41 − 0.81) is at risk", () => {
    expect(progressStatus(at(0.3), 0.7)).toBe("at_risk");
    expect(progressStatus(at(0.41), 0.81)).toBe("at_risk");
  });

  it("gap −0.41 (0.29 vs 0.7) is off track", () => {
    expect(progressStatus(at(0.29), 0.7)).toBe("off_track");
  });

  it("over-achievement 1.25 vs 1 is on track; going backwards −0.1 vs 0.2 (gap −0.3) is at risk", () => {
    expect(progressStatus(at(1.25), 1)).toBe("on_track");
    expect(progressStatus(at(-0.1), 0.2)).toBe("at_risk");
  });
});

describe("progressStatus confidence and missing data", () => {
  it(`confidence ${LOW_CONFIDENCE} (the low threshold) turns on track into at risk; 4 does not`, () => {
    expect(LOW_CONFIDENCE).toBe(3);
    expect(progressStatus(at(0.5), 0.5, 3)).toBe("at_risk");
    expect(progressStatus(at(0.5), 0.5, 0)).toBe("at_risk");
    expect(progressStatus(at(0.5), 0.5, 4)).toBe("on_track");
    expect(progressStatus(at(0.5), 0.5, null)).toBe("on_track");
  });

  it("low confidence never improves off track, and high confidence never improves at risk", () => {
    expect(progressStatus(at(0), 0.9, 1)).toBe("off_track");
    expect(progressStatus(at(0.3), 0.5, 10)).toBe("at_risk");
  });

  it("no data is no_data whatever the numbers or confidence", () => {
    expect(progressStatus({ progress: 0, hasData: false }, 0)).toBe("no_data");
    expect(progressStatus({ progress: 1, hasData: false }, 0.5, 10)).toBe("no_data");
    expect(progressStatus({ progress: 0, hasData: false }, 1, 1)).toBe("no_data");
  });
});

describe("end to end: check-in → progress → status", () => {
  const kr = { type: "decrease_to", startValue: 85, targetValue: 60 } as const;

  it("decrease 85→60 at 70 is 0.6; on Feb 15 (expected 0.5, gap +0.1) it is on track", () => {
    const expected = expectedByNow(start, end, new Date("2025-02-15T00:00:00Z"));
    expect(progressStatus(keyResultProgress(kr, 70), expected)).toBe("on_track");
  });

  it("the same 0.6 on Mar 23 (expected 0.9, gap −0.3) is at risk", () => {
    const expected = expectedByNow(start, end, new Date("2025-03-23T00:00:00Z"));
    expect(progressStatus(keyResultProgress(kr, 70), expected)).toBe("at_risk");
  });

  it("with no check-in it is no_data", () => {
    expect(progressStatus(keyResultProgress(kr, null), 0.9)).toBe("no_data");
  });
});
