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

const WEBINARS = "Make our webinars the place buyers learn the category";
const note = `Great turnout this week (${Date.now().toString(36)})`;

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const bell = (page: Page) => page.getByRole("button", { name: /^Notifications, / });
const unreadIn = async (page: Page) => {
  const name = (await bell(page).getAttribute("aria-label")) ?? "";
  const match = /Notifications, (\d+|none) unread/.exec(name);
  return match?.[1] === "none" ? 0 : Number(match?.[1] ?? Number.NaN);
};

describe("notifications", () => {
  it("tells the member of the manager's mention: the bell counts it, opening it goes to the objective and reads it", async () => {
    // The manager comments on the member's objective, mentioning the member.
    const maya = await newPage(browser);
    await logIn(maya, "manager");
    await maya.goto("/okrs");
    await maya.getByRole("link", { name: WEBINARS, exact: true }).first().click();
    await maya.waitForURL(/\/objectives\/[0-9a-f-]{36}$/);
    const objectivePath = new URL(maya.url()).pathname;
    await maya.getByLabel("Comment", { exact: true }).fill(`${note}, `);
    await maya.getByRole("searchbox", { name: "Search people to mention" }).fill("Sam");
    const picker = maya.getByLabel("Mention someone", { exact: true });
    await expect.poll(() => picker.locator("option").allTextContents()).toContain("Sam Rivera");
    await picker.selectOption({ label: "Sam Rivera" });
    await expect.poll(() => maya.getByLabel("Comment", { exact: true }).inputValue()).toMatch(/@\[Sam Rivera\]\(/);
    await maya.getByRole("button", { name: "Post comment" }).click();
    // Posted, and shown with the mention as a name, not as its token.
    const posted = maya.getByRole("listitem").filter({ hasText: note });
    await expect.poll(() => posted.textContent()).toContain("@Sam Rivera");
    expect(await posted.textContent()).not.toContain("](");
    await maya.context().close();

    const sam = await newPage(browser);
    await logIn(sam, "member");
    await expect.poll(() => unreadIn(sam), { timeout: 15_000 }).toBeGreaterThan(0);
    const before = await unreadIn(sam);
    await bell(sam).click();
    const panel = sam.getByRole("region", { name: "Latest notifications" });
    const item = panel.getByRole("link", { name: /Maya Chen mentioned you on/ }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain("Unread");
    expect(await seriousViolations(sam)).toEqual([]);
    await screenshotWidths(sam, "notifications-bell-open");
    // Escape closes it and gives the focus back to the bell.
    await sam.keyboard.press("Escape");
    await expect.poll(() => panel.count()).toBe(0);
    expect(await bell(sam).evaluate((el) => el === document.activeElement)).toBe(true);
    // The keyboard opens it again; following the mention goes to the comment and reads it.
    await sam.keyboard.press("Enter");
    await item.waitFor();
    await item.click();
    await sam.waitForURL((url) => url.pathname === objectivePath && url.hash.startsWith("#comment-"));
    await expect.poll(() => unreadIn(sam)).toBe(before - 1);

    await sam.goto("/notifications");
    await sam.getByRole("heading", { level: 1, name: "Notification centre" }).waitFor();
    const entry = sam
      .getByRole("list", { name: "Notifications" })
      .getByRole("link", { name: /Maya Chen mentioned you/ });
    await entry.first().waitFor();
    expect(await entry.first().textContent()).not.toContain("Unread");
    expect(await seriousViolations(sam)).toEqual([]);
    await screenshotWidths(sam, "notifications-centre");
    await sam.context().close();
  }, 180_000);

  it("keeps a manager's changed preferences after a reload, each saying where it comes from", async () => {
    const page = await newPage(browser);
    await logIn(page, "manager");
    await page.goto("/account/notifications");
    await page.getByRole("heading", { level: 1, name: "Notification preferences" }).waitFor();
    const mentionEmail = page.getByRole("checkbox", { name: "Mention: Email" });
    const digest = page.getByRole("checkbox", { name: "Weekly digest: In the app" });
    await digest.waitFor();
    expect(await mentionEmail.isChecked()).toBe(true);
    await mentionEmail.uncheck();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await page.reload();
    await mentionEmail.waitFor();
    expect(await mentionEmail.isChecked()).toBe(false);
    const cell = page.getByRole("cell").filter({ has: mentionEmail });
    expect(await cell.textContent()).toContain("Your choice");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWidths(page, "notifications-preferences");
    // Back to the default, which the page then names as such.
    await mentionEmail.check();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    expect(await cell.textContent()).toContain("Default");
    await page.context().close();
  }, 120_000);

  it("lets the admin change the organization's check-in day", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.goto("/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Notifications" }).click();
    await page.waitForURL("**/settings/notifications");
    const day = page.getByLabel("Check-in day");
    await day.waitFor();
    await day.selectOption({ label: "Wednesday" });
    await page.getByRole("button", { name: "Save schedule" }).click();
    await page.getByRole("status").filter({ hasText: "Schedule saved." }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel("Check-in day").inputValue()).toBe("3");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshotWidths(page, "notifications-settings");
    // Back to Monday: other files of the run share this organization.
    await page.getByLabel("Check-in day").selectOption({ label: "Monday" });
    await page.getByRole("button", { name: "Save schedule" }).click();
    await page.getByRole("status").filter({ hasText: "Schedule saved." }).waitFor();
    await page.context().close();
  }, 120_000);
});
