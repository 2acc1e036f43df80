import { describe, expect, it } from "vitest";
import { DEFAULT_PERSPECTIVES, perspectiveOrderError } from "./default-perspectives";

describe("DEFAULT_PERSPECTIVES", () => {
  it("are the four balanced-scorecard perspectives, Financial on top, equally weighted", () => {
    expect(DEFAULT_PERSPECTIVES.map((p) => p.name)).toEqual([
      "Financial",
      "Customer",
      "Internal Process",
      "Learning & Growth",
    ]);
    expect(DEFAULT_PERSPECTIVES.every((p) => p.weight === 1)).toBe(true);
  });
});

describe("perspectiveOrderError", () => {
  const existing = ["a", "b", "c"];

  it("accepts every perspective named once, in any order", () => {
    expect(perspectiveOrderError(["c", "a", "b"], existing)).toBeNull();
    expect(perspectiveOrderError(["a", "b", "c"], existing)).toBeNull();
  });

  it("refuses an order that leaves a perspective out", () => {
    expect(perspectiveOrderError(["a", "b"], existing)).toMatch(/every perspective/);
  });

  it("refuses an order naming one twice", () => {
    expect(perspectiveOrderError(["a", "b", "b", "c"], existing)).toMatch(/once/);
    expect(perspectiveOrderError(["a", "a", "b"], existing)).toMatch(/once/);
  });

  it("refuses an order naming a perspective of someone else", () => {
    expect(perspectiveOrderError(["a", "b", "c", "x"], existing)).toMatch(/does not have/);
    expect(perspectiveOrderError(["a", "b", "x"], existing)).toMatch(/does not have/);
  });

  it("accepts an empty order only for an organization without perspectives", () => {
    expect(perspectiveOrderError([], [])).toBeNull();
    expect(perspectiveOrderError([], existing)).not.toBeNull();
  });
});
