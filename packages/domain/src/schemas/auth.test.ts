import { describe, expect, it } from "vitest";
import { ZLoginSchema } from "./auth";

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
