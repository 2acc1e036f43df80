import { describe, expect, it } from "vitest";
import { ZKpiSetTargetSchema } from "./kpi-target";

const ID = "6f1c1a52-8a3e-4c0e-9d57-1b2f8f0e7a11";

describe("KPI targets", () => {
  it("refuses equal goal and red flag for a quarter", () => {
    expect(ZKpiSetTargetSchema.safeParse({ kpiId: ID, periodStart: "2026-10-01", goal: 1, redFlag: 1 }).success).toBe(
      false,
    );
  });
});
