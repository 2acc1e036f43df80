import { describe, expect, it } from "vitest";
import {
  ZCampaignCreateSchema,
  ZCampaignFormSchema,
  ZCampaignMoveSchema,
  ZCampaignResultsSaveSchema,
} from "./campaign";

const base = {
  name: "Spring launch",
  channel: "email",
  ownerId: "6F1C8B1E-0000-4000-8000-000000000001",
  startsOn: "2026-04-01",
  endsOn: "2026-04-30",
  currency: "EUR",
};

describe("ZCampaignCreateSchema", () => {
  it("fills defaults and lower-cases UTM values", () => {
    const v = ZCampaignCreateSchema.parse({ ...base, utmSource: " News Letter ", utmCampaign: "Spring" });
    expect(v).toMatchObject({ status: "planned", budget: null, teamId: null, utmSource: "news-letter" });
    expect(v.utmCampaign).toBe("spring");
    expect(v.ownerId).toBe("6f1c8b1e-0000-4000-8000-000000000001");
  });
  it("refuses an end before the start, on the end date", () => {
    const r = ZCampaignCreateSchema.safeParse({ ...base, endsOn: "2026-03-31" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["endsOn", "The end date cannot be before the start date."],
    ]);
  });
  it("accepts a one-day campaign", () => {
    expect(ZCampaignCreateSchema.safeParse({ ...base, endsOn: "2026-04-01" }).success).toBe(true);
  });
  it("refuses a negative or fractional budget, an unknown currency and channel, and a non-http landing URL", () => {
    const messages = (input: object) =>
      ZCampaignCreateSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ budget: -1 })).toEqual(["Budget cannot be negative."]);
    expect(messages({ budget: 1.5 })).toEqual(["Budget must be whole minor units (cents)."]);
    expect(messages({ currency: "XXX" })[0]).toMatch(/Choose a currency/);
    expect(messages({ channel: "tv" })).toEqual(["Choose a channel."]);
    expect(messages({ landingUrl: "javascript:alert(1)" })[0]).toMatch(/full http/);
    expect(messages({ utmSource: "a/b" })[0]).toMatch(/Use letters/);
  });
});

describe("ZCampaignMoveSchema", () => {
  it("refuses a move that ends before it starts", () => {
    const r = ZCampaignMoveSchema.safeParse({
      campaignId: base.ownerId,
      version: 1,
      startsOn: "2026-05-10",
      endsOn: "2026-05-01",
    });
    expect(r.success).toBe(false);
  });
});

describe("ZCampaignResultsSaveSchema", () => {
  it("keeps blanks as null and refuses negative figures", () => {
    const ok = ZCampaignResultsSaveSchema.parse({
      campaignId: base.ownerId,
      currency: "EUR",
      values: [{ periodStart: "2026-04-01", spend: 100, conversions: null, revenue: null }],
    });
    expect(ok.values[0]).toEqual({ periodStart: "2026-04-01", spend: 100, conversions: null, revenue: null });
    const bad = ZCampaignResultsSaveSchema.safeParse({
      campaignId: base.ownerId,
      currency: "EUR",
      values: [{ periodStart: "2026-04-01", spend: -1, conversions: -2, revenue: null }],
    });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "Spend cannot be negative.",
      "Conversions cannot be negative.",
    ]);
  });
});

describe("ZCampaignFormSchema", () => {
  it("turns the typed budget into minor units, blank into no budget", () => {
    expect(ZCampaignFormSchema.parse({ ...base, budget: "2500.50" }).budget).toBe(250_050);
    expect(ZCampaignFormSchema.parse({ ...base, budget: "" }).budget).toBeNull();
    expect(ZCampaignFormSchema.parse({ ...base, currency: "JPY", budget: "300000" }).budget).toBe(300_000);
  });
  it("refuses a negative budget, too many decimals and the end before the start", () => {
    const messages = (input: object) =>
      ZCampaignFormSchema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.message) ?? [];
    expect(messages({ budget: "-5" })).toEqual(["Budget cannot be negative."]);
    expect(messages({ budget: "10.005" })).toEqual(["Write the budget as a number in EUR, like 2500.50."]);
    expect(messages({ budget: "", endsOn: "2026-03-01" })).toEqual(["The end date cannot be before the start date."]);
  });
});
