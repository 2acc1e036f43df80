import { describe, expect, it } from "vitest";
import type { KpiDetail } from "~/components/kpi/types";
import { kpiChartData } from "./chart-data";

type Period = { periodStart: string; label: string; value: number | null; goal: number; redFlag: number };

/** The parts of a KPI page the chart reads; the rest of the page's data does not matter here. */
function detail({
  periods,
  direction = "higher_is_better",
  forecast = null,
  benchmarks = [],
}: {
  periods: Period[];
  direction?: "higher_is_better" | "lower_is_better";
  forecast?: { line: { periodStart: string; value: number }[]; projected: number; quarter: { start: string } } | null;
  benchmarks?: { periodStart: string; source: string; value: number }[];
}): KpiDetail {
  return {
    kpi: { unit: "", kind: "manual", direction, aggregation: "average", frequency: "monthly" },
    periods,
    forecast,
    benchmarks,
    quarter: { start: "2026-04-01", label: "Q2 2026" },
  } as unknown as KpiDetail;
}

const periods: Period[] = [
  { periodStart: "2026-02-01", label: "Feb", value: 80, goal: 100, redFlag: 60 },
  { periodStart: "2026-03-01", label: "Mar", value: null, goal: 100, redFlag: 60 },
  { periodStart: "2026-04-01", label: "Apr", value: 120, goal: 100, redFlag: 60 },
];

describe("kpiChartData", () => {
  it("gives one row per period, a missing actual as a gap, never zero", () => {
    const data = kpiChartData(detail({ periods }));
    expect(data.rows.map((r) => [r.label, r.actual, r.goal, r.redFlag])).toEqual([
      ["Feb", 80, 100, 60],
      ["Mar", null, 100, 60],
      ["Apr", 120, 100, 60],
    ]);
    expect(data.summary).toBe("2 of 3 periods have an actual. Not enough readings for a forecast.");
    expect(data.hasForecast).toBe(false);
  });

  it("pads the value range onto round numbers: 60–120 becomes 55–125 with ticks every 10", () => {
    // Span 60: step 5, 8% air each side (55.2 → 55, 124.8 → 125); 14 steps are too many, so 10.
    const data = kpiChartData(detail({ periods }));
    expect(data.domain).toEqual([55, 125]);
    expect(data.ticks).toEqual([60, 70, 80, 90, 100, 110, 120]);
  });

  it("starts at zero when non-negative data sits close to it", () => {
    const small = periods.map((p) => ({ ...p, value: p.value === null ? null : p.value / 40, goal: 10, redFlag: 2 }));
    const data = kpiChartData(detail({ periods: small }));
    expect(data.domain).toEqual([0, 11]);
    expect(data.ticks).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it("shades the red zone on the bad side of the red flag", () => {
    expect(kpiChartData(detail({ periods })).rows[0]?.band).toEqual([55, 60]);
    expect(kpiChartData(detail({ periods, direction: "lower_is_better" })).rows[0]?.band).toEqual([60, 125]);
  });

  it("marks the quarter boundaries after the first period", () => {
    expect(kpiChartData(detail({ periods })).quarterStarts).toEqual([{ periodStart: "2026-04-01", label: "Q2 2026" }]);
  });

  it("puts a benchmark in the period holding its date, one series per source", () => {
    const data = kpiChartData(
      detail({ periods, benchmarks: [{ periodStart: "2026-03-15", source: "Industry", value: 90 }] }),
    );
    expect(data.benchmarkSeries).toEqual([{ key: "bench0", source: "Industry" }]);
    expect(data.rows.map((r) => r.bench0)).toEqual([null, 90, null]);
    expect(data.summary).toContain("Benchmarks: Industry.");
  });

  it("draws the forecast and says where the quarter ends on the trend", () => {
    const forecast = {
      line: [
        { periodStart: "2026-03-01", value: 110 },
        { periodStart: "2026-04-01", value: 130 },
      ],
      projected: 130,
      quarter: { start: "2026-04-01" },
    };
    const data = kpiChartData(detail({ periods, forecast }));
    expect(data.hasForecast).toBe(true);
    expect(data.rows.map((r) => r.forecast)).toEqual([null, 110, 130]);
    expect(data.summary).toBe("2 of 3 periods have an actual. On the current trend Q2 2026 ends at 130.");
    // 60–130: span 70; 8% air gives 50–140, and steps of 20 keep the ticks few.
    expect(data.domain).toEqual([50, 140]);
    expect(data.ticks).toEqual([60, 80, 100, 120, 140]);
  });
});
