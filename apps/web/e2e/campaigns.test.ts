import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, newPage, screenshotWidths } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));
/** The Monday of the week holding the 8th of this month: it and the week after are both on the month's grid. */
function campaignWeek() {
  const now = new Date();
  const eighth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 8));
  return addDays(iso(eighth), -((eighth.getUTCDay() + 6) % 7));
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Drags a campaign's bar on the month grid one week down, from its first day. */
async function dragOneWeek(page: Page, name: string) {
  const bar = page.locator(".rbc-event", { hasText: name }).first();
  await bar.waitFor();
  const box = await bar.boundingBox();
  const row = await page.locator(".rbc-month-row").first().boundingBox();
  if (!box || !row) throw new Error("the calendar is not laid out");
  const x = box.x + 6;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 2, y + 4, { steps: 3 });
  await page.mouse.move(x + 2, y + row.height, { steps: 8 });
  await page.mouse.up();
}

describe("the campaign calendar", () => {
  it("lets a manager create a campaign, enter spend, drag it a week (a stale drag conflicts) and see the dashboard", async () => {
    const page = await newPage(browser);
    await logIn(page, "manager");
    const name = `Webinar push ${Date.now().toString(36)}`;
    const start = campaignWeek();
    const end = addDays(start, 2);

    await page.goto("/campaigns/new");
    await page.getByRole("heading", { level: 1, name: "New campaign" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Channel").selectOption("paid_social");
    await page.getByLabel("Starts on").fill(start);
    await page.getByLabel("Ends on").fill(end);
    await page.getByLabel("Budget").fill("1000");
    await page.getByLabel("UTM source").fill("LinkedIn");
    await page.getByLabel("UTM medium").fill("Paid Social");
    await page.getByLabel("UTM campaign").fill("Webinar Push");
    await page.getByLabel("Landing URL").fill("https://example.com/webinar");
    // End before start is refused in the form, naming the field.
    await page.getByLabel("Ends on").fill(addDays(start, -1));
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.getByText("The end date cannot be before the start date.").waitFor();
    await page.getByLabel("Ends on").fill(end);
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const campaignUrl = page.url();
    expect(await page.getByRole("textbox", { name: "Tagged link" }).inputValue()).toBe(
      "https://example.com/webinar?utm_source=linkedin&utm_medium=paid-social&utm_campaign=webinar-push",
    );

    // Spend and results for its week: over budget, and the figures follow.
    await page.getByRole("button", { name: "Add period" }).click();
    await page.getByLabel("Spend, row 1").fill("1250");
    await page.getByLabel("Conversions, row 1").fill("25");
    await page.getByLabel("Revenue, row 1").fill("5000");
    await page.getByRole("button", { name: "Save results" }).click();
    await page.getByText("Saved: 1 new").waitFor();
    await page.getByText("Over budget.").waitFor();
    const figures = await page.getByRole("region", { name: "Figures" }).textContent();
    expect(figures).toContain("300.0 %"); // ROI (5000 − 1250) / 1250
    expect(figures).toContain("4.00×"); // ROAS
    expect(figures).toContain("€50.00"); // per conversion
    await screenshotWidths(page, "campaign-page");
    expect(await seriousViolations(page)).toEqual([]);

    // Drag it one week on the month grid, filtered (in the URL) to its channel.
    await page.goto(`/campaigns?date=${start}&channel=paid_social`);
    expect(await page.getByLabel("Channel").inputValue()).toBe("paid_social");
    await dragOneWeek(page, name);
    await page.getByText(`${name} now runs ${addDays(start, 7)} to ${addDays(end, 7)}.`).waitFor();
    await screenshotWidths(page, "campaign-calendar");
    expect(await seriousViolations(page)).toEqual([]);

    // Someone else moves it meanwhile; this calendar still shows the old version, so its drag is refused.
    const other = await newPage(browser);
    await logIn(other, "admin");
    await other.goto(campaignUrl);
    await other.getByRole("button", { name: "Edit campaign" }).click();
    await other.getByLabel("Starts on").fill(addDays(start, 14));
    await other.getByLabel("Ends on").fill(addDays(end, 14));
    await other.getByRole("button", { name: "Save campaign" }).click();
    await other.getByRole("button", { name: "Edit campaign" }).waitFor();
    await dragOneWeek(page, name);
    await page.getByText("Someone else changed this campaign after you opened it.").waitFor();
    await other.close();

    // The quarter timeline shows it in its channel's lane.
    await page.goto(`/campaigns?view=quarter&date=${start}`);
    await page.getByRole("region", { name: "Paid social lane" }).getByRole("link", { name }).waitFor();
    await screenshotWidths(page, "campaign-quarter");
    expect(await seriousViolations(page)).toEqual([]);

    // The marketing dashboard counts its spend and revenue under paid social.
    await page.goto("/marketing");
    const channels = page.getByRole("region", { name: "ROI and ROAS by channel" });
    await channels.getByRole("link", { name: "Paid social" }).waitFor();
    const row = await channels.getByRole("row").filter({ hasText: "Paid social" }).textContent();
    expect(row).toMatch(/€[\d,]+\.\d\d/);
    // The experiments running now sit beside the campaigns: the demo's pricing test, linking to its page.
    const experiments = page.getByRole("region", { name: "Experiments running" });
    await experiments.getByRole("link", { name: "Pricing page layout" }).waitFor();
    await screenshotWidths(page, "marketing-dashboard");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("lets a viewer read a campaign and the calendar without edit controls", async () => {
    const page = await newPage(browser);
    await logIn(page, "viewer");
    await page.goto("/campaigns?view=quarter");
    await page.getByRole("heading", { level: 1, name: "Campaign calendar" }).waitFor();
    expect(await page.getByRole("link", { name: "New campaign" }).count()).toBe(0);
    const first = page.getByRole("region", { name: /lane$/ }).getByRole("link").first();
    await first.click();
    await page.getByRole("region", { name: "Figures" }).waitFor();
    expect(await page.getByRole("button", { name: "Edit campaign" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Save results" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Add period" }).count()).toBe(0);
    await screenshotWidths(page, "campaign-page-viewer");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("links a campaign to the objective, key result and strategic objective it serves, shown as links on its page", async () => {
    const page = await newPage(browser);
    await logIn(page, "manager");
    const name = `Buyer's guide launch ${Date.now().toString(36)}`;
    const start = campaignWeek();
    await page.goto("/campaigns/new");
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Starts on").fill(start);
    await page.getByLabel("Ends on").fill(addDays(start, 6));
    await page
      .getByLabel("Objective", { exact: true })
      .selectOption({ label: "Build a predictable marketing pipeline" });
    await page.getByLabel("Key result").selectOption({ label: "Publish the buyer's guide" });
    await page.getByLabel("Strategic objective").selectOption({ label: "Run a predictable demand engine" });
    await screenshotWidths(page, "campaign-new-links");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Create campaign" }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const links = page.getByRole("region", { name: "Links" });
    await links.getByRole("link", { name: "Run a predictable demand engine" }).waitFor();
    await links.getByRole("link", { name: "Publish the buyer's guide" }).waitFor();
    await links.getByText("No experiment names this campaign yet").waitFor();
    await screenshotWidths(page, "campaign-page-links");
    expect(await seriousViolations(page)).toEqual([]);

    // The edit form opens on the saved links; clearing one removes its link.
    await page.getByRole("button", { name: "Edit campaign" }).click();
    expect(await page.getByLabel("Key result").inputValue()).not.toBe("");
    await page.getByLabel("Key result").selectOption({ label: "None" });
    await page.getByRole("button", { name: "Save campaign" }).click();
    await page.getByRole("button", { name: "Edit campaign" }).waitFor();
    await expect.poll(() => links.getByRole("link", { name: "Publish the buyer's guide" }).count()).toBe(0);
    await links.getByRole("link", { name: "Build a predictable marketing pipeline" }).click();
    await page.getByRole("heading", { level: 1, name: "Build a predictable marketing pipeline" }).waitFor();
    await page.close();
  });

  it("documents the campaign-results and experiments pushes beside actuals on the API tokens page", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.goto("/settings/api-tokens");
    for (const heading of [
      "How to push KPI actuals",
      "How to push campaign results",
      "How to push experiment results",
    ]) {
      await page.getByRole("heading", { name: heading }).waitFor();
    }
    for (const path of ["/api/ingest/actuals", "/api/ingest/campaign-results", "/api/ingest/experiments"]) {
      await page.getByText(`curl -X POST ${new URL(page.url()).origin}${path}`).waitFor();
    }
    await screenshotWidths(page, "settings-api-tokens");
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
