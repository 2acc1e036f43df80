import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregation";
import { computeOverPeriod, conversionRate, returnOnInvestment } from "./computed-kpi";
import { kpiScore, kpiStatus, weightedScore } from "./kpi-score";

describe("kpiScore (goal / red flag)", () => {
  it("scores goal 100, red flag 80: actual 90 → 5.0, 100 → 6.67, 80 → 3.33", () => {
    expect(kpiScore(90, 100, 80)).toBeCloseTo(5, 9);
    expect(kpiScore(100, 100, 80)).toBeCloseTo(6.67, 2);
    expect(kpiScore(80, 100, 80)).toBeCloseTo(3.33, 2);
  });

  it("uses the same formula for lower-is-better KPIs (goal 2 days, red flag 5): 3.5 days → 5.0", () => {
    expect(kpiScore(3.5, 2, 5)).toBeCloseTo(5, 9);
    expect(kpiScore(2, 2, 5)).toBeCloseTo(6.67, 2);
    expect(kpiScore(6, 2, 5)).toBeCloseTo(2.22, 2);
  });

  it("clamps to 0–10 and leaves missing data missing", () => {
    expect(kpiScore(200, 100, 80)).toBe(10);
    expect(kpiScore(0, 100, 80)).toBe(0);
    expect(kpiScore(null, 100, 80)).toBeNull();
    expect(kpiScore(90, 100, 100)).toBeNull();
  });

  it("colours red below 3.33, amber below 6.67, green from 6.67", () => {
    expect(kpiStatus(kpiScore(79, 100, 80))).toBe("red");
    expect(kpiStatus(kpiScore(80, 100, 80))).toBe("amber");
    expect(kpiStatus(kpiScore(99, 100, 80))).toBe("amber");
    expect(kpiStatus(kpiScore(100, 100, 80))).toBe("green");
    expect(kpiStatus(null)).toBe("no_data");
  });
});

describe("weightedScore", () => {
  it("is the weighted mean, leaving out children with no data: (2·6 + 1·9) / 3 = 7", () => {
    expect(
      weightedScore([
        { score: 6, weight: 2 },
        { score: 9, weight: 1 },
        { score: null, weight: 5 },
      ]),
    ).toBe(7);
    expect(weightedScore([{ score: null, weight: 1 }])).toBeNull();
  });
});

describe("aggregate", () => {
  const months = [
    { period: "2026-01-01", value: 10 },
    { period: "2026-03-01", value: 30 },
    { period: "2026-02-01", value: null },
  ];
  it("sums, averages or takes the last value, leaving missing periods out", () => {
    expect(aggregate(months, "sum")).toBe(40);
    expect(aggregate(months, "average")).toBe(20);
    expect(aggregate(months, "last")).toBe(30);
    expect(aggregate([{ period: "2026-01-01", value: null }], "sum")).toBeNull();
  });
});

describe("computed KPIs", () => {
  it("conversion rate and ROI, blank when an input is blank", () => {
    expect(conversionRate(30, 1000)).toBe(0.03);
    expect(conversionRate(null, 1000)).toBeNull();
    expect(returnOnInvestment(150, 100)).toBe(0.5);
    expect(returnOnInvestment(150, null)).toBeNull();
  });

  it("aggregates the inputs before the formula: Σ conversions ÷ Σ visitors, not the mean of rates", () => {
    const conversions = [
      { period: "2026-01-01", value: 10 },
      { period: "2026-02-01", value: 90 },
    ];
    const visitors = [
      { period: "2026-01-01", value: 100 },
      { period: "2026-02-01", value: 900 },
    ];
    // Monthly rates are 10 % and 10 %; with uneven months the difference shows:
    const uneven = [
      { period: "2026-01-01", value: 1 },
      { period: "2026-02-01", value: 90 },
    ];
    expect(computeOverPeriod(conversionRate, conversions, visitors)).toBe(0.1);
    expect(computeOverPeriod(conversionRate, uneven, visitors)).toBeCloseTo(0.091, 3); // 91 / 1000, not (1 % + 10 %) / 2
  });
});
