import { describe, expect, it } from "vitest";
import { budgetWithin, overlapDays } from "./budget-by-month";

const april = { start: "2026-04-01", end: "2026-04-30" };
const may = { start: "2026-05-01", end: "2026-05-31" };

describe("overlapDays", () => {
  it("counts inclusive days in common", () => {
    expect(overlapDays("2026-04-21", "2026-05-10", april)).toBe(10);
    expect(overlapDays("2026-04-21", "2026-05-10", may)).toBe(10);
    expect(overlapDays("2026-04-30", "2026-04-30", april)).toBe(1);
    expect(overlapDays("2026-06-01", "2026-06-02", april)).toBe(0);
  });
});

describe("budgetWithin", () => {
  it("spreads the budget evenly over the campaign's days", () => {
    const c = { startsOn: "2026-04-21", endsOn: "2026-05-10", budget: 200_000 }; // 20 days, 10 000 a day
    expect(budgetWithin(c, april)).toBe(100_000);
    expect(budgetWithin(c, may)).toBe(100_000);
    expect(budgetWithin(c, { start: "2026-06-01", end: "2026-06-30" })).toBe(0);
  });
  it("is blank without a budget", () => {
    expect(budgetWithin({ startsOn: "2026-04-01", endsOn: "2026-04-30", budget: null }, april)).toBeNull();
  });
});
