import { describe, expect, it } from "vitest";
import { formatMoney, minorUnitDigits, toMajorUnits, toMinorUnits } from "./campaign-definition";

describe("minor units", () => {
  it("knows two decimals for the euro and none for the yen", () => {
    expect(minorUnitDigits("EUR")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
  });
  it("converts both ways", () => {
    expect(toMinorUnits(19.99, "EUR")).toBe(1999);
    expect(toMajorUnits(1999, "EUR")).toBe(19.99);
    expect(toMinorUnits(1250, "JPY")).toBe(1250);
    expect(toMinorUnits(0.1 + 0.2, "USD")).toBe(30);
  });
  it("refuses more decimals than the currency has", () => {
    expect(toMinorUnits(19.999, "EUR")).toBeNull();
    expect(toMinorUnits(12.5, "JPY")).toBeNull();
    expect(toMinorUnits(Number.NaN, "EUR")).toBeNull();
  });
  it("formats money and keeps blank blank", () => {
    expect(formatMoney(125_050, "EUR")).toBe("€1,250.50");
    expect(formatMoney(null, "EUR")).toBe("—");
    expect(formatMoney(-6_000_000, "USD", { compact: true })).toBe("-$60K");
  });
});
