import { describe, expect, it } from "vitest";
import { kpiGoalPeriod } from "./kpi-definition";

describe("kpiGoalPeriod", () => {
  it("says a summed monthly KPI's goal is per quarter, the total of its months", () => {
    const g = kpiGoalPeriod({ kind: "manual", aggregation: "sum", frequency: "monthly" });
    expect(g.per).toBe("quarter");
    expect(g.sentence).toMatch(
      /^Goal and red flag are per quarter: the total of the quarter's months, not one month's\./,
    );
  });

  it("says an averaged or last-value KPI's goal is per reporting period", () => {
    expect(kpiGoalPeriod({ kind: "manual", aggregation: "average", frequency: "weekly" }).per).toBe("week");
    expect(kpiGoalPeriod({ kind: "manual", aggregation: "last", frequency: "monthly" }).per).toBe("month");
  });

  it("says a quarterly or computed KPI's goal is per quarter", () => {
    expect(kpiGoalPeriod({ kind: "manual", aggregation: "sum", frequency: "quarterly" }).per).toBe("quarter");
    expect(kpiGoalPeriod({ kind: "ratio", aggregation: "average", frequency: "monthly" }).per).toBe("quarter");
  });
});
