import { describe, expect, it } from "vitest";
import {
  budgetRemaining,
  budgetUsed,
  campaignFigures,
  campaignRoas,
  campaignRoi,
  costPerConversion,
  sumOrBlank,
} from "./campaign-metrics";

// Worked examples, amounts in cents: spend €2,000.00 (200000), revenue €5,000.00 (500000).
describe("campaignRoi", () => {
  it("is (revenue − spend) ÷ spend", () => {
    expect(campaignRoi(500_000, 200_000)).toBe(1.5); // (5000 − 2000) / 2000
  });
  it("is negative when revenue falls short, −1 with nothing back", () => {
    expect(campaignRoi(150_000, 200_000)).toBe(-0.25); // (1500 − 2000) / 2000
    expect(campaignRoi(0, 200_000)).toBe(-1);
  });
  it("is 0 when revenue just repays the spend", () => {
    expect(campaignRoi(200_000, 200_000)).toBe(0);
  });
  it("is blank, never 0 or infinity, with a blank input or no spend", () => {
    expect(campaignRoi(null, 200_000)).toBeNull();
    expect(campaignRoi(500_000, null)).toBeNull();
    expect(campaignRoi(undefined, undefined)).toBeNull();
    expect(campaignRoi(500_000, 0)).toBeNull();
  });
});

describe("campaignRoas", () => {
  it("is revenue ÷ spend, above and below 1", () => {
    expect(campaignRoas(500_000, 200_000)).toBe(2.5);
    expect(campaignRoas(50_000, 200_000)).toBe(0.25);
    expect(campaignRoas(0, 200_000)).toBe(0);
  });
  it("is blank with a blank input or no spend", () => {
    expect(campaignRoas(null, 200_000)).toBeNull();
    expect(campaignRoas(500_000, null)).toBeNull();
    expect(campaignRoas(500_000, 0)).toBeNull();
  });
  it("is ROI + 1 whenever both are defined", () => {
    for (const [r, s] of [
      [1, 3],
      [7, 2],
      [123_456, 789],
    ] as const) {
      expect(campaignRoas(r, s)).toBeCloseTo((campaignRoi(r, s) as number) + 1, 12);
    }
  });
});

describe("costPerConversion", () => {
  it("is spend ÷ conversions, in minor units", () => {
    expect(costPerConversion(200_000, 40)).toBe(5_000); // €50.00 each
    expect(costPerConversion(1_000, 3)).toBeCloseTo(333.333, 3);
  });
  it("is blank with no conversions, blank conversions or blank spend", () => {
    expect(costPerConversion(200_000, 0)).toBeNull();
    expect(costPerConversion(200_000, null)).toBeNull();
    expect(costPerConversion(null, 40)).toBeNull();
  });
  it("is 0 when nothing was spent for some conversions", () => {
    expect(costPerConversion(0, 40)).toBe(0);
  });
});

describe("budget used and remaining", () => {
  it("under budget: part used, the rest remaining", () => {
    expect(budgetUsed(150_000, 200_000)).toBe(0.75);
    expect(budgetRemaining(200_000, 150_000)).toBe(50_000);
  });
  it("over budget: above 1 used, a negative remainder", () => {
    expect(budgetUsed(260_000, 200_000)).toBe(1.3);
    expect(budgetRemaining(200_000, 260_000)).toBe(-60_000);
  });
  it("exactly on budget: 1 used, 0 remaining (not -0)", () => {
    expect(budgetUsed(200_000, 200_000)).toBe(1);
    expect(Object.is(budgetRemaining(200_000, 200_000), 0)).toBe(true);
  });
  it("blank with a blank budget or spend; a zero budget has no share used", () => {
    expect(budgetUsed(null, 200_000)).toBeNull();
    expect(budgetUsed(150_000, null)).toBeNull();
    expect(budgetUsed(150_000, 0)).toBeNull();
    expect(budgetRemaining(null, 150_000)).toBeNull();
    expect(budgetRemaining(200_000, null)).toBeNull();
    expect(budgetRemaining(0, 150_000)).toBe(-150_000);
  });
});

describe("campaignFigures", () => {
  it("gives every figure of an over-budget campaign", () => {
    expect(campaignFigures({ budget: 200_000, spend: 260_000, conversions: 52, revenue: 390_000 })).toEqual({
      roi: 0.5,
      roas: 1.5,
      costPerConversion: 5_000,
      budgetUsed: 1.3,
      budgetRemaining: -60_000,
      overBudget: true,
    });
  });
  it("keeps every figure blank for a planned campaign with nothing entered", () => {
    expect(campaignFigures({ budget: null, spend: null, conversions: null, revenue: null })).toEqual({
      roi: null,
      roas: null,
      costPerConversion: null,
      budgetUsed: null,
      budgetRemaining: null,
      overBudget: false,
    });
  });
});

describe("sumOrBlank", () => {
  it("sums what is entered and stays blank when nothing is", () => {
    expect(sumOrBlank([100, null, 250])).toBe(350);
    expect(sumOrBlank([0, null])).toBe(0);
    expect(sumOrBlank([null, undefined])).toBeNull();
    expect(sumOrBlank([])).toBeNull();
  });
});
