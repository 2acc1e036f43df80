import { describe, expect, it } from "vitest";
import { canonicalTimeZone, ZProfileUpdateSchema, ZSignOutEverywhereSchema } from "./account";

describe("canonicalTimeZone", () => {
  it("accepts IANA zones and UTC, in their canonical spelling", () => {
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone(" Asia/Tokyo ")).toBe("Asia/Tokyo");
  });

  it("refuses what is not a zone", () => {
    for (const zone of ["", "Mars/Olympus_Mons", "Europe/Berlin; drop table users", "../etc/passwd", "x".repeat(65)]) {
      expect(canonicalTimeZone(zone), zone).toBeNull();
    }
  });
});

describe("ZProfileUpdateSchema", () => {
  it("trims the name and canonicalizes the zone", () => {
    expect(ZProfileUpdateSchema.parse({ name: "  Ada Lovelace ", timeZone: "europe/london", version: 3 })).toEqual({
      name: "Ada Lovelace",
      timeZone: "Europe/London",
      version: 3,
    });
  });

  it("says what is wrong with an unknown zone, an empty name and a missing version", () => {
    const result = ZProfileUpdateSchema.safeParse({ name: " ", timeZone: "Nowhere/Land" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual([
      "name: Enter the name.",
      "timeZone: Choose a time zone from the list, such as Europe/Berlin.",
      "version: Version must be a number.",
    ]);
  });
});

describe("ZSignOutEverywhereSchema", () => {
  it("needs an explicit choice about this device", () => {
    expect(ZSignOutEverywhereSchema.safeParse({}).success).toBe(false);
    expect(ZSignOutEverywhereSchema.parse({ keepCurrent: true })).toEqual({ keepCurrent: true });
  });
});
