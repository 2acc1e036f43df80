import { describe, expect, it } from "vitest";
import { ZStrategicObjectiveCreateSchema, ZStrategicObjectiveUpdateSchema } from "./strategic-objective";

const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

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
