import { describe, expect, it } from "vitest";
import { ZLoginSchema } from "./auth";
import { ZKeyResultUpdateSchema, ZObjectiveUpdateSchema } from "./objectives";
import { ZCheckInCreateSchema, ZConfidence, ZDashboardInputSchema } from "./okr";

const KR_ID = "123e4567-e89b-42d3-a456-426614174000";
const IDEMPOTENCY_KEY = "9b2f1c3e-5d4a-4f6b-8c7d-0e1f2a3b4c5d";

/** "path: message" for every issue, or [] when parsing succeeded. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`) ?? [];
}

describe("ZLoginSchema", () => {
  it("trims and lower-cases the email", () => {
    const r = ZLoginSchema.safeParse({ email: "  Ada@Example.COM ", password: "secret" });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ email: "ada@example.com", password: "secret" });
  });

  it("rejects a malformed email and an empty password", () => {
    const r = ZLoginSchema.safeParse({ email: "not-an-email", password: "" });
    expect(r.success).toBe(false);
    expect(issues(r)).toEqual(["email: Enter a valid email address.", "password: Enter your password."]);
  });

  it("accepts a 256-character password and rejects 257", () => {
    expect(ZLoginSchema.safeParse({ email: "a@b.co", password: "x".repeat(256) }).success).toBe(true);
    const r = ZLoginSchema.safeParse({ email: "a@b.co", password: "x".repeat(257) });
    expect(issues(r)).toEqual(["password: Password is too long."]);
  });
});

describe("ZConfidence", () => {
  it("accepts whole numbers 0 to 10", () => {
    expect(ZConfidence.safeParse(0).success).toBe(true);
    expect(ZConfidence.safeParse(10).success).toBe(true);
  });

  it.each([[-1], [11], [5.5]])("rejects %j", (value) => {
    expect(issues(ZConfidence.safeParse(value))).toEqual([": Confidence is a whole number from 0 to 10."]);
  });

  it("rejects a numeric string", () => {
    expect(issues(ZConfidence.safeParse("5"))).toEqual([": Confidence must be a number."]);
  });
});

describe("ZCheckInCreateSchema", () => {
  const valid = { keyResultId: KR_ID, value: 70, confidence: 7, idempotencyKey: IDEMPOTENCY_KEY };

  it("accepts a valid check-in, defaulting the comment to empty", () => {
    const r = ZCheckInCreateSchema.safeParse(valid);
    expect(r.success).toBe(true);
    expect(r.data).toEqual({ ...valid, comment: "" });
  });

  it("accepts negative and fractional values and trims the comment", () => {
    const r = ZCheckInCreateSchema.safeParse({ ...valid, value: -12.5, comment: "  shipped  " });
    expect(r.data?.value).toBe(-12.5);
    expect(r.data?.comment).toBe("shipped");
  });

  it("rejects bad ids, a fractional confidence and a non-UUID idempotency key, each with its own message", () => {
    const r = ZCheckInCreateSchema.safeParse({
      ...valid,
      keyResultId: "kr-1",
      confidence: 7.5,
      idempotencyKey: "retry-1",
    });
    expect(issues(r)).toEqual([
      "keyResultId: Must be a valid id.",
      "confidence: Confidence is a whole number from 0 to 10.",
      "idempotencyKey: Idempotency key must be a UUID.",
    ]);
  });

  it.each([["70"], [Number.NaN], [Number.POSITIVE_INFINITY]])("rejects value %j", (value) => {
    expect(issues(ZCheckInCreateSchema.safeParse({ ...valid, value }))).toEqual(["value: Value must be a number."]);
  });

  it("accepts a 2000-character comment and rejects 2001 (length counted after trimming)", () => {
    expect(ZCheckInCreateSchema.safeParse({ ...valid, comment: `  ${"x".repeat(2000)}  ` }).success).toBe(true);
    const r = ZCheckInCreateSchema.safeParse({ ...valid, comment: "x".repeat(2001) });
    expect(issues(r)).toEqual(["comment: Keep the comment under 2000 characters."]);
  });
});

describe("ZDashboardInputSchema", () => {
  it("defaults a missing input to {} and accepts a UUID cycle id", () => {
    expect(ZDashboardInputSchema.safeParse(undefined).data).toEqual({});
    expect(ZDashboardInputSchema.safeParse({ cycleId: KR_ID }).data).toEqual({ cycleId: KR_ID });
  });

  it("rejects a cycle id that is not a UUID", () => {
    expect(issues(ZDashboardInputSchema.safeParse({ cycleId: "current" }))).toEqual(["cycleId: Must be a valid id."]);
  });
});

describe("objective and key result titles", () => {
  // Postgres text cannot hold NUL: found by the fuzzer (seed 7) as a 500 on keyResults.update.
  it("refuse NUL characters with a message instead of passing them to the database", () => {
    const krUpdate = ZKeyResultUpdateSchema.safeParse({ keyResultId: KR_ID, version: 1, title: "a\u0000bcd" });
    expect(issues(krUpdate)).toContain("title: Text cannot contain NUL characters.");
    const objectiveUpdate = ZObjectiveUpdateSchema.safeParse({ objectiveId: KR_ID, version: 1, title: "Grow\u0000" });
    expect(issues(objectiveUpdate)).toContain("title: Text cannot contain NUL characters.");
    expect(ZObjectiveUpdateSchema.parse({ objectiveId: KR_ID, version: 1, title: "  Grow revenue  " }).title).toBe(
      "Grow revenue",
    );
  });
});
