import { describe, expect, it } from "vitest";
import { dueActualPeriod, dueActualPeriodStarts, isActualDue } from "./actuals-due";

const monthly = { frequency: "monthly", kind: "manual" } as const;
const quarterly = { frequency: "quarterly", kind: "manual" } as const;
const weekly = { frequency: "weekly", kind: "manual" } as const;

describe("dueActualPeriod", () => {
  it("owes last month's actual for a monthly KPI, across a year boundary", () => {
    expect(dueActualPeriod("monthly", "2026-07-15")).toEqual({ start: "2026-06-01", end: "2026-06-30" });
    expect(dueActualPeriod("monthly", "2026-07-01")).toEqual({ start: "2026-06-01", end: "2026-06-30" });
    expect(dueActualPeriod("monthly", "2026-06-30")).toEqual({ start: "2026-05-01", end: "2026-05-31" });
    expect(dueActualPeriod("monthly", "2027-01-01")).toEqual({ start: "2026-12-01", end: "2026-12-31" });
    expect(dueActualPeriod("monthly", "2028-03-10")).toEqual({ start: "2028-02-01", end: "2028-02-29" });
  });

  it("owes last quarter's for a quarterly KPI, changing on the quarter's first day", () => {
    expect(dueActualPeriod("quarterly", "2026-09-30")).toEqual({ start: "2026-04-01", end: "2026-06-30" });
    expect(dueActualPeriod("quarterly", "2026-10-01")).toEqual({ start: "2026-07-01", end: "2026-09-30" });
    expect(dueActualPeriod("quarterly", "2027-02-14")).toEqual({ start: "2026-10-01", end: "2026-12-31" });
  });

  it("owes last week's (Monday to Sunday) for a weekly KPI", () => {
    // 2026-07-15 is a Wednesday; its week starts Monday 13 July.
    expect(dueActualPeriod("weekly", "2026-07-15")).toEqual({ start: "2026-07-06", end: "2026-07-12" });
    expect(dueActualPeriod("weekly", "2026-07-13")).toEqual({ start: "2026-07-06", end: "2026-07-12" });
    expect(dueActualPeriod("weekly", "2026-07-12")).toEqual({ start: "2026-06-29", end: "2026-07-05" });
    // Across a year boundary: Monday 4 January 2027 starts a week; the one before began 28 December.
    expect(dueActualPeriod("weekly", "2027-01-04")).toEqual({ start: "2026-12-28", end: "2027-01-03" });
  });

  it("names each frequency's owed period start", () => {
    expect(dueActualPeriodStarts("2026-10-01")).toEqual({
      weekly: "2026-09-21",
      monthly: "2026-09-01",
      quarterly: "2026-07-01",
    });
  });
});

describe("isActualDue", () => {
  it("is due while the owed period has no actual", () => {
    expect(isActualDue(monthly, [], "2026-07-15")).toBe(true);
    expect(isActualDue(monthly, ["2026-05-01", "2026-07-01"], "2026-07-15")).toBe(true);
    expect(isActualDue(monthly, ["2026-06-01"], "2026-07-15")).toBe(false);
  });

  it("moves on when a month ends: June's actual no longer settles it in August", () => {
    expect(isActualDue(monthly, ["2026-06-01"], "2026-07-31")).toBe(false);
    expect(isActualDue(monthly, ["2026-06-01"], "2026-08-01")).toBe(true);
  });

  it("a monthly actual inside the quarter does not settle a quarterly KPI, the quarter's does", () => {
    expect(isActualDue(quarterly, ["2026-06-01"], "2026-07-15")).toBe(true);
    expect(isActualDue(quarterly, ["2026-04-01"], "2026-07-15")).toBe(false);
    expect(isActualDue(quarterly, ["2026-04-01"], "2026-10-01")).toBe(true);
  });

  it("weekly KPIs owe every week", () => {
    expect(isActualDue(weekly, ["2026-07-06"], "2026-07-19")).toBe(false);
    expect(isActualDue(weekly, ["2026-07-06"], "2026-07-20")).toBe(true);
  });

  it("computed KPIs are never due", () => {
    expect(isActualDue({ frequency: "monthly", kind: "ratio" }, [], "2026-07-15")).toBe(false);
  });
});
