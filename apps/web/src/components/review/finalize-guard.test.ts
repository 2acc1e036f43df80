import { describe, expect, it } from "vitest";
import { finalizeQuestion } from "./finalize-guard";

const plain = ["Finalize? Commentary and actions of this review become read-only.", "Yes, finalize"] as const;

describe("finalizeQuestion", () => {
  it("asks the plain question when everything is saved", () => {
    expect(finalizeQuestion([], ...plain)).toEqual({ question: plain[0], confirmLabel: plain[1] });
  });

  it("names the unsaved commentary first, and the button says what is lost", () => {
    const one = finalizeQuestion(["Commentary on Financial"], ...plain);
    expect(one.question).toMatch(/^Commentary on Financial is not saved yet\. Finalizing now leaves it out/);
    expect(one.confirmLabel).toBe("Finalize without it");
    const two = finalizeQuestion(["Commentary on Financial", "Commentary on ARR"], ...plain);
    expect(two.question).toMatch(/^2 pieces of commentary are not saved yet\. Finalizing now leaves them out/);
  });
});
