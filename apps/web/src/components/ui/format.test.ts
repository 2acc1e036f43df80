import { describe, expect, it } from "vitest";
import {
  axisTick,
  describeActivity,
  entryHint,
  formatDate,
  formatDateTime,
  formatDelta,
  formatGrade,
  formatPercent,
  formatShortDate,
  formatTarget,
  formatValue,
} from "./format";

describe("dates, always in UTC", () => {
  it("reads a calendar day as that day wherever the code runs", () => {
    expect(formatDate("2026-03-31")).toBe("Mar 31, 2026");
    expect(formatShortDate("2026-03-31")).toBe("Mar 31");
  });

  it("shows an instant in UTC, with the zone named", () => {
    expect(formatDateTime("2026-03-31T23:30:00Z")).toBe("Mar 31, 2026, 11:30 PM UTC");
    expect(formatDate(Date.UTC(2026, 0, 2))).toBe("Jan 2, 2026");
  });
});

describe("numbers and scores", () => {
  it("rounds a fraction to a whole percentage, over 100 and below 0 too", () => {
    expect(formatPercent(0.456)).toBe("46%");
    expect(formatPercent(1.25)).toBe("125%");
    expect(formatPercent(-0.1)).toBe("-10%");
  });

  it("shows a grade with two decimals, a dash before grading", () => {
    expect(formatGrade(0.7)).toBe("0.70");
    expect(formatGrade(null)).toBe("—");
  });

  it("signs a score change and rounds it to one decimal", () => {
    expect(formatDelta(1.24)).toBe("+1.2");
    expect(formatDelta(-0.36)).toBe("−0.4");
    expect(formatDelta(0.04)).toBe("±0.0");
    expect(formatDelta(null)).toBe("—");
  });
});

describe("key-result values", () => {
  const number = { type: "increase_to", unit: "number", unitLabel: "" } as const;

  it("writes a value in the key result's unit", () => {
    expect(formatValue(number, 1234.567)).toBe("1,234.57");
    expect(formatValue({ ...number, unit: "percent" }, 42.5)).toBe("42.5%");
    expect(formatValue({ ...number, unit: "currency", unitLabel: "EUR" }, 1500)).toBe("1,500 EUR");
    expect(formatValue({ ...number, unit: "custom", unitLabel: "" }, 7)).toBe("7");
    expect(formatValue(number, null)).toBe("—");
  });

  it("reads a milestone as done or not", () => {
    const milestone = { ...number, type: "milestone" } as const;
    expect(formatValue(milestone, 1)).toBe("Done");
    expect(formatValue(milestone, 0)).toBe("Not done");
    expect(formatTarget({ ...milestone, targetValue: 1 })).toBe("Done");
  });

  it("marks a threshold target with ≥ or ≤", () => {
    expect(formatTarget({ ...number, targetValue: 200 })).toBe("200");
    expect(formatTarget({ ...number, type: "stay_at_or_above", targetValue: 95 })).toBe("≥ 95");
    expect(formatTarget({ ...number, type: "stay_at_or_below", unit: "percent", targetValue: 2 })).toBe("≤ 2%");
  });
});

describe("KPI axis and entry", () => {
  it("keeps axis ticks short", () => {
    expect(axisTick(1_500_000, "EUR", "manual")).toBe("1.5M");
    expect(axisTick(950, "", "manual")).toBe("950");
  });

  it("shows a computed percentage, stored as a fraction, in percent", () => {
    expect(axisTick(0.035, "%", "ratio")).toBe("3.5%");
    expect(axisTick(35, "%", "manual")).toBe("35%");
  });

  it("warns that computed percentages are typed as fractions", () => {
    expect(entryHint("%", "ratio")).toBe("Computed KPIs are fractions: 0.035 reads as 3.5%.");
    expect(entryHint("%", "manual")).toBeUndefined();
    expect(entryHint("EUR", "roi")).toBeUndefined();
  });
});

describe("describeActivity", () => {
  it("says what happened in words, with the detail that matters", () => {
    expect(describeActivity({ action: "objective.published" })).toBe("published the objective");
    expect(describeActivity({ action: "check_in.created", details: { value: 42.125 } })).toBe("checked in with 42.13");
    expect(describeActivity({ action: "key_result.created", details: { title: "Ship v2" } })).toBe(
      "added a key result “Ship v2”",
    );
    expect(describeActivity({ action: "key_result.graded", details: { grade: 0.7 } })).toBe("graded a key result 0.70");
  });

  it("falls back to a readable form of an unknown action", () => {
    expect(describeActivity({ action: "team.member_added", details: null })).toBe("team: member added");
  });
});
