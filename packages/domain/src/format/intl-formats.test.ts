import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl-formats";

describe("cached Intl formatters", () => {
  it("hands back the same formatter for the same locale and options, and a different one otherwise", () => {
    const two = numberFormat("en-US", { maximumFractionDigits: 2 });
    expect(numberFormat("en-US", { maximumFractionDigits: 2 })).toBe(two);
    expect(numberFormat("en-US", { maximumFractionDigits: 0 })).not.toBe(two);
    expect(numberFormat("de-DE", { maximumFractionDigits: 2 })).not.toBe(two);
    expect(two.format(1234.567)).toBe("1,234.57");
    expect(numberFormat("en-US", { maximumFractionDigits: 0 }).format(1234.567)).toBe("1,235");
  });

  it("formats dates as a freshly built formatter would", () => {
    const options = { month: "short", year: "numeric", timeZone: "UTC" } as const;
    const day = new Date("2026-11-01T00:00:00Z");
    expect(dateTimeFormat("en", options).format(day)).toBe(new Intl.DateTimeFormat("en", options).format(day));
    expect(dateTimeFormat("en", options)).toBe(dateTimeFormat("en", { ...options }));
  });
});
