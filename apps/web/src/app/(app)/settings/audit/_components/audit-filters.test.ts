import { describe, expect, it } from "vitest";
import { auditFiltersFrom } from "./audit-filters";

describe("auditFiltersFrom", () => {
  it("keeps the known filters that have a value", () => {
    expect(auditFiltersFrom({ actorId: "u1", entityType: "objective", from: "2026-01-01", to: "2026-03-31" })).toEqual({
      actorId: "u1",
      entityType: "objective",
      from: "2026-01-01",
      to: "2026-03-31",
    });
  });

  it("drops empty values and parameters that are not filters", () => {
    expect(auditFiltersFrom({ actorId: "", entityType: undefined, page: "2", from: "2026-01-01" })).toEqual({
      from: "2026-01-01",
    });
  });
});
