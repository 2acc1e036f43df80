import { describe, expect, it } from "vitest";
import { EXPIRY_IN_PAST, ZApiTokenCreateFormSchema, ZApiTokenCreateSchema } from "./api-token";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("ZApiTokenCreateSchema", () => {
  it("takes scopes and an expiry from today on, or none", () => {
    for (const expiresOn of [day(0), day(1), day(365), null, undefined]) {
      expect(ZApiTokenCreateSchema.safeParse({ name: "CRM", scopes: ["okrs:read"], expiresOn }).success).toBe(true);
    }
  });

  it("refuses an expiry in the past with a message that says so", () => {
    const result = ZApiTokenCreateSchema.safeParse({ name: "CRM", scopes: ["okrs:read"], expiresOn: day(-1) });
    expect(messages(result)).toEqual([EXPIRY_IN_PAST]);
  });

  it("refuses no scopes, unknown scopes and repeated scopes", () => {
    const parse = (scopes: unknown) => messages(ZApiTokenCreateSchema.safeParse({ name: "CRM", scopes }));
    expect(parse([])).toEqual(["Choose at least one scope: a token with none can do nothing."]);
    expect(parse(["okrs:write"])).toEqual(["That is not a scope Meridian knows."]);
    expect(parse(["okrs:read", "okrs:read"])).toEqual(["Each scope can be chosen once."]);
    expect(parse(undefined)).toEqual(["Choose the scopes the token may use."]);
  });
});

describe("ZApiTokenCreateFormSchema", () => {
  it("reads an empty date input as no expiry and applies the same rule to a date", () => {
    expect(ZApiTokenCreateFormSchema.parse({ name: "CRM", scopes: ["kpis:write"], expiresOn: "" }).expiresOn).toBe(
      null,
    );
    expect(ZApiTokenCreateFormSchema.parse({ name: "CRM", scopes: ["kpis:write"], expiresOn: day(3) }).expiresOn).toBe(
      day(3),
    );
    const past = ZApiTokenCreateFormSchema.safeParse({ name: "CRM", scopes: ["kpis:write"], expiresOn: day(-3) });
    expect(messages(past)).toEqual([EXPIRY_IN_PAST]);
  });
});
