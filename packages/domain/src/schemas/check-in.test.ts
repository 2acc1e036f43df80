import { describe, expect, it } from "vitest";
import { ZCheckInCreateSchema, ZConfidence } from "./check-in";

const KR_ID = "123e4567-e89b-42d3-a456-426614174000";
const IDEMPOTENCY_KEY = "9b2f1c3e-5d4a-4f6b-8c7d-0e1f2a3b4c5d";

/** "path: message" for every issue, or [] when parsing succeeded. */
function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`) ?? [];
}

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
