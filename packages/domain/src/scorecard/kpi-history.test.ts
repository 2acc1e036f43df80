import { describe, expect, it } from "vitest";
import {
  type KpiForHistory,
  kpiForecast,
  kpiHistory,
  kpiReadings,
  latestKpiReading,
  reportingPeriodTargets,
} from "./kpi-history";
import { quarterContaining, quartersEndingAt } from "./periods";
import { indexScorecard } from "./score-scorecard";

const base: KpiForHistory = {
  id: "k",
  name: "Signups",
  strategicObjectiveId: null,
  weight: 1,
  kind: "manual",
  inputAId: null,
  inputBId: null,
  aggregation: "last",
  goal: 100,
  redFlag: 80,
  frequency: "monthly",
  direction: "higher_is_better",
};

const index = (
  kpis: KpiForHistory[],
  actuals: { kpiId: string; periodStart: string; value: number }[],
  targets: { kpiId: string; periodStart: string; goal: number; redFlag: number }[] = [],
) => indexScorecard({ perspectives: [], objectives: [], kpis, actuals, targets });

describe("kpiHistory", () => {
  it("scores each quarter with its own targets, and leaves a quarter with no actual as no data", () => {
    const kpi = { ...base, aggregation: "sum" as const, goal: 300, redFlag: 240 };
    const idx = index(
      [kpi],
      [
        { kpiId: "k", periodStart: "2026-01-01", value: 100 },
        { kpiId: "k", periodStart: "2026-02-01", value: 100 },
        { kpiId: "k", periodStart: "2026-03-01", value: 70 },
        { kpiId: "k", periodStart: "2026-07-01", value: 120 },
      ],
      [{ kpiId: "k", periodStart: "2026-07-01", goal: 100, redFlag: 60 }],
    );
    const rows = kpiHistory(idx, kpi, quartersEndingAt("2026-08-15", 3), "2026-08-15");
    expect(rows.map((r) => r.period.start)).toEqual(["2026-01-01", "2026-04-01", "2026-07-01"]);
    // Q1: 270 against goal 300 / red flag 240 → 10·(270 − 180)/180 = 5.0
    expect(rows[0]).toMatchObject({ actual: 270, goal: 300, redFlag: 240, status: "amber" });
    expect(rows[0]?.score).toBeCloseTo(5, 9);
    // Q2: missing stays missing — no actual, no score, never a zero.
    expect(rows[1]).toMatchObject({ actual: null, score: null, status: "no_data" });
    // Q3 uses its override (goal 100, red flag 60); one month of three reported, so the sum is held to a third of it.
    expect(rows[0]?.targetShare).toBeNull();
    expect(rows[2]).toMatchObject({
      actual: 120,
      status: "green",
      targetShare: { reported: 1, total: 3, basis: "to_date" },
    });
    expect(rows[2]?.goal).toBeCloseTo(100 / 3, 9);
    expect(rows[2]?.redFlag).toBeCloseTo(20, 9);
  });

  it("scores a computed KPI as Σ a ÷ Σ b over the quarter", () => {
    const visitors = { ...base, id: "v", aggregation: "sum" as const };
    const conversions = { ...base, id: "c", aggregation: "sum" as const };
    const rate = { ...base, id: "r", kind: "ratio" as const, inputAId: "c", inputBId: "v", goal: 0.1, redFlag: 0.05 };
    const idx = index(
      [visitors, conversions, rate],
      [
        { kpiId: "v", periodStart: "2026-01-01", value: 100 },
        { kpiId: "c", periodStart: "2026-01-01", value: 20 },
        { kpiId: "v", periodStart: "2026-02-01", value: 900 },
        { kpiId: "c", periodStart: "2026-02-01", value: 30 },
      ],
    );
    const [q1] = kpiHistory(idx, rate, [quarterContaining("2026-02-01")], "2026-08-15");
    expect(q1?.actual).toBeCloseTo(50 / 1000, 12); // not the mean of 20 % and 3.3 %
    const readings = kpiReadings(idx, rate, quarterContaining("2026-02-01"));
    expect(readings.map((r) => r.value)).toEqual([0.2, 30 / 900, null]);
  });
});

describe("latestKpiReading", () => {
  it("is an entered KPI's latest actual up to today, and a computed KPI's latest period with both inputs", () => {
    const a = { ...base, id: "a" };
    const b = { ...base, id: "b" };
    const rate = { ...base, id: "r", kind: "ratio" as const, inputAId: "a", inputBId: "b" };
    const idx = index(
      [a, b, rate],
      [
        { kpiId: "a", periodStart: "2026-09-01", value: 5 },
        { kpiId: "b", periodStart: "2026-09-01", value: 50 },
        { kpiId: "a", periodStart: "2026-10-01", value: 8 },
        { kpiId: "a", periodStart: "2027-01-01", value: 9 },
      ],
    );
    const lookback = { start: "2026-01-01", end: "2026-12-31" };
    expect(latestKpiReading(idx, a, "2026-11-15", lookback)).toEqual({ periodStart: "2026-10-01", value: 8 });
    // October has no denominator: the rate's latest is September's.
    expect(latestKpiReading(idx, rate, "2026-11-15", lookback)).toEqual({ periodStart: "2026-09-01", value: 0.1 });
    expect(latestKpiReading(index([a], []), a, "2026-11-15", lookback)).toBeNull();
  });
});

describe("reportingPeriodTargets", () => {
  it("spreads a summed KPI's quarterly goal over its periods and keeps others as they are", () => {
    const q = quarterContaining("2026-05-01");
    expect(reportingPeriodTargets({ ...base, aggregation: "sum" }, { goal: 300, redFlag: 240 }, q)).toEqual({
      goal: 100,
      redFlag: 80,
    });
    expect(reportingPeriodTargets(base, { goal: 300, redFlag: 240 }, q)).toEqual({ goal: 300, redFlag: 240 });
  });
});

describe("kpiForecast", () => {
  it("projects a rising higher-is-better KPI to the quarter's end and dates the goal", () => {
    // Monthly, last value; Oct 70, Nov 85 → +15 a month → Dec ≈ 100.
    const idx = index(
      [base],
      [
        { kpiId: "k", periodStart: "2026-10-01", value: 70 },
        { kpiId: "k", periodStart: "2026-11-01", value: 85 },
      ],
    );
    const f = kpiForecast(idx, base, "2026-11-20");
    expect(f).not.toBeNull();
    expect(f?.basis).toBe("this_quarter");
    expect(f?.quarter).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    // Readings sit at the months' ends (Oct 31, Nov 30: 30 days apart); Dec 31 is 31 days on.
    const expected = 85 + (15 / 30) * 31;
    expect(f?.projected).toBeCloseTo(expected, 9);
    expect(f?.line.map((p) => p.periodStart)).toEqual(["2026-11-01", "2026-12-01"]);
    expect(f?.line[0]?.value).toBe(85);
    expect(f?.projectedStatus).toBe("green");
    expect(f?.goalOutlook).toBe("reached");
    // 85 → 100 at 0.5 a day: 30 days after Nov 30.
    expect(f?.reachesGoalOn).toBe("2026-12-30");
  });

  it("projects a lower-is-better KPI falling toward its goal", () => {
    const days = {
      ...base,
      direction: "lower_is_better" as const,
      aggregation: "average" as const,
      goal: 2,
      redFlag: 5,
    };
    const idx = index(
      [days],
      [
        { kpiId: "k", periodStart: "2026-10-01", value: 6 },
        { kpiId: "k", periodStart: "2026-11-01", value: 5 },
      ],
    );
    const f = kpiForecast(idx, days, "2026-11-15");
    // Dec ≈ 5 − 31/30 ≈ 3.97; the quarter's average (6 + 5 + 3.97) / 3 ≈ 4.99: still amber.
    expect(f?.line.at(-1)?.value).toBeCloseTo(5 - 31 / 30, 9);
    expect(f?.projected).toBeCloseTo((6 + 5 + 5 - 31 / 30) / 3, 9);
    expect(f?.projectedStatus).toBe("amber");
    // The trend does not get down to 2 days before the year ends.
    expect(f?.goalOutlook).toBe("missed");
    expect(f?.reachesGoalOn).toBeNull();
  });

  it("copes with a flat trend that already meets the goal: reached with the next period, never an invalid date", () => {
    // Weekly, averaged, lower is better; 9, 3, 9 fit a flat line at 7, under the goal of 8.
    const hours = {
      ...base,
      frequency: "weekly" as const,
      direction: "lower_is_better" as const,
      aggregation: "average" as const,
      goal: 8,
      redFlag: 10,
    };
    const idx = index(
      [hours],
      [
        { kpiId: "k", periodStart: "2026-10-05", value: 9 },
        { kpiId: "k", periodStart: "2026-10-12", value: 3 },
        { kpiId: "k", periodStart: "2026-10-19", value: 9 },
      ],
    );
    const f = kpiForecast(idx, hours, "2026-10-25");
    expect(f?.goalOutlook).toBe("reached");
    expect(f?.reachesGoalOn).toBe("2026-11-01");
  });

  it("sums a summed KPI's actuals with the trend for the periods still to come", () => {
    const revenue = { ...base, aggregation: "sum" as const, goal: 300, redFlag: 240 };
    const idx = index(
      [revenue],
      [
        { kpiId: "k", periodStart: "2026-10-01", value: 90 },
        { kpiId: "k", periodStart: "2026-11-01", value: 105 },
      ],
    );
    const f = kpiForecast(idx, revenue, "2026-11-30");
    const december = 105 + (15 / 30) * 31;
    expect(f?.projected).toBeCloseTo(90 + 105 + december, 9);
    expect(f?.goalOutlook).toBe("reached");
    expect(f?.reachesGoalOn).toBe("2026-12-31");
  });

  it("says the goal is met when the actuals already meet it", () => {
    const idx = index(
      [base],
      [
        { kpiId: "k", periodStart: "2026-10-01", value: 100 },
        { kpiId: "k", periodStart: "2026-11-01", value: 110 },
      ],
    );
    expect(kpiForecast(idx, base, "2026-11-20")).toMatchObject({ goalOutlook: "met", reachesGoalOn: null });
  });

  it("falls back to the last quarters when the quarter has fewer than two readings", () => {
    const quarterly = { ...base, frequency: "quarterly" as const };
    const idx = index(
      [quarterly],
      [
        { kpiId: "k", periodStart: "2026-01-01", value: 60 },
        { kpiId: "k", periodStart: "2026-04-01", value: 70 },
        { kpiId: "k", periodStart: "2026-07-01", value: 80 },
      ],
    );
    const f = kpiForecast(idx, quarterly, "2026-11-01");
    expect(f?.basis).toBe("recent_quarters");
    expect(f?.readingCount).toBe(3);
    expect(f?.line.map((p) => p.periodStart)).toEqual(["2026-07-01", "2026-10-01"]);
    expect(f?.projected).toBeGreaterThan(89);
    expect(f?.projected).toBeLessThan(91);
  });

  it("keeps a gap before the last reading a gap, and gives no forecast without two readings", () => {
    const idx = index(
      [base],
      [
        { kpiId: "k", periodStart: "2026-10-01", value: 70 },
        { kpiId: "k", periodStart: "2026-12-01", value: 90 },
      ],
    );
    const avg = { ...base, aggregation: "average" as const };
    const f = kpiForecast(idx, avg, "2026-12-10");
    // November has no actual and lies before the last reading: left out, not zero, not filled.
    expect(f?.projected).toBe(80);
    expect(f?.line).toEqual([{ periodStart: "2026-12-01", value: 90 }]);

    const one = index([base], [{ kpiId: "k", periodStart: "2026-10-01", value: 70 }]);
    expect(kpiForecast(one, base, "2026-12-10")).toBeNull();
    expect(kpiForecast(index([base], []), base, "2026-12-10")).toBeNull();
  });

  it("ignores values dated after today", () => {
    const idx = index(
      [base],
      [
        { kpiId: "k", periodStart: "2026-10-01", value: 70 },
        { kpiId: "k", periodStart: "2026-11-01", value: 85 },
        { kpiId: "k", periodStart: "2026-12-01", value: 0 },
      ],
    );
    expect(kpiForecast(idx, base, "2026-11-15")?.readingCount).toBe(2);
  });
});
