import { describe, expect, it } from "vitest";
import { finalizedNote } from "./finalized";

describe("finalizedNote", () => {
  it("names the day and the person who finalized the review", () => {
    expect(finalizedNote({ finalizedAt: "2026-12-15", finalizedBy: { name: "Maya Chen" } })).toBe(
      " · finalized Dec 15, 2026 by Maya Chen",
    );
  });

  it("says nothing while the review is open, or when who finalized it is unknown", () => {
    expect(finalizedNote({ finalizedAt: null, finalizedBy: null })).toBe("");
    expect(finalizedNote({ finalizedAt: new Date("2026-12-15T10:00:00Z"), finalizedBy: null })).toBe("");
  });
});
