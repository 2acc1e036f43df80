import { describe, expect, it } from "vitest";
import { ZDashboardInputSchema, ZObjectiveCreateSchema, ZObjectiveUpdateSchema } from "./objective";

const KR_ID = "123e4567-e89b-42d3-a456-426614174000";
const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

/** "path: message" for every issue, or [] when parsing succeeded. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`) ?? [];
}

describe("ZDashboardInputSchema", () => {
  it("defaults a missing input to {} and accepts a UUID cycle id", () => {
    expect(ZDashboardInputSchema.safeParse(undefined).data).toEqual({});
    expect(ZDashboardInputSchema.safeParse({ cycleId: KR_ID }).data).toEqual({ cycleId: KR_ID });
  });

  it("rejects a cycle id that is not a UUID", () => {
    expect(issues(ZDashboardInputSchema.safeParse({ cycleId: "current" }))).toEqual(["cycleId: Must be a valid id."]);
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
