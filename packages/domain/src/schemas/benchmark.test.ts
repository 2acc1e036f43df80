import { describe, expect, it } from "vitest";
import { ZBenchmarkUpsertSchema } from "./benchmark";

const ID = "6f1c1a52-8a3e-4c0e-9d57-1b2f8f0e7a11";

describe("benchmarks", () => {
  it("trims a benchmark's source and bounds it to 80 characters", () => {
    const base = { kpiId: ID, periodStart: "2026-10-01", value: 3 };
    expect(ZBenchmarkUpsertSchema.parse({ ...base, source: "  Contoso " }).source).toBe("Contoso");
    expect(ZBenchmarkUpsertSchema.safeParse({ ...base, source: " " }).success).toBe(false);
    expect(ZBenchmarkUpsertSchema.safeParse({ ...base, source: "x".repeat(81) }).success).toBe(false);
  });
});
