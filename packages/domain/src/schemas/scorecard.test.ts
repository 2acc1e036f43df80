import { describe, expect, it } from "vitest";
import { quarterCode, ZQuarterCode } from "./scorecard";

describe("quarter codes", () => {
  it("reads 2026-Q3 as the quarter's first day, and writes any day's quarter back", () => {
    expect(ZQuarterCode.parse("2026-Q1")).toBe("2026-01-01");
    expect(ZQuarterCode.parse("2026-Q3")).toBe("2026-07-01");
    expect(ZQuarterCode.parse("2026-Q4")).toBe("2026-10-01");
    expect(quarterCode("2026-09-30")).toBe("2026-Q3");
    expect(quarterCode("2027-01-01")).toBe("2027-Q1");
  });

  it("refuses anything else with one message", () => {
    for (const text of ["2026-Q0", "2026-Q5", "2026Q3", "Q3 2026", "2026-q3", "0999-Q1", ""]) {
      const parsed = ZQuarterCode.safeParse(text);
      expect(parsed.success, text).toBe(false);
      expect(parsed.error?.issues).toHaveLength(1);
    }
  });
});
