import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type DemoRole, launchBrowser, logIn, newPage, openBranch, openDashboard, screenshot } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("signing in", () => {
  it("sends an unauthenticated visitor to the login page, which lists the demo accounts", async () => {
    const page = await newPage(browser);
    await page.goto("/dashboard");
    await page.waitForURL("**/login**");
    await expect.poll(() => page.getByRole("heading", { name: "Sign in" }).isVisible()).toBe(true);
    for (const role of ["Admin", "Manager", "Member", "Viewer"]) {
      expect(await page.getByRole("button", { name: new RegExp(`Use the ${role} demo account`) }).count()).toBe(1);
    }
    await screenshot(page, "login");
    await page.context().close();
  });

  it("refuses a wrong password with one message that does not say whether the account exists", async () => {
    const page = await newPage(browser);
    await page.goto("/login");
    for (const email of ["admin@example.com", "nobody@example.com"]) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      const alert = page.locator("form").getByRole("alert");
      await expect.poll(() => alert.textContent()).toBe("Email or password is incorrect.");
      expect(page.url()).toContain("/login");
    }
    await page.context().close();
  });

  for (const role of ["admin", "manager", "member", "viewer"] as const satisfies DemoRole[]) {
    it(`lets the ${role} sign in, see the dashboard of the current cycle, and log out`, async () => {
      const page = await newPage(browser);
      await logIn(page, role);
      await openDashboard(page);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Q\d \d{4} objectives$/);
      // Company objectives, lean; opening one shows its key results and aligned team objectives.
      const growthTitle = "Grow recurring revenue into a second growth engine";
      await openBranch(page, growthTitle);
      const growth = page.getByRole("article", { name: growthTitle });
      expect(await growth.getByRole("article", { name: "Build a predictable marketing pipeline" }).count()).toBe(1);
      expect(await growth.getByRole("progressbar").count()).toBeGreaterThan(3);
      expect(await page.getByText(/On track|At risk|Off track/).count()).toBeGreaterThan(0);
      await screenshot(page, `dashboard-${role}`);

      await page.getByRole("button", { name: "Log out" }).click();
      await page.waitForURL("**/login");
      await page.goto("/dashboard");
      await page.waitForURL("**/login**");
      await page.context().close();
    });
  }

  it("started with a session secret generated under the data folder, readable only by its owner", () => {
    const file = path.join(inject("dataDir"), "auth-secret");
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
