import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DEMO_PASSWORD = "meridian-demo";
export type DemoRole = "admin" | "manager" | "member" | "viewer";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../../artifacts/screenshots");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export const baseURL = () => inject("baseURL");

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/** Where each demo role lands after signing in. */
export const HOME: Record<DemoRole, string> = {
  admin: "/admin",
  manager: "/team",
  member: "/my",
  viewer: "/dashboard",
};

/** Signs in through the login form, as a person would, and waits for the role's home. */
export async function logIn(page: Page, role: DemoRole): Promise<void> {
  await signIn(page, `${role}@example.com`, DEMO_PASSWORD);
  await page.waitForURL(`**${HOME[role]}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Opens the company dashboard and waits for it to render. */
export async function openDashboard(page: Page): Promise<void> {
  await page.goto("/dashboard");
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/objectives/);
}

/** Opens an objective's card on the dashboard: its key results and aligned objectives load then. */
export async function openBranch(page: Page, title: string): Promise<void> {
  const card = page.getByRole("article", { name: title, exact: true }).first();
  await card
    .getByRole("button", { name: `Expand ${title}` })
    .first()
    .click();
  await card.getByRole("list", { name: `Key results of ${title}` }).waitFor();
}

/** Saved under artifacts/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Sets the viewport to each width in turn for a full-page screenshot, then back to the default. */
export async function screenshotWidths(page: Page, name: string, widths: readonly number[] = [1440, 390]) {
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize(before);
}
