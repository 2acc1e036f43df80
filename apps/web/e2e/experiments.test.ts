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
});
