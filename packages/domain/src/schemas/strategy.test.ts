import { describe, expect, it } from "vitest";
import { ZObjectiveCreateSchema, ZObjectiveUpdateSchema } from "./objectives";
import {
  ZPerspectiveCreateSchema,
  ZPerspectiveReorderSchema,
  ZPerspectiveUpdateSchema,
  ZStrategicObjectiveCreateSchema,
  ZStrategicObjectiveUpdateSchema,
  ZStrategyLinkSchema,
  ZStrategyMapInputSchema,
} from "./strategy";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("perspective schemas", () => {
  it("trims the name and defaults the weight to 1", () => {
    expect(ZPerspectiveCreateSchema.parse({ name: "  Customer " })).toEqual({ name: "Customer", weight: 1 });
  });

  it("refuses blank, overlong or NUL-bearing names and out-of-range weights", () => {
    expect(messages(ZPerspectiveCreateSchema.safeParse({ name: "   " }))).toEqual(["Name the perspective."]);
    expect(ZPerspectiveCreateSchema.safeParse({ name: "x".repeat(61) }).success).toBe(false);
    expect(ZPerspectiveCreateSchema.safeParse({ name: "a\u0000b" }).success).toBe(false);
    expect(ZPerspectiveCreateSchema.safeParse({ name: "Ok", weight: -1 }).success).toBe(false);
    expect(ZPerspectiveCreateSchema.safeParse({ name: "Ok", weight: 1e308 }).success).toBe(false);
    expect(ZPerspectiveCreateSchema.safeParse({ name: "Ok", weight: Number.NaN }).success).toBe(false);
  });

  it("updates name the version they read", () => {
    expect(ZPerspectiveUpdateSchema.safeParse({ perspectiveId: A, name: "New" }).success).toBe(false);
    expect(ZPerspectiveUpdateSchema.parse({ perspectiveId: A, version: 2, weight: 0 })).toEqual({
      perspectiveId: A,
      version: 2,
      weight: 0,
    });
  });

  it("reorders by a non-empty list of ids, lower-cased", () => {
    expect(ZPerspectiveReorderSchema.safeParse({ perspectiveIds: [] }).success).toBe(false);
    expect(ZPerspectiveReorderSchema.safeParse({ perspectiveIds: ["nope"] }).success).toBe(false);
    expect(ZPerspectiveReorderSchema.parse({ perspectiveIds: [A.toUpperCase()] }).perspectiveIds).toEqual([A]);
  });
});

describe("strategic objective schemas", () => {
  it("needs a perspective, a name and an owner; description and weight default", () => {
    expect(ZStrategicObjectiveCreateSchema.parse({ perspectiveId: A, name: "Grow revenue", ownerId: B })).toEqual({
      perspectiveId: A,
      name: "Grow revenue",
      ownerId: B,
      description: "",
      weight: 1,
    });
    expect(ZStrategicObjectiveCreateSchema.safeParse({ perspectiveId: A, name: "Go", ownerId: B }).success).toBe(false);
    expect(ZStrategicObjectiveCreateSchema.safeParse({ perspectiveId: A, name: "Grow" }).success).toBe(false);
  });

  it("updates need the version and accept a move to another perspective", () => {
    expect(ZStrategicObjectiveUpdateSchema.safeParse({ strategicObjectiveId: A, perspectiveId: B }).success).toBe(
      false,
    );
    expect(
      ZStrategicObjectiveUpdateSchema.parse({ strategicObjectiveId: A, version: 1, perspectiveId: B }),
    ).toMatchObject({ perspectiveId: B });
  });
});

describe("strategy links and the map", () => {
  it("refuses a link from an objective to itself, whatever the letter case", () => {
    const result = ZStrategyLinkSchema.safeParse({ causeId: A, effectId: A.toUpperCase() });
    expect(result.success).toBe(false);
    expect(messages(result)[0]).toMatch(/its own cause/);
    expect(ZStrategyLinkSchema.parse({ causeId: A, effectId: B })).toEqual({ causeId: A, effectId: B });
  });

  it("reads the map of a day's quarter, or of today's when no day is given", () => {
    expect(ZStrategyMapInputSchema.parse(undefined)).toEqual({});
    expect(ZStrategyMapInputSchema.parse({ period: "2026-08-15" })).toEqual({ period: "2026-08-15" });
    expect(ZStrategyMapInputSchema.safeParse({ period: "2026-13-01" }).success).toBe(false);
    expect(ZStrategyMapInputSchema.safeParse({ period: "0001-01-01" }).success).toBe(false);
  });
});

describe("OKR objective alignment to a strategic objective", () => {
  const create = { cycleId: A, level: "company", title: "Win the quarter" } as const;

  it("is optional on create (null by default) and removable on update", () => {
    expect(ZObjectiveCreateSchema.parse(create).strategicObjectiveId).toBeNull();
    expect(ZObjectiveCreateSchema.parse({ ...create, strategicObjectiveId: B }).strategicObjectiveId).toBe(B);
    expect(ZObjectiveUpdateSchema.parse({ objectiveId: A, version: 1 })).not.toHaveProperty("strategicObjectiveId");
    expect(ZObjectiveUpdateSchema.parse({ objectiveId: A, version: 1, strategicObjectiveId: null })).toMatchObject({
      strategicObjectiveId: null,
    });
    expect(ZObjectiveCreateSchema.safeParse({ ...create, strategicObjectiveId: "x" }).success).toBe(false);
  });
});
