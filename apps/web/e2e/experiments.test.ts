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

async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious).toEqual([]);
}

describe("A/B experiments in the browser", () => {
  let experimentUrl = "";
  const name = `Signup button colour ${Date.now().toString(36)}`;

  it("lets a member create an experiment, enter its daily numbers and read the verdict", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await page.goto("/experiments");
    await page.getByRole("heading", { level: 1, name: "Experiments" }).waitFor();
    // The demo's three experiments are listed with their verdicts.
    for (const demo of ["Checkout button copy", "Pricing page layout", "Onboarding email subject"]) {
      await page.getByRole("link", { name: demo }).first().waitFor();
    }
    await page.getByRole("link", { name: "New experiment" }).click();
    const form = page.getByRole("form", { name: "New experiment" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Hypothesis").fill("A green button stands out more than a grey one.");
    await form.getByLabel("Team").selectOption({ label: "Marketing" });
    await form.getByLabel("Minimum effect (%)").fill("50");
    await form.getByLabel("Baseline rate (%)").fill("10");
    await form.getByRole("button", { name: "Create experiment" }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    experimentUrl = page.url();

    await page.getByRole("button", { name: "Start experiment" }).click();
    await page.getByRole("button", { name: "Stop" }).waitFor();
    await expect.poll(() => page.getByTestId("verdict").textContent()).toMatch(/^Not enough data/);

    // A day's numbers, typed into the grid (keyboard only).
    await page.getByLabel("Day", { exact: true }).fill("2026-07-01");
    await page.getByRole("button", { name: "Add day" }).click();
    await page.getByLabel("Control exposures on 2026-07-01").fill("800");
    await page.keyboard.press("Tab");
    await page.keyboard.type("80");
    await page.getByLabel("Treatment B exposures on 2026-07-01").fill("800");
    await page.getByLabel("Treatment B conversions on 2026-07-01").fill("130");
    await page.getByRole("button", { name: "Save numbers" }).click();
    await page.getByText("Saved: 2 new, 0 changed, 0 unchanged.").waitFor();

    await expect
      .poll(() => page.getByTestId("verdict").textContent())
      .toMatch(/^Treatment B converts 63 % better than Control \(p < 0.001, 95 % CI \+\d+ % to \+\d+ %\)\.$/);
    await page.getByRole("table", { name: /Conversion per variant/ }).waitFor();
    await expectAxeClean(page);
  });

  it("lets a viewer read the verdict without any edit control", async () => {
    const page = await newPage(browser);
    await logIn(page, "viewer");
    await page.goto(experimentUrl);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await expect.poll(() => page.getByTestId("verdict").textContent()).toMatch(/^Treatment B converts 63 % better/);
    for (const control of ["Save numbers", "Start experiment", "Stop", "Conclude…", "Preview", "Import"]) {
      expect(await page.getByRole("button", { name: control, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole("textbox").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Edit experiment" }).count()).toBe(0);
    // The edit page is not there for a viewer at all.
    expect((await page.request.get(`${experimentUrl}/edit`, { maxRedirects: 0 })).status()).toBe(404);
    await page.goto("/experiments");
    expect(await page.getByRole("link", { name: "New experiment" }).count()).toBe(0);
  });

  it("shows the demo's pages cleanly on a laptop and a phone: the list, a concluded winner and a sample-ratio mismatch", async () => {
    const page = await newPage(browser);
    await logIn(page, "manager");
    await page.goto("/experiments");
    await page.getByRole("link", { name: "Checkout button copy" }).first().waitFor();
    await screenshotWidths(page, "experiments-list");
    await expectAxeClean(page);

    await page.getByRole("link", { name: "Onboarding email subject" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Onboarding email subject" }).waitFor();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toMatch(/Sample-ratio mismatch/);
    await screenshotWidths(page, "experiment-srm");

    await page.goto("/experiments");
    await page.getByRole("link", { name: "Checkout button copy" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Checkout button copy" }).waitFor();
    await expect.poll(() => page.getByTestId("verdict").textContent()).toMatch(/^Treatment B converts/);
    await page.waitForLoadState("networkidle");
    await screenshotWidths(page, "experiment-winner");
    await expectAxeClean(page);
  });

  it("edits an experiment (the plan fixed once started, a stale save keeps what was typed), links it, and records its conclusion on the key result", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    const title = `Webinar reminder timing ${Date.now().toString(36)}`;
    await page.goto("/experiments/new");
    const form = page.getByRole("form", { name: "New experiment" });
    await form.getByLabel("Name", { exact: true }).fill(title);
    await form.getByLabel("Team").selectOption({ label: "Marketing" });
    await form.getByLabel("Key result").selectOption({ label: "Attendance rate" });
    const campaign = form.getByLabel("Campaign");
    const spring = await campaign.locator("option", { hasText: "Spring newsletter series" }).getAttribute("value");
    await campaign.selectOption(spring ?? "");
    await form.getByRole("button", { name: "Create experiment" }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const url = page.url();
    await page.getByRole("link", { name: "Attendance rate" }).waitFor();
    await page.getByRole("link", { name: "Spring newsletter series" }).waitFor();

    // A draft's whole plan is open: a third arm and another split.
    await page.getByRole("link", { name: "Edit experiment" }).click();
    const edit = page.getByRole("form", { name: "Edit experiment" });
    await edit.getByLabel("Hypothesis").fill("A reminder an hour before lifts attendance.");
    await edit.getByRole("button", { name: "Add a treatment" }).click();
    await edit.getByLabel("Treatment 2 name").fill("Two reminders");
    await edit.getByLabel("Secondary metrics").fill("Registrations, Replays watched");
    await screenshotWidths(page, "experiment-edit-draft");
    await expectAxeClean(page);
    await edit.getByRole("button", { name: "Save experiment" }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("A reminder an hour before lifts attendance.").waitFor();
    await page.getByRole("region", { name: "Secondary metric Replays watched" }).waitFor();

    // Started: the plan is read-only and the page says why.
    await page.getByRole("button", { name: "Start experiment" }).click();
    await page.getByRole("button", { name: "Stop" }).waitFor();
    await page.getByRole("link", { name: "Edit experiment" }).click();
    await page.getByText(/This experiment has started: its start date, minimum effect/).waitFor();
    expect(await edit.getByLabel("Power (%)").getAttribute("readonly")).not.toBeNull();
    expect(await edit.getByLabel("Treatment 1 name").getAttribute("readonly")).not.toBeNull();
    expect(await edit.getByRole("button", { name: "Add a treatment" }).count()).toBe(0);
    await screenshotWidths(page, "experiment-edit-running");
    await expectAxeClean(page);

    // A manager saves meanwhile; this save is stale, keeps what was typed, and saving again wins.
    const other = await newPage(browser);
    await logIn(other, "manager");
    await other.goto(`${url}/edit`);
    const theirs = other.getByRole("form", { name: "Edit experiment" });
    await theirs.getByLabel("Hypothesis").fill("The manager's hypothesis.");
    await theirs.getByRole("button", { name: "Save experiment" }).click();
    await other.getByRole("heading", { level: 1, name: title }).waitFor();
    await other.close();
    // Back on this tab, the page refetches what it shows (on focus); the form keeps the version it opened on.
    await page.bringToFront();
    await page.waitForLoadState("networkidle");
    await edit.getByLabel("Name", { exact: true }).fill(`${title} (renamed)`);
    await edit.getByRole("button", { name: "Save experiment" }).click();
    await page.getByText("Your changes are still in the form.").waitFor();
    await page.getByText("The manager's hypothesis.").waitFor();
    expect(await edit.getByLabel("Name", { exact: true }).inputValue()).toBe(`${title} (renamed)`);
    await edit.getByRole("button", { name: "Save experiment" }).click();
    await page.getByRole("heading", { level: 1, name: `${title} (renamed)` }).waitFor();

    // Concluded: the result goes onto the linked key result as a check-in.
    await page.getByRole("button", { name: "Conclude…" }).click();
    await page.getByLabel("Decision").selectOption({ label: "Keep control" });
    await page.getByLabel("Reason").fill("No lift in attendance after two weeks.");
    await page.getByRole("button", { name: "Record the decision" }).click();
    const record = page.getByRole("form", { name: "Record the result on the key result" });
    await record.getByLabel("New value of the key result").fill("91");
    await screenshotWidths(page, "experiment-concluded-check-in");
    await expectAxeClean(page);
    await record.getByRole("button", { name: "Record check-in" }).click();
    await page.getByText("Recorded on “Attendance rate”.").waitFor();
    expect(await page.getByRole("link", { name: "Edit experiment" }).count()).toBe(0);
    await page.getByRole("link", { name: "Attendance rate" }).click();
    const history = page.getByRole("region", { name: "Check-in history" });
    await history.getByLabel("Key result").selectOption({ label: "Attendance rate" });
    await history
      .getByRole("table", { name: "Check-ins of Attendance rate" })
      .getByText(/concluded: Keep control\. No lift in attendance after two weeks\./)
      .waitFor();

    // The campaign lists the experiments run within it.
    await page.goto(url);
    await page.getByRole("link", { name: "Spring newsletter series" }).click();
    const links = page.getByRole("region", { name: "Links" });
    await links.getByRole("link", { name: `${title} (renamed)` }).waitFor();
    await page.close();
  });
});
