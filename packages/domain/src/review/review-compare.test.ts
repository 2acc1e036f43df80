import { describe, expect, it } from "vitest";
import { compareReviewRows, type ReviewRow } from "./review-compare";

describe("compareReviewRows", () => {
  const previous: ReviewRow[] = [
    { kind: "kpi", id: "churn", name: "Churn", score: 2, status: "red" },
    { kind: "kpi", id: "revenue", name: "Revenue", score: 7, status: "green" },
    { kind: "kpi", id: "gone", name: "Retired KPI", score: 1, status: "red" },
  ];
  const current: ReviewRow[] = [
    { kind: "kpi", id: "churn", name: "Churn", score: 5, status: "amber" },
    { kind: "kpi", id: "revenue", name: "Revenue", score: 3, status: "red" },
    { kind: "kpi", id: "new", name: "New KPI", score: 1, status: "red" },
    { kind: "kpi", id: "quiet", name: "Quiet KPI", score: null, status: "no_data" },
  ];

  it("gives score deltas and flags red items new and resolved", () => {
    const rows = compareReviewRows(current, previous);
    expect(rows.find((r) => r.id === "churn")).toMatchObject({ delta: 3, newRed: false, resolvedRed: true });
    expect(rows.find((r) => r.id === "revenue")).toMatchObject({ delta: -4, newRed: true, resolvedRed: false });
    expect(rows.find((r) => r.id === "new")).toMatchObject({ previousScore: null, delta: null, newRed: true });
    expect(rows.find((r) => r.id === "quiet")).toMatchObject({ delta: null, newRed: false, resolvedRed: false });
    expect(rows.map((r) => r.id)).not.toContain("gone");
  });
});
