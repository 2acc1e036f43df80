import { describe, expect, it } from "vitest";
import { cyclesInReviewOrder, firstUnreviewedPair, isReviewed } from "./review-pairs";

const q1 = { id: "q1", status: "closed" as const, startsOn: "2026-01-01" };
const q2 = { id: "q2", status: "closed" as const, startsOn: "2026-04-01" };
const q3 = { id: "q3", status: "open" as const, startsOn: "2026-07-01" };
const q4 = { id: "q4", status: "planning" as const, startsOn: "2026-10-01" };

describe("cyclesInReviewOrder", () => {
  it("puts the quarter just closed first, then open ones, older closed ones and planning last", () => {
    expect(cyclesInReviewOrder([q1, q4, q3, q2]).map((c) => c.id)).toEqual(["q2", "q3", "q1", "q4"]);
  });

  it("starts with the newest open cycle when none has closed", () => {
    const q3b = { ...q3, id: "q3b", startsOn: "2026-08-01" };
    expect(cyclesInReviewOrder([q4, q3, q3b]).map((c) => c.id)).toEqual(["q3b", "q3", "q4"]);
  });
});

describe("firstUnreviewedPair", () => {
  const cycles = [q3, q2, q1];

  it("offers the whole organization for the quarter just closed when nothing is reviewed", () => {
    expect(firstUnreviewedPair(cycles, ["sales", "marketing"], [])).toEqual({ cycleId: "q2", teamId: null });
  });

  it("skips every pair that has a review: the organization's, then each team's, then the next cycle", () => {
    const reviewed: { cycleId: string; teamId: string | null }[] = [{ cycleId: "q2", teamId: null }];
    expect(firstUnreviewedPair(cycles, ["sales", "marketing"], reviewed)).toEqual({ cycleId: "q2", teamId: "sales" });
    reviewed.push({ cycleId: "q2", teamId: "sales" }, { cycleId: "q2", teamId: "marketing" });
    expect(firstUnreviewedPair(cycles, ["sales", "marketing"], reviewed)).toEqual({ cycleId: "q3", teamId: null });
  });

  it("is null when every cycle has its review for every scope", () => {
    const reviewed = cycles.flatMap((c) => [null, "sales"].map((teamId) => ({ cycleId: c.id, teamId })));
    expect(firstUnreviewedPair(cycles, ["sales"], reviewed)).toBeNull();
    expect(firstUnreviewedPair([], ["sales"], [])).toBeNull();
  });

  it("tells a reviewed pair from a free one, the organization apart from its teams", () => {
    const reviewed = [{ cycleId: "q2", teamId: "sales" }];
    expect(isReviewed(reviewed, { cycleId: "q2", teamId: "sales" })).toBe(true);
    expect(isReviewed(reviewed, { cycleId: "q2", teamId: null })).toBe(false);
  });
});
