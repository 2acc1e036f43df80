import { describe, expect, it } from "vitest";
import { canEditReview, canReadReview, canUpdateAction, readableReviewStatuses } from "./review-permissions";
import type { Role } from "./roles";

describe("review permissions", () => {
  it("lets viewers read finalized reviews only, everyone else open ones too, and nobody unknown", () => {
    expect(readableReviewStatuses("viewer")).toEqual(["finalized"]);
    for (const role of ["member", "manager", "admin"] as const) {
      expect(readableReviewStatuses(role)).toEqual(["open", "finalized"]);
    }
    expect(readableReviewStatuses("guest" as Role)).toEqual([]);
    expect(canReadReview("viewer", "open")).toBe(false);
    expect(canReadReview("viewer", "finalized")).toBe(true);
  });

  it("lets review managers edit open reviews only, and members update only their own actions", () => {
    expect(canEditReview("manager", "open")).toBe(true);
    expect(canEditReview("manager", "finalized")).toBe(false);
    expect(canEditReview("member", "open")).toBe(false);
    expect(canUpdateAction("member", "u1", "u1")).toBe(true);
    expect(canUpdateAction("member", "u1", "u2")).toBe(false);
    expect(canUpdateAction("manager", "u1", "u2")).toBe(true);
    expect(canUpdateAction("viewer", "u1", "u1")).toBe(false);
  });
});
