import { describe, expect, it } from "vitest";
import { cycleTiming, earlyFinalizeWarning } from "./finalize-timing";

// Q3 2026: 1 July to the end of 30 September, 92 days.
const start = new Date("2026-07-01T00:00:00Z");
const end = new Date("2026-10-01T00:00:00Z");

describe("cycleTiming", () => {
  it("gives the elapsed share of the cycle and that it has not ended", () => {
    // 57 of 92 days: 61.96 %.
    const timing = cycleTiming(start, end, new Date("2026-08-27T00:00:00Z"));
    expect(timing.ended).toBe(false);
    expect(timing.elapsed).toBeCloseTo(57 / 92, 10);
  });

  it("is 0 before the cycle starts and ended, at 1, from its end on", () => {
    expect(cycleTiming(start, end, new Date("2026-06-15T00:00:00Z"))).toEqual({ elapsed: 0, ended: false });
    expect(cycleTiming(start, end, end)).toEqual({ elapsed: 1, ended: true });
    expect(cycleTiming(start, end, new Date("2027-01-01T00:00:00Z"))).toEqual({ elapsed: 1, ended: true });
  });
});

describe("earlyFinalizeWarning", () => {
  it("says how much of the cycle has passed while it runs", () => {
    const timing = cycleTiming(start, end, new Date("2026-08-27T00:00:00Z"));
    expect(earlyFinalizeWarning("Q3 2026", timing)).toBe("61 % of Q3 2026 has passed — finalize anyway?");
    expect(earlyFinalizeWarning("Q3 2026", { elapsed: 0.62, ended: false })).toBe(
      "62 % of Q3 2026 has passed — finalize anyway?",
    );
  });

  it("never reads 100 % for a cycle still running, nor below 0 % for one not started", () => {
    expect(earlyFinalizeWarning("Q3 2026", { elapsed: 0.9999, ended: false })).toBe(
      "99 % of Q3 2026 has passed — finalize anyway?",
    );
    expect(earlyFinalizeWarning("Q3 2026", { elapsed: 0, ended: false })).toBe(
      "0 % of Q3 2026 has passed — finalize anyway?",
    );
  });

  it("asks nothing once the cycle has ended", () => {
    expect(earlyFinalizeWarning("Q3 2026", cycleTiming(start, end, end))).toBeNull();
  });
});
