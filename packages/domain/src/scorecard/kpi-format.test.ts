import { describe, expect, it } from "vitest";
import { formatKpiValue } from "./kpi-format";

describe("formatKpiValue", () => {
  it("shows computed ratios and ROI with the unit % as percentages", () => {
    expect(formatKpiValue(0.0378, "%", "ratio")).toBe("3.78%");
    expect(formatKpiValue(1.024, "%", "roi")).toBe("102.4%");
  });
  it("shows entered percentages as they are", () => {
    expect(formatKpiValue(2.3, "%")).toBe("2.3%");
    expect(formatKpiValue(99.934, "%")).toBe("99.93%");
  });
  it("separates thousands and keeps fewer decimals for larger numbers", () => {
    expect(formatKpiValue(181_600, "visitors")).toBe("181,600 visitors");
    expect(formatKpiValue(5294.4, "k USD")).toBe("5,294 k USD");
    expect(formatKpiValue(17.533, "hours")).toBe("17.53 hours");
    expect(formatKpiValue(42, "")).toBe("42");
  });
  it("shows missing data as a dash, never zero", () => {
    expect(formatKpiValue(null, "%")).toBe("—");
  });
});
