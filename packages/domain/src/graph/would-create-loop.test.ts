import { describe, expect, it } from "vitest";
import { wouldCreateLoop } from "./would-create-loop";

// company ← marketing ← growth, and a separate sales root
const parentOf = new Map<string, string | null>([
  ["company", null],
  ["marketing", "company"],
  ["growth", "marketing"],
  ["sales", null],
]);

describe("wouldCreateLoop", () => {
  it("refuses a node under itself or under one of its descendants", () => {
    expect(wouldCreateLoop(parentOf, "company", "company")).toBe(true);
    expect(wouldCreateLoop(parentOf, "company", "growth")).toBe(true);
    expect(wouldCreateLoop(parentOf, "marketing", "growth")).toBe(true);
  });

  it("allows moves elsewhere in the tree and to the top", () => {
    expect(wouldCreateLoop(parentOf, "growth", "sales")).toBe(false);
    expect(wouldCreateLoop(parentOf, "marketing", null)).toBe(false);
    expect(wouldCreateLoop(parentOf, "sales", "growth")).toBe(false);
  });

  it("stops on a loop that already exists instead of spinning", () => {
    const broken = new Map<string, string | null>([
      ["a", "b"],
      ["b", "a"],
    ]);
    expect(wouldCreateLoop(broken, "c", "a")).toBe(true);
  });
});
