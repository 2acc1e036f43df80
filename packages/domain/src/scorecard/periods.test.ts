import { describe, expect, it } from "vitest";
import {
  elapsedFraction,
  parsePeriod,
  periodContaining,
  periodLabel,
  periodsWithin,
  quarterAt,
  quarterContaining,
  quarterLabel,
  quartersEndingAt,
} from "./periods";

describe("periods", () => {
  it("names weeks by their Monday, months by the 1st, quarters by their first month", () => {
    expect(periodContaining("2026-11-29", "weekly")).toEqual({ start: "2026-11-23", end: "2026-11-29" }); // a Sunday
    expect(periodContaining("2026-11-23", "weekly")).toEqual({ start: "2026-11-23", end: "2026-11-29" });
    expect(periodContaining("2026-02-14", "monthly")).toEqual({ start: "2026-02-01", end: "2026-02-28" });
    expect(periodContaining("2028-02-14", "monthly").end).toBe("2028-02-29");
    expect(quarterContaining("2026-11-30")).toEqual({ start: "2026-10-01", end: "2026-12-31" });
  });

  it("steps quarters across years and lists the last eight oldest first", () => {
    expect(quarterAt("2026-02-10", -1)).toEqual({ start: "2025-10-01", end: "2025-12-31" });
    expect(quarterAt("2026-11-30", 1).start).toBe("2027-01-01");
    const eight = quartersEndingAt("2026-11-30", 8);
    expect(eight.map((q) => quarterLabel(q))).toEqual([
      "Q1 2025",
      "Q2 2025",
      "Q3 2025",
      "Q4 2025",
      "Q1 2026",
      "Q2 2026",
      "Q3 2026",
      "Q4 2026",
    ]);
  });

  it("lists the reporting periods that start inside a quarter", () => {
    const q4 = quarterContaining("2026-10-01");
    expect(periodsWithin(q4, "monthly").map((p) => p.start)).toEqual(["2026-10-01", "2026-11-01", "2026-12-01"]);
    expect(periodsWithin(q4, "quarterly").map((p) => p.start)).toEqual(["2026-10-01"]);
    const weeks = periodsWithin(q4, "weekly");
    expect(weeks[0]?.start).toBe("2026-10-05"); // the week of 28 Sep starts outside the quarter
    expect(weeks).toHaveLength(13);
  });

  it("reads periods as spreadsheets write them and names them by their first day", () => {
    expect(parsePeriod("2026-Q3", "quarterly")).toBe("2026-07-01");
    expect(parsePeriod("2026q3", "monthly")).toBe("2026-07-01");
    expect(parsePeriod("2026-08", "monthly")).toBe("2026-08-01");
    expect(parsePeriod(" 2026-08-19 ", "monthly")).toBe("2026-08-01");
    expect(parsePeriod("2026-08-19", "weekly")).toBe("2026-08-17");
    expect(parsePeriod("2026-08-19", "quarterly")).toBe("2026-07-01");
    for (const bad of ["", "2026-13", "2026-02-30", "Q3", "yesterday", "2026-Q5", "0999-01-01"]) {
      expect(parsePeriod(bad, "monthly"), bad).toBeNull();
    }
  });

  it("labels periods for people and measures how much of one has passed", () => {
    expect(periodLabel("2026-10-01", "monthly")).toBe("Oct 2026");
    expect(periodLabel("2026-10-05", "weekly")).toBe("5 Oct 2026");
    expect(periodLabel("2026-10-01", "quarterly")).toBe("Q4 2026");
    const q = quarterContaining("2026-10-01");
    expect(elapsedFraction(q, new Date("2026-09-01T00:00:00Z"))).toBe(0);
    expect(elapsedFraction(q, new Date("2026-11-16T00:00:00Z"))).toBe(0.5);
    expect(elapsedFraction(q, new Date("2027-02-01T00:00:00Z"))).toBe(1);
  });
});

describe("period arithmetic on strings, checked against the calendar", () => {
  // Every day of 1999–2032 (leap years, century rules, year ends), against Date's own calendar.
  const days: string[] = [];
  for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2032, 11, 31); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }

  it("finds the week (Monday to Sunday), month and quarter of every day as Date does", () => {
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const mismatches: string[] = [];
    for (const d of days) {
      const date = new Date(`${d}T00:00:00Z`);
      const monday = date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000;
      const y = date.getUTCFullYear();
      const m = date.getUTCMonth();
      const q = Math.floor(m / 3) * 3;
      const expected = [
        day(monday),
        day(monday + 6 * 86_400_000),
        day(Date.UTC(y, m + 1, 0)),
        day(Date.UTC(y, q, 1)),
        day(Date.UTC(y, q + 3, 0)),
      ].join(" ");
      const week = periodContaining(d, "weekly");
      const quarter = quarterContaining(d);
      const actual = [week.start, week.end, periodContaining(d, "monthly").end, quarter.start, quarter.end].join(" ");
      if (actual !== expected) mismatches.push(`${d}: ${actual} ≠ ${expected}`);
    }
    // One assertion over every day, so the check stays fast.
    expect(mismatches).toEqual([]);
    expect(days).toHaveLength(12_419);
  });

  it("steps quarters across year ends in both directions", () => {
    expect(quarterAt("2026-02-10", -1)).toEqual({ start: "2025-10-01", end: "2025-12-31" });
    expect(quarterAt("2026-11-30", 1)).toEqual({ start: "2027-01-01", end: "2027-03-31" });
    expect(quarterAt("2026-05-01", -9)).toEqual({ start: "2024-01-01", end: "2024-03-31" });
  });

  it("lists the weeks starting inside a quarter, the first one after its first Monday", () => {
    const weeks = periodsWithin({ start: "2026-10-01", end: "2026-12-31" }, "weekly");
    expect(weeks[0]?.start).toBe("2026-10-05");
    expect(weeks.at(-1)?.start).toBe("2026-12-28");
    expect(weeks).toHaveLength(13);
  });
});
