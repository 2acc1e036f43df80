import { describe, expect, it } from "vitest";
import { ZKpiCreateSchema, ZKpiUpdateSchema } from "./kpi";

const ID = "6f1c1a52-8a3e-4c0e-9d57-1b2f8f0e7a11";
const OTHER = "0b7e5d7c-3a41-4f52-8f0e-2c6d9a1b3e44";
const valid = {
  name: "Revenue",
  direction: "higher_is_better",
  frequency: "monthly",
  aggregation: "sum",
  goal: 100,
  redFlag: 80,
  ownerId: ID,
} as const;

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("ZKpiCreateSchema", () => {
  it("fills the defaults of an entered KPI", () => {
    expect(ZKpiCreateSchema.parse(valid)).toMatchObject({
      description: "",
      unit: "",
      weight: 1,
      kind: "manual",
      strategicObjectiveId: null,
    });
  });

  it("wants the goal on the good side of the red flag, and the two apart", () => {
    expect(messages(ZKpiCreateSchema.safeParse({ ...valid, goal: 80 }))).toEqual(["Goal and red flag must differ."]);
    expect(messages(ZKpiCreateSchema.safeParse({ ...valid, goal: 70 }))[0]).toMatch(/above the red flag/);
    expect(ZKpiCreateSchema.safeParse({ ...valid, direction: "lower_is_better", goal: 2, redFlag: 5 }).success).toBe(
      true,
    );
    expect(messages(ZKpiCreateSchema.safeParse({ ...valid, direction: "lower_is_better" }))[0]).toMatch(/below/);
  });

  it("refuses numbers that are not finite or absurdly large", () => {
    for (const goal of [Number.NaN, Number.POSITIVE_INFINITY, 1e300]) {
      expect(ZKpiCreateSchema.safeParse({ ...valid, goal }).success).toBe(false);
    }
    expect(ZKpiCreateSchema.safeParse({ ...valid, weight: -0.5 }).success).toBe(false);
  });

  it("wants two distinct inputs for a computed KPI and none for an entered one", () => {
    expect(ZKpiCreateSchema.safeParse({ ...valid, kind: "ratio", inputAId: ID, inputBId: OTHER }).success).toBe(true);
    expect(messages(ZKpiCreateSchema.safeParse({ ...valid, kind: "roi", inputAId: ID }))).toEqual([
      "Choose the second input KPI.",
    ]);
    expect(messages(ZKpiCreateSchema.safeParse({ ...valid, kind: "ratio", inputAId: ID, inputBId: ID }))).toEqual([
      "The two inputs must be different KPIs.",
    ]);
    expect(ZKpiCreateSchema.safeParse({ ...valid, inputAId: ID }).success).toBe(false);
  });
});

describe("ZKpiUpdateSchema", () => {
  it("takes any subset of fields and checks the targets only when all three are given", () => {
    expect(ZKpiUpdateSchema.safeParse({ kpiId: ID, version: 1, goal: 5 }).success).toBe(true);
    expect(ZKpiUpdateSchema.safeParse({ kpiId: ID, version: 1, ...valid, goal: 60 }).success).toBe(false);
    expect(ZKpiUpdateSchema.safeParse({ kpiId: ID, version: 0 }).success).toBe(false);
  });
});
