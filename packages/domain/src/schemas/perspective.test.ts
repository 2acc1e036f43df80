import { describe, expect, it } from "vitest";
import { ZPerspectiveCreateSchema, ZPerspectiveReorderSchema, ZPerspectiveUpdateSchema } from "./perspective";

const A = "11111111-1111-4111-8111-111111111111";

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
