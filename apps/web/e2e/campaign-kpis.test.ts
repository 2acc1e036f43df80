import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, newPage, screenshotWidths } from "./support/browser";

// KPIs fed by the campaign calendar (ADR 0020): their actuals are the campaigns' results, read as they stand.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The KPI page's figure for the quarter, as its header shows it. */
const quarterValue = (page: Page) => page.getByTestId("kpi-quarter-value").textContent();

describe("KPIs fed by campaigns", () => {
  it("a manager defines one in the form, enters spend on a new campaign, and the KPI page shows the new actual", async () => {
    const page = await newPage(browser);
    await logIn(page, "manager");
    const suffix = Date.now().toString(36);
    const kpiName = `Event spend ${suffix}`;

    // The form offers the new source with its pickers; the aggregation is the campaigns' sum.
    await page.goto("/kpis/new");
    await page.getByRole("heading", { level: 1, name: "New KPI" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill(kpiName);
    await page.getByLabel("Kind").selectOption("campaigns");
    await page.getByLabel("Measure").selectOption("spend");
    // Events: the demo's summit booth is one; the campaign made below is another.
    await page.getByLabel("Channel").selectOption("events");
    await page.getByLabel("Currency").selectOption("EUR");
    expect(await page.getByLabel("Unit").inputValue()).toBe("EUR");
    expect(await page.getByLabel("Aggregation").inputValue()).toBe("sum");
    await page.getByLabel("Direction").selectOption("lower_is_better");
    await page.getByLabel("Goal").fill("20000");
    await page.getByLabel("Red flag").fill("30000");
    // Conversions are counted in every currency: the currency picker goes away.
    await page.getByLabel("Measure").selectOption("conversions");
    expect(await page.getByLabel("Currency").count()).toBe(0);
    await page.getByLabel("Measure").selectOption("spend");
    await page.getByLabel("Currency").waitFor();
    await screenshotWidths(page, "kpi-form-campaigns");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Create KPI" }).click();
    await page.getByRole("heading", { level: 1, name: kpiName }).waitFor();
    const kpiUrl = page.url();

    // The page says where its numbers come from, links to those campaigns, and takes no entered values.
    const source = page.getByTestId("campaign-source");
    expect(await source.textContent()).toContain("Sum of campaign spend in EUR, events campaigns only");
    const calendarLink = source.getByRole("link", { name: "See these campaigns on the calendar" });
    expect(await calendarLink.getAttribute("href")).toMatch(
      /^\/campaigns\?view=quarter&date=\d{4}-\d{2}-01&channel=events$/,
    );
    expect(await page.getByRole("button", { name: "Save actuals" }).count()).toBe(0);
    const before = await quarterValue(page);

    // A new events campaign with spend today.
    const today = iso(new Date());
    const campaignName = `Meetup ${suffix}`;
    await page.goto("/campaigns/new");
    await page.getByRole("heading", { level: 1, name: "New campaign" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill(campaignName);
    await page.getByLabel("Channel").selectOption("events");
    await page.getByLabel("Starts on").fill(today);
    await page.getByLabel("Ends on").fill(today);
    await page.getByLabel("Budget").fill("500");
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.getByRole("heading", { level: 1, name: campaignName }).waitFor();
    await page.getByRole("button", { name: "Add period" }).click();
    expect(await page.getByLabel("Period, row 1").inputValue()).toBe(today);
    // Whole euros: the header rounds a figure above 1,000 to whole units, so the difference is exact.
    await page.getByLabel("Spend, row 1").fill("432");
    await page.getByRole("button", { name: "Save results" }).click();
    await page.getByText("Saved: 1 new").waitFor();

    // The KPI follows: its quarter grew by exactly the spend entered.
    await page.goto(kpiUrl);
    await page.getByRole("heading", { level: 1, name: kpiName }).waitFor();
    const parse = (text: string | null) => (text && text !== "—" ? Number(text.replace(/[^\d.]/g, "")) : 0);
    const after = await quarterValue(page);
    expect(parse(after) - parse(before)).toBe(432);
    await screenshotWidths(page, "kpi-page-campaigns");
    expect(await seriousViolations(page)).toEqual([]);

    // The link opens the calendar's quarter filtered to the KPI's channel, with the new campaign on it.
    await page
      .getByTestId("campaign-source")
      .getByRole("link", { name: "See these campaigns on the calendar" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Campaign calendar" }).waitFor();
    expect(await page.getByLabel("Channel").inputValue()).toBe("events");
    await page.getByRole("region", { name: "Events lane" }).getByRole("link", { name: campaignName }).waitFor();
    await page.close();
    // Two forms, two saves and two axe runs: more than the default minute on a busy machine.
  }, 120_000);

  it("shows the demo's Marketing spend from the seeded campaigns, and Marketing ROI computed from it", async () => {
    const page = await newPage(browser);
    await logIn(page, "viewer");
    await page.goto("/kpis");
    await page.getByRole("link", { name: "Marketing spend", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Marketing spend" }).waitFor();
    expect(await page.getByTestId("campaign-source").textContent()).toContain("Sum of campaign spend in EUR");
    expect(await quarterValue(page)).toMatch(/EUR$/);
    await page.goto("/kpis");
    await page.getByRole("link", { name: "Marketing ROI", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Marketing ROI" }).waitFor();
    expect(await quarterValue(page)).toMatch(/%$/);
    await page.getByRole("link", { name: "Marketing spend" }).first().waitFor();
    await page.close();
  });
});
