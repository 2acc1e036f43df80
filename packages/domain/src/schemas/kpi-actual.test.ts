import { describe, expect, it } from "vitest";
import { actualsWindow, ZKpiActualsImportSchema, ZKpiActualsPutSchema, ZKpiActualsSaveSchema } from "./kpi-actual";

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

describe("the window of a KPI's actuals a REST read covers", () => {
  it("defaults to today's quarter and the seven before", () => {
    expect(actualsWindow({}, "2026-12-04")).toEqual({ from: "2025-01-01", to: "2026-12-04" });
    expect(actualsWindow({ to: "2026-02-10" }, "2026-12-04")).toEqual({ from: "2024-04-01", to: "2026-02-10" });
    expect(actualsWindow({ from: "2026-05-01" }, "2026-12-04")).toEqual({ from: "2026-05-01", to: "2026-12-04" });
  });

  it("refuses a backwards window and one of more than twenty quarters", () => {
    expect(actualsWindow({ from: "2026-06-01", to: "2026-01-01" }, "2026-12-04")).toMatchObject({
      error: { path: "to" },
    });
    expect(actualsWindow({ from: "2021-10-01", to: "2026-09-30" }, "2026-12-04")).toEqual({
      from: "2021-10-01",
      to: "2026-09-30",
    });
    expect(actualsWindow({ from: "2021-09-30", to: "2026-09-30" }, "2026-12-04")).toMatchObject({
      error: { path: "from" },
    });
  });

  it("takes each REST item strict, a period as a date and a finite value or null", () => {
    const ok = {
      kpiId: ID,
      actuals: [
        { period: "2026-10-01", value: 4 },
        { period: "2026-11-01", value: null },
      ],
    };
    expect(ZKpiActualsPutSchema.safeParse(ok).success).toBe(true);
    for (const actuals of [
      [],
      [{ period: "2026-10", value: 1 }],
      [{ period: "2026-10-01", value: "1" }],
      [{ period: "2026-10-01", value: 1, unit: "EUR" }],
      [{ period: "2026-10-01", value: Number.POSITIVE_INFINITY }],
    ]) {
      expect(ZKpiActualsPutSchema.safeParse({ kpiId: ID, actuals }).success, JSON.stringify(actuals)).toBe(false);
    }
  });
});
