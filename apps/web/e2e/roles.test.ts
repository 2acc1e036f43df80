import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, logIn, newPage, openBranch, openDashboard, screenshot } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Opened top down on the dashboard: the member's personal objective sits under a team's, under the company's.
const WEBINAR_CHAIN = [
  "Grow recurring revenue into a second growth engine",
  "Build a predictable marketing pipeline",
  "Make our webinars the place buyers learn the category",
];

describe("navigation and controls follow the role", () => {
  it("shows admins Settings, with the organization's teams", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.waitForURL("**/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Teams" }).click();
    await page.waitForURL("**/settings/teams");
    await expect.poll(() => page.getByRole("listitem", { name: "Team Customer Success" }).count()).toBe(1);
    await screenshot(page, "settings-admin");
    await page.context().close();
  });

  it("gives the viewer no Settings and no edit control anywhere, and no settings page by URL", async () => {
    const page = await newPage(browser);
    await logIn(page, "viewer");
    await openDashboard(page);
    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link", { name: "Dashboard" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "Settings" }).count()).toBe(0);
    // The only buttons a viewer has are logging out, the notification bell and opening objectives: nothing that edits.
    const buttons = await page
      .getByRole("button")
      .evaluateAll((all) => all.map((b) => b.getAttribute("aria-label") ?? b.textContent));
    expect(buttons.filter((name) => !name?.startsWith("Expand ") && !name?.startsWith("Notifications, "))).toEqual([
      "Log out",
    ]);
    expect(await page.locator("input, textarea").count()).toBe(0);
    expect(await page.getByRole("combobox").allInnerTexts()).toHaveLength(1); // the cycle picker only
    expect(await page.locator("form").count()).toBe(0);
    const response = await page.goto("/settings");
    expect(response?.status()).toBe(404);
    await page.context().close();
  });

  it("hides a private objective from a member who is not its owner or team lead", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await openDashboard(page);
    expect(await page.getByRole("article", { name: "Grow into a team lead role" }).count()).toBe(0);
    await page.context().close();
  });

  it("lets a member check in on their own key result and see progress roll up", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await openDashboard(page);
    for (const title of WEBINAR_CHAIN) await openBranch(page, title);
    // Members may check in only on what they own.
    const checkInButtons = await page.getByRole("button", { name: /^Check in on / }).allInnerTexts();
    expect(checkInButtons.length).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "Check in on Marketing-qualified leads per month" }).count()).toBe(0);

    const kr = "Webinar registrations per session";
    const personal = page.getByRole("article", { name: "Make our webinars the place buyers learn the category" });
    const team = page.getByRole("article", { name: "Build a predictable marketing pipeline" });
    const progressOf = (name: string) =>
      page.getByRole("progressbar", { name: `Progress of ${name}`, exact: true }).getAttribute("aria-valuenow");
    const chain = [...WEBINAR_CHAIN].reverse();
    const readChain = () => Promise.all(chain.map((name) => progressOf(name).then(Number)));
    const before = { kr: Number(await progressOf(kr)), chain: await readChain() };

    await personal.getByRole("button", { name: `Check in on ${kr}` }).click();
    const form = page.getByRole("form", { name: `Check in on ${kr}` });
    await form.getByLabel("New value").fill("400");
    await form.getByLabel("Confidence", { exact: true }).fill("8");
    await form.getByLabel("Comment").fill("Record turnout after the partner launch.");
    await screenshot(page, "check-in-form");
    await form.getByRole("button", { name: "Save check-in" }).click();
    await expect.poll(() => progressOf(kr)).toBe("100");
    // Personal → team → company: each level moves up.
    const after = await readChain();
    expect(before.kr).toBeLessThan(100);
    for (const [level, value] of after.entries()) expect(value).toBeGreaterThan(before.chain[level] ?? 100);
    expect(await team.count()).toBe(1);
    await page.context().close();
  });

  it("shows a clear inline error for an invalid check-in and saves nothing", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await openDashboard(page);
    for (const title of WEBINAR_CHAIN) await openBranch(page, title);
    const kr = "Attendance rate";
    const progress = page.getByRole("progressbar", { name: `Progress of ${kr}`, exact: true });
    const before = await progress.getAttribute("aria-valuenow");
    await page.getByRole("button", { name: `Check in on ${kr}` }).click();
    const form = page.getByRole("form", { name: `Check in on ${kr}` });
    // Confidence is a 0–10 slider, which cannot hold anything else; the server's rule is tested in the API.
    await form.getByLabel("Confidence", { exact: true }).fill("7");
    await form.getByLabel("New value").fill("140");
    await form.getByRole("button", { name: "Save check-in" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toBe("A percentage check-in is between 0 and 100.");
    await screenshot(page, "check-in-error");
    await page.reload();
    for (const title of WEBINAR_CHAIN) await openBranch(page, title);
    expect(await progress.getAttribute("aria-valuenow")).toBe(before);
    await page.context().close();
  });
});

describe("the HTTP edge", () => {
  it("refuses a mutation from another origin and one that is not JSON", async () => {
    const foreign = await fetch(`${baseURL()}/api/trpc/checkIns.create`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: "{}",
    });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${baseURL()}/api/trpc/checkIns.create`, {
      method: "POST",
      headers: { origin: baseURL(), "content-type": "application/x-www-form-urlencoded" },
      body: "a=b",
    });
    expect(form.status).toBe(415);
  });

  it("answers an anonymous API call with 401, not a page or a 500", async () => {
    const response = await fetch(`${baseURL()}/api/trpc/objectives.dashboard`);
    expect(response.status).toBe(401);
  });

  it("sends security headers with every page", async () => {
    const response = await fetch(`${baseURL()}/login`);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
