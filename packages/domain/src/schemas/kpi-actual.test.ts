import { describe, expect, it } from "vitest";
import { ZKpiActualsImportSchema, ZKpiActualsSaveSchema } from "./kpi-actual";

const ID = "6f1c1a52-8a3e-4c0e-9d57-1b2f8f0e7a11";

describe("KPI actuals", () => {
  it("saves 1 to 500 periods of finite numbers or null", () => {
    const values = [
      { periodStart: "2026-10-01", value: 4 },
      { periodStart: "2026-11-01", value: null },
    ];
    expect(ZKpiActualsSaveSchema.safeParse({ kpiId: ID, values }).success).toBe(true);
    expect(ZKpiActualsSaveSchema.safeParse({ kpiId: ID, values: [] }).success).toBe(false);
    const many = Array.from({ length: 501 }, () => ({ periodStart: "2026-10-01", value: 1 }));
    expect(ZKpiActualsSaveSchema.safeParse({ kpiId: ID, values: many }).success).toBe(false);
    expect(
      ZKpiActualsSaveSchema.safeParse({ kpiId: ID, values: [{ periodStart: "2026-10-01", value: Number.NaN }] })
        .success,
    ).toBe(false);
    expect(ZKpiActualsImportSchema.safeParse({ csv: "x".repeat(2 * 1024 * 1024 + 1) }).success).toBe(false);
  });
});
