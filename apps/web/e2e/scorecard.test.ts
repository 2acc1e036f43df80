import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, newPage, screenshot, screenshotWidths } from "./support/browser";
import {
  createKpi,
  expectedScore,
  openScorecardObjective,
  quarterOf,
  scorecardCells,
  scorecardRow,
  uniqueSuffix,
} from "./support/scorecard";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PERSPECTIVE = "Internal Process";

/** Adds a strategic objective under a perspective on Settings → Scorecard. */
async function addStrategicObjective(page: Page, name: string) {
  await page.goto("/settings/scorecard");
  await page.getByRole("button", { name: `Add objective to ${PERSPECTIVE}` }).click();
  const form = page.getByRole("form", { name: `New strategic objective in ${PERSPECTIVE}` });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Description", { exact: true }).fill("Book more product demos from qualified leads.");
  await form.getByRole("button", { name: "Add strategic objective" }).click();
  await page.getByRole("listitem", { name: `Strategic objective ${name}` }).waitFor();
}

describe("setting up a KPI and importing its actuals", () => {
  it("lets an admin define a KPI, import a CSV of actuals (a bad file first) and see the scorecard colours change", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    const suffix = uniqueSuffix();
    const objective = `Book more demos ${suffix}`;
    const kpi = `Qualified demos ${suffix}`;
    const quarter = quarterOf(-1);
    const goal = 300;
    const redFlag = 240;

    await addStrategicObjective(page, objective);
    const kpiUrl = await createKpi(
      page,
      {
        name: kpi,
        description: "Demos held with a qualified lead, per month.",
        unit: "demos",
        direction: "Higher is better",
        frequency: "Monthly",
        aggregation: "Sum",
        goal,
        redFlag,
        owner: "Maya Chen",
        strategicObjective: objective,
      },
      async (form) => {
        // A summed monthly KPI: the form says plainly that the goal is the quarter's total, not a month's.
        await expect
          .poll(() => form.getByTestId("goal-period").textContent())
          .toContain("Goal and red flag are per quarter: the total of the quarter's months, not one month's.");
        await expect.poll(() => form.getByText("Per quarter", { exact: true }).count()).toBe(2);
        await screenshotWidths(page, "kpi-form");
      },
    );
    // The KPI's page states its definition.
    const facts = await page.locator("dl").first().textContent();
    expect(facts).toContain("Maya Chen");
    expect(facts).toContain("Monthly");
    expect(facts).toContain("Sum");

    // Before any actual: the KPI and its objective have no data in last quarter, never a colour.
    await page.goto(`/scorecard?period=${quarter.start}`);
    await page.getByRole("heading", { level: 1, name: `Scorecard ${quarter.label}` }).waitFor();
    await openScorecardObjective(page, objective);
    expect(await scorecardCells(scorecardRow(page, kpi))).toMatchObject({
      actual: "No data",
      goal: "300 demos red flag 240 demos",
      score: "—",
      status: "No data",
    });
    expect(await scorecardCells(scorecardRow(page, objective))).toMatchObject({ score: "—", status: "No data" });

    // A file with a bad value and an unknown KPI: each row's problem is shown and nothing can be imported.
    await page.goto("/kpis/import");
    const csv = page.getByLabel("CSV", { exact: true });
    await csv.fill(
      [
        "kpi,period,value",
        `${kpi},${quarter.months[0]},95`,
        `${kpi},${quarter.months[1]},ninety`,
        `${kpi},${quarter.months[2]},105`,
        `No such KPI ${suffix},${quarter.months[2]},1`,
      ].join("\n"),
    );
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const preview = page.getByRole("table", { name: "Rows of the CSV file" });
    await preview.waitFor();
    const line = (n: number) =>
      preview.getByRole("row").filter({ has: page.getByRole("cell", { name: String(n), exact: true }) });
    expect(await line(3).textContent()).toContain('"ninety" is not a number');
    expect(await line(3).textContent()).toContain("Error");
    expect(await line(5).textContent()).toContain(`No KPI is named "No such KPI ${suffix}".`);
    expect(await line(2).textContent()).toContain("New");
    expect(await page.getByRole("list", { name: "Preview summary" }).textContent()).toContain("Error: 2");
    expect(await page.getByText("2 of 4 rows have errors.", { exact: false }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Import 4 rows" }).isDisabled()).toBe(true);
    await screenshot(page, "kpi-import-preview");

    // The corrected file: a preview of three new values, then the import.
    await csv.fill(
      [
        "kpi,period,value",
        `${kpi},${quarter.months[0]},95`,
        `${kpi},${quarter.months[1]},90`,
        `${kpi},${quarter.months[2]},105`,
      ].join("\n"),
    );
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect
      .poll(() => page.getByRole("list", { name: "Preview summary" }).textContent())
      .toBe("New: 3Update: 0Unchanged: 0Error: 0");
    expect(await line(3).textContent()).toContain(quarter.monthLabels[1]);
    await screenshot(page, "kpi-import-preview-ready");
    const importButton = page.getByRole("button", { name: "Import 3 rows" });
    expect(await importButton.isEnabled()).toBe(true);
    await importButton.click();
    await page.getByRole("status").filter({ hasText: "Imported 3 rows: 3 new, 0 updated, 0 unchanged." }).waitFor();
    // The same file again changes nothing.
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    await expect
      .poll(() => page.getByRole("list", { name: "Preview summary" }).textContent())
      .toBe("New: 0Update: 0Unchanged: 3Error: 0");

    // Summed over the quarter: 95 + 90 + 105 = 290 against goal 300, red flag 240.
    const expected = expectedScore(290, goal, redFlag);
    expect(expected.shown).toBe("6.1");
    expect(expected.status).toBe("Amber");
    await page.goto(`/scorecard?period=${quarter.start}`);
    await page.getByRole("heading", { level: 1, name: `Scorecard ${quarter.label}` }).waitFor();
    await openScorecardObjective(page, objective);
    expect(await scorecardCells(scorecardRow(page, kpi))).toEqual({
      actual: "290 demos",
      goal: "300 demos red flag 240 demos",
      score: expected.shown,
      status: expected.status,
    });
    // The objective's only KPI sets its score.
    expect(await scorecardCells(scorecardRow(page, objective))).toMatchObject({
      score: expected.shown,
      status: expected.status,
    });
    await screenshot(page, "scorecard");

    // The strategy map colours the objective's node the same way.
    await page.goto(`/strategy-map?period=${quarter.start}`);
    const node = page.getByRole("figure", { name: "Strategy map" }).getByText(objective, { exact: true }).locator("..");
    await expect.poll(() => node.textContent()).toContain(expected.status);
    expect(await node.textContent()).toContain(`1 KPI${expected.shown}`);

    // The KPI page shows the same quarter by the same numbers.
    await page.goto(kpiUrl);
    const byQuarter = page.getByRole("table", { name: `${kpi} by quarter: actual, goal, red flag, score and status` });
    const row = byQuarter.getByRole("row").filter({ has: page.getByRole("rowheader", { name: quarter.label }) });
    expect(((await row.textContent()) ?? "").replace(/\s+/g, "")).toBe(
      `${quarter.label}290demos300demos240demos${expected.shown}${expected.status}`.replace(/\s+/g, ""),
    );
    await page.getByRole("figure", { name: new RegExp(`^History of ${kpi}`) }).waitFor();
    await screenshot(page, "kpi-page");
    await page.context().close();
  });

  it("shows a viewer the strategy map, coloured by score, with nothing to edit", async () => {
    const page = await newPage(browser);
    await logIn(page, "viewer");
    await page.goto("/strategy-map");
    const map = page.getByRole("figure", { name: "Strategy map" });
    await map.waitFor();
    // The demo's objectives are drawn as nodes in their perspective bands, with a status each.
    for (const name of ["Grow recurring revenue", "Win in the mid-market", "Resolve support issues fast"]) {
      const node = map.getByText(name, { exact: true }).locator("..");
      await expect.poll(() => node.textContent()).toMatch(/(Green|Amber|Red|No data)/);
    }
    expect(await page.getByRole("form", { name: "Add link" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Remove link/ }).count()).toBe(0);
    await page.waitForLoadState("networkidle");
    await screenshot(page, "strategy-map");
    await page.context().close();
  });
});
