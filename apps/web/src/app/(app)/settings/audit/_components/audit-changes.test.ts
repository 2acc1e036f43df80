import { describe, expect, it } from "vitest";
import { auditValue, fieldLabel, formatAuditChanges } from "./audit-changes";

describe("an audit entry's details as readable changes", () => {
  it("reads a bare from/to as the action's field, old → new", () => {
    expect(formatAuditChanges("user.role_changed", { from: "member", to: "manager" })).toEqual([
      { field: "role", from: "member", to: "manager" },
    ]);
  });

  it("lists only the fields that differ between two records", () => {
    const details = { from: { name: "Sales", parentId: null }, to: { name: "Growth", parentId: null } };
    expect(formatAuditChanges("team.updated", details)).toEqual([{ field: "name", from: "Sales", to: "Growth" }]);
  });

  it("reads new values beside the record before them, old value where there was one", () => {
    const details = { goal: 1200, redFlag: 800, quarter: "Q3 2026", before: { goal: 1000, redFlag: 800 } };
    expect(formatAuditChanges("kpi.target_set", details)).toEqual([
      { field: "goal", from: "1000", to: "1200" },
      { field: "red flag", from: "800", to: "800" },
      { field: "quarter", to: "Q3 2026" },
    ]);
    expect(formatAuditChanges("kpi.target_set", { goal: 5, before: null })).toEqual([{ field: "goal", to: "5" }]);
  });

  it("lists each changed field with its new value, and the facts recorded beside them", () => {
    const details = { reviewId: "r1", changes: { status: "done", dueOn: "2026-10-01" } };
    expect(formatAuditChanges("corrective_action.updated", details)).toEqual([
      { field: "status", to: "done" },
      { field: "due on", to: "2026-10-01" },
      { field: "review id", to: "r1" },
    ]);
  });

  it("lists plain facts as they are, and nothing for no details", () => {
    expect(formatAuditChanges("team.archived", { name: "Sales", active: false, order: ["a", "b"] })).toEqual([
      { field: "name", to: "Sales" },
      { field: "active", to: "no" },
      { field: "order", to: "a, b" },
    ]);
    expect(formatAuditChanges("user.signed_in", {})).toEqual([]);
  });

  it("writes values and field names in words", () => {
    expect(fieldLabel("strategicObjectiveId")).toBe("strategic objective id");
    expect(fieldLabel("red_flag")).toBe("red flag");
    expect(auditValue(null)).toBe("none");
    expect(auditValue("")).toBe("none");
    expect(auditValue([])).toBe("none");
    expect(auditValue({ name: "X", weight: 2 })).toBe("name X, weight 2");
    expect(auditValue(true)).toBe("yes");
  });
});
