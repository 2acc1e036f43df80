import { describe, expect, it } from "vitest";
import { finalizeQuestion } from "./finalize-question";

describe("finalizeQuestion", () => {
  it("warns how much of a running cycle has passed", () => {
    expect(finalizeQuestion({ name: "Q3 2026", timing: { elapsed: 0.62, ended: false } })).toBe(
      "62 % of Q3 2026 has passed — finalize anyway? Commentary and actions of this review become read-only.",
    );
  });

  it("asks plainly once the cycle has ended", () => {
    expect(finalizeQuestion({ name: "Q3 2026", timing: { elapsed: 1, ended: true } })).toBe(
      "Finalize? Commentary and actions of this review become read-only.",
    );
  });
});
