import { describe, expect, it } from "vitest";
import { campaignKpiUnit, campaignKpiValue, campaignSourceLabel, isMoneyMeasure } from "./campaign-source";
import { enteredValuesRefusal, hasOwnValues, isComputedKpi } from "./kpi-definition";

describe("campaign-fed KPIs", () => {
  it("shows money summed in minor units in major units, per the currency's digits", () => {
    expect(campaignKpiValue(125050, { measure: "spend", currency: "EUR" })).toBe(1250.5);
    expect(campaignKpiValue(125050, { measure: "revenue", currency: "JPY" })).toBe(125050);
  });

  it("keeps a count as it is, and no results blank (never 0)", () => {
    expect(campaignKpiValue(42, { measure: "conversions", currency: null })).toBe(42);
    expect(campaignKpiValue(null, { measure: "spend", currency: "EUR" })).toBeNull();
    expect(campaignKpiValue(0, { measure: "spend", currency: "EUR" })).toBe(0);
  });

  it("says where the numbers come from", () => {
    expect(campaignSourceLabel({ measure: "spend", channel: null, currency: "EUR" })).toBe(
      "Sum of campaign spend in EUR",
    );
    expect(campaignSourceLabel({ measure: "revenue", channel: "paid_search", currency: "USD" })).toBe(
      "Sum of campaign attributed revenue in USD, paid search campaigns only",
    );
    expect(campaignSourceLabel({ measure: "conversions", channel: "email", currency: null })).toBe(
      "Sum of campaign conversions, email campaigns only",
    );
  });

  it("names the unit: the currency for money, conversions for a count", () => {
    expect(campaignKpiUnit({ measure: "spend", currency: "GBP" })).toBe("GBP");
    expect(campaignKpiUnit({ measure: "conversions", currency: null })).toBe("conversions");
    expect(isMoneyMeasure("revenue")).toBe(true);
    expect(isMoneyMeasure("conversions")).toBe(false);
  });

  it("has values of its own (an input for ROI) but takes no entered values", () => {
    expect(hasOwnValues("campaigns")).toBe(true);
    expect(isComputedKpi("campaigns")).toBe(false);
    expect(isComputedKpi("roi")).toBe(true);
    expect(enteredValuesRefusal({ name: "Marketing spend", kind: "campaigns" })).toMatch(
      /summed from campaign results/,
    );
    expect(enteredValuesRefusal({ name: "ROI", kind: "roi" })).toMatch(/computed from other KPIs/);
    expect(enteredValuesRefusal({ name: "Churn", kind: "manual" })).toBeNull();
  });
});
