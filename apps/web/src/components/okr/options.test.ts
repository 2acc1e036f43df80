import { KEY_RESULT_TYPES, VISIBILITIES } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import { emptyAsNull, emptyAsUndefined, KEY_RESULT_TYPE_OPTIONS, labelledOptions, VISIBILITY_OPTIONS } from "./options";

describe("labelledOptions", () => {
  it("keeps the values' order and takes each label from the map", () => {
    const labels = { b: "Bee", a: "Ay" } as const;
    expect(labelledOptions(["a", "b"] as const, labels)).toEqual([
      { value: "a", label: "Ay" },
      { value: "b", label: "Bee" },
    ]);
  });

  it("offers every key-result type and visibility", () => {
    expect(KEY_RESULT_TYPE_OPTIONS.map((o) => o.value)).toEqual([...KEY_RESULT_TYPES]);
    expect(VISIBILITY_OPTIONS.map((o) => o.value)).toEqual([...VISIBILITIES]);
    expect(KEY_RESULT_TYPE_OPTIONS.every((o) => o.label.length > 0)).toBe(true);
  });
});

describe("empty choices", () => {
  it("send an empty select as null, or leave it out", () => {
    expect(emptyAsNull.setValueAs("")).toBeNull();
    expect(emptyAsNull.setValueAs("abc")).toBe("abc");
    expect(emptyAsUndefined.setValueAs("")).toBeUndefined();
    expect(emptyAsUndefined.setValueAs("abc")).toBe("abc");
  });
});
