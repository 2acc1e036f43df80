import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, launchBrowser, logIn, newPage, screenshot } from "./support/browser";
import { HttpSession } from "./support/http-session";
import { parseCsv, quarterOf, uniqueSuffix } from "./support/scorecard";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PERSPECTIVES = ["Financial", "Customer", "Internal Process", "Learning & Growth"];
const KPI = "Annual recurring revenue";
const cycle = quarterOf(0).label;
const suffix = uniqueSuffix();
const perspectiveNote = `Revenue held up, margins slipped (${suffix}).`;
const kpiNote = `ARR is behind the plan, "expansion" deals slipped to next quarter (${suffix}).`;
const actionTitle = `Weekly pipeline review with sales, ${suffix}`;

/** The review the manager finalizes, read by the viewer afterwards. */
let finalized: { url: string; title: string } | null = null;

describe("the quarterly review", () => {
  it("lets a manager take the review of the current cycle from open to finalized, print it and export it", async () => {
    const page = await newPage(browser);
    await logIn(page, "manager");
    await page.goto("/reviews");
    const open = page.getByRole("form", { name: "Open a review" });
    await expect.poll(() => open.getByLabel("Cycle").locator("option").allTextContents()).toContain(cycle);
    await open.getByLabel("Cycle").selectOption({ label: cycle });
    await open.getByLabel("Scope").selectOption({ label: "Whole organization" });
    await open.getByRole("button", { name: "Open review" }).click();
    await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    const title = `${cycle} review — Northwind Labs`;
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const reviewUrl = page.url();
    expect(await page.getByRole("button", { name: "Finalize review" }).count()).toBe(1);
    expect(await page.getByText("This review is finalized", { exact: false }).count()).toBe(0);
    // Every perspective of the snapshot has its section.
    for (const name of PERSPECTIVES) {
      await page.getByRole("region", { name, exact: true }).waitFor();
    }

    // Commentary on a perspective and on a KPI.
    const financial = page.getByRole("region", { name: "Financial", exact: true });
    await financial.getByRole("textbox", { name: "Commentary on Financial", exact: true }).fill(perspectiveNote);
    await financial.getByRole("button", { name: "Save commentary on Financial" }).click();
    await expect.poll(() => financial.getByText("Last edited by Maya Chen").count()).toBe(1);
    // A KPI's editor opens on request, so the page is not a wall of empty boxes.
    expect(await financial.getByRole("textbox", { name: `Commentary on ${KPI}`, exact: true }).count()).toBe(0);
    await financial.getByRole("button", { name: `Add commentary on ${KPI}`, exact: true }).click();
    await financial.getByRole("textbox", { name: `Commentary on ${KPI}`, exact: true }).fill(kpiNote);
    await financial.getByRole("button", { name: `Save commentary on ${KPI}` }).click();
    await expect.poll(() => financial.getByText("Last edited by Maya Chen").count()).toBe(2);

    // A corrective action on the KPI, owned by a member of the team.
    const add = page.getByRole("form", { name: "Add a corrective action" });
    const about = add.getByLabel("About");
    const subject = await about.locator("option", { hasText: `KPI: ${KPI}` }).getAttribute("value");
    expect(subject).toMatch(/^kpi\|/);
    await about.selectOption(subject ?? "");
    await add.getByLabel("Action", { exact: true }).fill(actionTitle);
    await add.getByLabel("Owner").selectOption({ label: "Sam Rivera" });
    await add.getByLabel("Due date").fill(`${quarterOf(1).months[1]}-15`);
    await add.getByRole("button", { name: "Add action" }).click();
    const actions = page.getByRole("region", { name: "Corrective actions" });
    const actionRow = actions.getByRole("row").filter({ hasText: actionTitle });
    await expect.poll(() => actionRow.textContent()).toContain(`KPI: ${KPI}`);
    expect(await actionRow.textContent()).toContain("Sam Rivera");

    // Saved on the server: a reload shows the same text.
    await page.reload();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Commentary on Financial", exact: true }).inputValue())
      .toBe(perspectiveNote);
    expect(await page.getByRole("textbox", { name: `Commentary on ${KPI}`, exact: true }).inputValue()).toBe(kpiNote);
    await screenshot(page, "review-open");

    // Finalize, confirming first.
    await page.getByRole("button", { name: "Finalize review" }).click();
    await page.getByRole("button", { name: "Yes, finalize" }).click();
    await page.getByText("This review is finalized and read-only.", { exact: false }).waitFor();
    expect(await page.getByText("Finalized", { exact: true }).count()).toBeGreaterThan(0);
    const main = page.getByRole("main");
    expect(await main.getByRole("textbox").count()).toBe(0);
    expect(await main.getByRole("combobox").count()).toBe(0);
    expect(await main.getByRole("button").count()).toBe(0);
    expect(await page.getByRole("form", { name: "Add a corrective action" }).count()).toBe(0);
    // The commentary stays, as text.
    expect(await financial.getByText(perspectiveNote, { exact: true }).count()).toBe(1);
    expect(await financial.getByText(kpiNote, { exact: true }).count()).toBe(1);
    expect(await actionRow.textContent()).toContain("Open");
    await screenshot(page, "review-finalized");
    finalized = { url: reviewUrl, title };

    // The print page: a section per perspective, with the commentary.
    const print = await page.context().newPage();
    await print.goto(`${reviewUrl}/print`);
    await print.getByRole("heading", { level: 1, name: title }).waitFor();
    for (const name of PERSPECTIVES) {
      expect(await print.getByRole("heading", { level: 2, name, exact: true }).count()).toBe(1);
    }
    expect(await print.getByRole("heading", { level: 2, name: "Corrective actions" }).count()).toBe(1);
    expect(await print.getByText(perspectiveNote, { exact: true }).count()).toBe(1);
    expect(await print.getByText(actionTitle, { exact: true }).count()).toBe(1);
    expect(await print.getByText(/finalized .* by Maya Chen/).count()).toBe(1);
    await screenshot(print, "review-print");
    await print.close();

    // The CSV export downloads, with a header and a row per perspective, objective and KPI.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${cycle.toLowerCase().replace(" ", "-")}-review-northwind-labs.csv`);
    const rows = parseCsv(readFileSync(await download.path(), "utf8"));
    expect(rows[0]).toEqual([
      "Type",
      "Perspective",
      "Name",
      "Actual",
      "Goal",
      "Red flag",
      "Unit",
      "Score",
      "Status",
      "Commentary",
    ]);
    const ofType = (type: string) => rows.filter((r) => r[0] === type);
    expect(ofType("Perspective").map((r) => r[2])).toEqual(PERSPECTIVES);
    expect(ofType("Perspective").find((r) => r[2] === "Financial")?.[9]).toBe(perspectiveNote);
    expect(ofType("Strategic objective").length).toBeGreaterThanOrEqual(9);
    const kpiRow = ofType("KPI").find((r) => r[2] === KPI);
    expect(kpiRow?.[1]).toBe("Financial");
    expect(kpiRow?.[9]).toBe(kpiNote);
    expect(kpiRow?.[6]).toBe("k USD");
    expect(ofType("KPI").length).toBeGreaterThanOrEqual(10);
    expect(rows.some((r) => r[2] === actionTitle && r[3] === "Sam Rivera")).toBe(true);
    await page.context().close();
  });

  it("lets a viewer read the finalized review, and neither list nor open one still open", async () => {
    expect(finalized, "the manager's finalized review from the test above").not.toBeNull();
    const review = finalized as { url: string; title: string };

    // A team review of the same cycle, opened and left open by the manager.
    const manager = new HttpSession();
    expect(await manager.signIn("manager@example.com", DEMO_PASSWORD)).toBeNull();
    const cycles = (await manager.query("cycles.list")).data as { id: string; name: string }[];
    const teams = (await manager.query("teams.list")).data as { id: string; name: string }[];
    const opened = await manager.mutate("reviews.open", {
      cycleId: cycles.find((c) => c.name === cycle)?.id,
      teamId: teams.find((t) => t.name === "Marketing")?.id,
    });
    expect(opened.status).toBe(200);
    const openReview = opened.data as { id: string; title: string };
    expect(openReview.title).toBe(`${cycle} review — Marketing`);

    const page = await newPage(browser);
    await logIn(page, "viewer");
    await page.goto("/reviews");
    const list = page.getByRole("region", { name: "Reviews", exact: true });
    await list.getByRole("link", { name: review.title }).waitFor();
    expect(await list.getByRole("link", { name: openReview.title }).count()).toBe(0);
    expect(await page.getByRole("form", { name: "Open a review" }).count()).toBe(0);

    await list.getByRole("link", { name: review.title }).click();
    await page.waitForURL(review.url);
    await page.getByRole("heading", { level: 1, name: review.title }).waitFor();
    await page.getByText("This review is finalized and read-only.", { exact: false }).waitFor();
    expect(await page.getByText(perspectiveNote, { exact: true }).count()).toBe(1);
    expect(await page.getByText(kpiNote, { exact: true }).count()).toBe(1);
    expect(await page.getByText(actionTitle, { exact: true }).count()).toBe(1);
    const main = page.getByRole("main");
    expect(await main.getByRole("button").count()).toBe(0);
    expect(await main.getByRole("textbox").count()).toBe(0);
    expect(await main.getByRole("combobox").count()).toBe(0);
    await screenshot(page, "review-viewer");

    // The open review is not found by its address either, nor its print page or export.
    const response = await page.goto(`/reviews/${openReview.id}`);
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect((await page.goto(`/reviews/${openReview.id}/print`))?.status()).toBe(404);
    const csv = await page.context().request.get(`/reviews/${openReview.id}/export.csv`);
    expect(csv.status()).toBe(404);
    await page.context().close();
  });
});
