import { describe, expect, it } from "vitest";
import { storedQuarterTargets } from "./quarter-targets";

const defaults = { goal: 900, redFlag: 600 };
const overrides = [
  { periodStart: "2026-07-01", goal: 1200, redFlag: 800 },
  { periodStart: "2026-10-01", goal: 1500, redFlag: 1000 },
];

describe("storedQuarterTargets", () => {
  it("gives a quarter with its own targets those targets, not the default", () => {
    expect(storedQuarterTargets("2026-10-01", overrides, defaults)).toEqual({ goal: 1500, redFlag: 1000 });
    expect(storedQuarterTargets("2026-07-01", overrides, defaults)).toEqual({ goal: 1200, redFlag: 800 });
  });

  it("gives a quarter without targets of its own the KPI's default", () => {
    expect(storedQuarterTargets("2027-01-01", overrides, defaults)).toEqual(defaults);
    expect(storedQuarterTargets("2026-10-01", [], defaults)).toEqual(defaults);
  });
});
