import { campaignFigures } from "@meridian/domain";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/testing";
import type { DatabaseHandle } from "../client";
import { campaignResults, campaigns, organizations } from "../schema";
import { seedDemo } from "./demo";

let handle: DatabaseHandle;
const NOW = new Date("2026-05-20T12:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { hashPassword: async (p) => `plain:${p}`, now: NOW });
});
afterAll(async () => {
  await handle?.close();
});

describe("demo campaigns", () => {
  it("fill the quarter across channels, with spend for the days run and one campaign over budget", async () => {
    const [org] = await handle.db.select({ id: organizations.id }).from(organizations);
    const rows = await handle.db
      .select()
      .from(campaigns)
      .where(eq(campaigns.organizationId, org?.id ?? ""))
      .orderBy(asc(campaigns.startsOn));
    expect(new Set(rows.map((r) => r.channel)).size).toBe(8);
    for (const r of rows) {
      expect(r.startsOn >= "2026-04-01" && r.endsOn <= "2026-06-30").toBe(true);
    }
    const results = await handle.db.select().from(campaignResults);
    const over = rows.filter((r) => {
      const spend = results.filter((x) => x.campaignId === r.id).reduce((n, x) => n + (x.spend ?? 0), 0);
      return campaignFigures({ budget: r.budget, spend, conversions: null, revenue: null }).overBudget;
    });
    expect(over.map((r) => r.name)).toEqual(["Paid search: brand terms"]);
    // Nothing is spent after today.
    expect(results.every((x) => x.periodStart <= "2026-05-20")).toBe(true);
  });
});
