import { describe, expect, it } from "vitest";
import { isLandingUrl, normaliseUtm, normaliseUtmValue, taggedLink } from "./utm";

describe("normaliseUtmValue", () => {
  it("trims, lower-cases and joins words with hyphens", () => {
    expect(normaliseUtmValue("  Newsletter ")).toBe("newsletter");
    expect(normaliseUtmValue("Spring  Launch 2026")).toBe("spring-launch-2026");
    expect(normaliseUtmValue("")).toBe("");
  });
  it("is idempotent", () => {
    const once = normaliseUtm({ source: "LinkedIn", medium: "Paid Social", campaign: "Q2 Push" });
    expect(once).toEqual({ source: "linkedin", medium: "paid-social", campaign: "q2-push" });
    expect(normaliseUtm(once)).toEqual(once);
  });
});

describe("taggedLink", () => {
  const utm = { source: "Newsletter", medium: "Email", campaign: "Spring Launch" };
  it("adds the lower-cased UTM parameters to a landing URL", () => {
    expect(taggedLink("https://example.com/spring", utm)).toBe(
      "https://example.com/spring?utm_source=newsletter&utm_medium=email&utm_campaign=spring-launch",
    );
  });
  it("keeps other parameters and the fragment, and replaces UTM values already there", () => {
    expect(taggedLink("https://example.com/p?ref=x&utm_source=old#plans", utm)).toBe(
      "https://example.com/p?ref=x&utm_source=newsletter&utm_medium=email&utm_campaign=spring-launch#plans",
    );
  });
  it("encodes what a query needs encoded, and leaves out blank values", () => {
    expect(taggedLink("https://example.com/", { source: "a&b", medium: "", campaign: "" })).toBe(
      "https://example.com/?utm_source=a%26b",
    );
    expect(taggedLink("https://example.com/?utm_medium=old", { source: "", medium: "", campaign: "" })).toBe(
      "https://example.com/",
    );
  });
  it("is blank without a usable landing URL", () => {
    expect(taggedLink("", utm)).toBeNull();
    expect(taggedLink(null, utm)).toBeNull();
    expect(taggedLink("example.com/spring", utm)).toBeNull();
    expect(taggedLink("javascript:alert(1)", utm)).toBeNull();
    expect(taggedLink("ftp://example.com/file", utm)).toBeNull();
  });
  it("the tagged link reads back the same UTM values (round trip)", () => {
    const link = taggedLink("https://example.com/x", utm) as string;
    const params = new URL(link).searchParams;
    expect([params.get("utm_source"), params.get("utm_medium"), params.get("utm_campaign")]).toEqual([
      "newsletter",
      "email",
      "spring-launch",
    ]);
  });
});

describe("isLandingUrl", () => {
  it("accepts http and https only", () => {
    expect(isLandingUrl("http://example.com")).toBe(true);
    expect(isLandingUrl(" https://example.com/a?b=c ")).toBe(true);
    expect(isLandingUrl("mailto:a@example.com")).toBe(false);
    expect(isLandingUrl("not a url")).toBe(false);
  });
});
