import { describe, expect, it } from "vitest";
import { historyChartData } from "./history-chart-data";

const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + (d - 1) * 86_400_000);
// A 90-day cycle: January 1 to April 1.
const cycle = { start: day(1), end: day(91) };
const kr = { type: "increase_to", unit: "number", unitLabel: "", startValue: 0, targetValue: 100 } as const;

describe("historyChartData", () => {
  it("draws the check-ins, the expected line from start to target, and the trend", () => {
    const data = historyChartData(
      kr,
      [
        { at: day(1), value: 10 },
        { at: day(11), value: 15 },
      ],
      cycle,
    );
    expect(data.domain).toEqual([day(1).getTime(), day(91).getTime()]);
    expect(data.hasExpected).toBe(true);
    // Half a unit a day from 10: 55 at the end of the cycle, short of 100.
    expect(data.points).toEqual([
      { t: day(1).getTime(), actual: 10 },
      { t: day(1).getTime(), expected: 0 },
      { t: day(1).getTime(), forecast: 10 },
      { t: day(11).getTime(), actual: 15 },
      { t: day(91).getTime(), expected: 100 },
      { t: day(91).getTime(), forecast: 55 },
    ]);
    expect(data.summary).toBe("Forecast at cycle end: 55");
  });

  it("says when the trend reaches the target inside the cycle", () => {
    const data = historyChartData(
      kr,
      [
        { at: day(1), value: 10 },
        { at: day(11), value: 20 },
      ],
      cycle,
    );
    // One a day from 10 reaches 100 on day 91, the cycle's last instant.
    expect(data.summary).toBe("Forecast: reaches the target on Apr 1, 2026");
  });

  it("has no forecast from a single check-in", () => {
    const data = historyChartData(kr, [{ at: day(5), value: 30 }], cycle);
    expect(data.forecast).toBeNull();
    expect(data.summary).toBe("Not enough check-ins for a forecast");
    expect(data.points.filter((p) => p.forecast !== undefined)).toEqual([]);
  });

  it("expects a milestone to go from not done (0) to done (1)", () => {
    const data = historyChartData({ ...kr, type: "milestone" }, [], cycle);
    expect(data.points).toEqual([
      { t: day(1).getTime(), expected: 0 },
      { t: day(91).getTime(), expected: 1 },
    ]);
  });

  it("draws no expected line for a threshold to hold", () => {
    const data = historyChartData({ ...kr, type: "stay_at_or_above" }, [], cycle);
    expect(data.hasExpected).toBe(false);
    expect(data.points).toEqual([]);
  });

  it("formats the projected value in the key result's unit", () => {
    const data = historyChartData(
      { ...kr, unit: "percent" },
      [
        { at: day(1), value: 10 },
        { at: day(31), value: 10.5 },
      ],
      cycle,
    );
    // 1/60 a day from 10 over 90 days: 11.5.
    expect(data.summary).toBe("Forecast at cycle end: 11.5%");
  });
});
