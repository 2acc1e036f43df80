import { describe, expect, it } from "vitest";
import { campaignLookup, parseCampaignResultsCsv, parseResultPeriod, readResultEntry } from "./campaign-results";

const spring = { id: "6f1c8b1e-0000-4000-8000-000000000001", name: "Spring launch", currency: "EUR" as const };
const yen = { id: "6f1c8b1e-0000-4000-8000-000000000002", name: "Tokyo fair", currency: "JPY" as const };
const lookup = campaignLookup([spring, yen]);
const raw = { campaign: "spring LAUNCH", period: "2026-04", currency: "eur", spend: "", conversions: "", revenue: "" };

describe("parseResultPeriod", () => {
  it("reads a day or a month", () => {
    expect(parseResultPeriod("2026-04-06")).toBe("2026-04-06");
    expect(parseResultPeriod(" 2026-04 ")).toBe("2026-04-01");
  });
  it("refuses what is not a date", () => {
    expect(parseResultPeriod("2026-02-30")).toBeNull();
    expect(parseResultPeriod("2026-13")).toBeNull();
    expect(parseResultPeriod("April")).toBeNull();
  });
});

describe("readResultEntry", () => {
  it("reads major units from people and converts them to minor units", () => {
    const entry = readResultEntry({ ...raw, spend: "1250.50", conversions: "42", revenue: "6300" }, lookup, "major");
    expect(entry).toMatchObject({ campaign: spring, periodStart: "2026-04-01", spend: 125_050, conversions: 42 });
    expect(entry.revenue).toBe(630_000);
    expect(entry.errors).toEqual([]);
  });
  it("reads minor units from machines", () => {
    const entry = readResultEntry({ ...raw, spend: 125_050, conversions: null, revenue: null }, lookup, "minor");
    expect(entry).toMatchObject({ spend: 125_050, conversions: null, revenue: null, errors: [] });
  });
  it("keeps blank figures blank, not zero", () => {
    const entry = readResultEntry({ ...raw, conversions: "3" }, lookup, "major");
    expect(entry).toMatchObject({ spend: null, conversions: 3, revenue: null, errors: [] });
  });
  it("refuses spend in a currency other than the campaign's", () => {
    const entry = readResultEntry({ ...raw, currency: "USD", spend: "10" }, lookup, "major");
    expect(entry.errors).toEqual(["Spring launch is budgeted in EUR, not USD: convert the amounts first."]);
    expect(entry.spend).toBeNull();
  });
  it("refuses negative amounts and counts, fractional cents and fractional conversions", () => {
    expect(readResultEntry({ ...raw, spend: "-5" }, lookup, "major").errors).toEqual(["Spend cannot be negative."]);
    expect(readResultEntry({ ...raw, spend: -5 }, lookup, "minor").errors).toEqual(["Spend cannot be negative."]);
    expect(readResultEntry({ ...raw, conversions: "-1" }, lookup, "major").errors).toEqual([
      "Conversions cannot be negative.",
    ]);
    expect(readResultEntry({ ...raw, conversions: 1.5 }, lookup, "minor").errors).toEqual([
      "Conversions must be a whole number.",
    ]);
    expect(readResultEntry({ ...raw, spend: 10.5 }, lookup, "minor").errors[0]).toMatch(/whole minor units/);
    expect(readResultEntry({ ...raw, spend: "1.005" }, lookup, "major").errors[0]).toMatch(/more decimals than EUR/);
    expect(
      readResultEntry({ ...raw, campaign: "Tokyo fair", currency: "JPY", spend: "10.5" }, lookup, "major").errors[0],
    ).toMatch(/more decimals than JPY/);
  });
  it("collects every problem of a row at once", () => {
    const entry = readResultEntry(
      { campaign: "Nope", period: "soon", currency: "", spend: "", conversions: "", revenue: "" },
      lookup,
      "major",
    );
    expect(entry.errors).toEqual([
      'No campaign is named "Nope".',
      'Cannot read the period "soon": use 2026-07-06 or 2026-07.',
      "Currency is missing.",
      "Give spend, conversions or revenue.",
    ]);
  });
});

describe("parseCampaignResultsCsv", () => {
  it("reads rows with their line numbers and marks a campaign and period given twice", () => {
    const result = parseCampaignResultsCsv(
      "Campaign,Period,Currency,Spend,Revenue\nSpring launch,2026-04,EUR,100,300\nspring launch,2026-04-01,EUR,5,\n",
      [spring],
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.spend, r.revenue, r.conversions])).toEqual([
      [2, 10_000, 30_000, null],
      [3, 500, null, null],
    ]);
    expect(result.rows[0]?.errors).toEqual([]);
    expect(result.rows[1]?.errors).toEqual(["Spring launch for 2026-04-01 is already given on line 2."]);
  });
  it("refuses a file without the needed columns or without rows", () => {
    expect(parseCampaignResultsCsv("", [spring])).toEqual({ ok: false, error: expect.stringMatching(/empty/) });
    expect(parseCampaignResultsCsv("campaign,period\nx,2026-04", [spring])).toEqual({
      ok: false,
      error: expect.stringMatching(/missing: currency/),
    });
    expect(parseCampaignResultsCsv("campaign,period,currency\nx,2026-04,EUR", [spring])).toEqual({
      ok: false,
      error: expect.stringMatching(/at least one of spend/),
    });
    expect(parseCampaignResultsCsv("campaign,period,currency,spend\n", [spring])).toEqual({
      ok: false,
      error: expect.stringMatching(/no rows/),
    });
  });
});
