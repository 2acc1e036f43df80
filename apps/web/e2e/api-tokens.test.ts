import AxeBuilder from "@axe-core/playwright";
import { API_SCOPE_INFO, API_SCOPES, EXPIRY_IN_PAST } from "@meridian/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, logIn, newPage, screenshotWidths } from "./support/browser";
import { uniqueSuffix } from "./support/scorecard";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const tokenRow = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const shown = (iso: string) =>
  new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/** What has the keyboard focus: a control's label (or its own name), for checking the tab order. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return "";
    const label = el.labels?.[0]?.textContent ?? el.getAttribute("aria-label") ?? el.textContent ?? "";
    return `${el.tagName.toLowerCase()}:${label.trim()}`;
  });

describe("Settings → API tokens", () => {
  it("makes a token with chosen scopes and an expiry, by keyboard, refusing none and a past date", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    await page.goto("/settings/api-tokens");
    const form = page.getByRole("form", { name: "New API token" });
    await form.getByRole("group", { name: "Scopes" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Every scope is offered with its label and description, none chosen up front.
    for (const scope of API_SCOPES) {
      const box = form.getByRole("checkbox", { name: `${API_SCOPE_INFO[scope].label} ${scope}` });
      expect(await box.isChecked(), scope).toBe(false);
      expect(await box.getAttribute("aria-describedby")).toBeTruthy();
      await form.getByText(API_SCOPE_INFO[scope].description, { exact: true }).waitFor();
    }
    expect(await form.getByRole("link", { name: /API reference/ }).getAttribute("href")).toBe("/developers/api");

    // The tab order runs from the name through the expiry and every scope to the button and the reference.
    await form.getByLabel("Token name").focus();
    const order: string[] = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      order.push(await focused(page));
      if (order.at(-1)?.startsWith("a:")) break;
    }
    const scopeStops = order.filter((f) => f.startsWith("input:") && API_SCOPES.some((s) => f.endsWith(s)));
    expect(scopeStops).toHaveLength(API_SCOPES.length);
    expect(order).toContain("button:Create token");
    expect(order.at(-1)).toBe("a:API reference: routes, scopes and rate limit");

    const name = `BI reader ${uniqueSuffix()}`;
    await form.getByLabel("Token name").fill(name);
    // No scope: refused in the form, nothing made.
    await form.getByRole("button", { name: "Create token" }).click();
    await form.getByText("Choose at least one scope: a token with none can do nothing.").waitFor();
    // A past last day: the domain schema's own message.
    await form.getByLabel("Expires on (optional)").fill(day(-2));
    await form.getByRole("checkbox", { name: /okrs:read/ }).focus();
    await page.keyboard.press("Space");
    await form.getByRole("checkbox", { name: /reports:read/ }).focus();
    await page.keyboard.press("Space");
    await form.getByRole("button", { name: "Create token" }).click();
    await form.getByText(EXPIRY_IN_PAST).waitFor();
    expect(await tokenRow(page, name).count()).toBe(0);

    const lastDay = day(30);
    await form.getByLabel("Expires on (optional)").fill(lastDay);
    await form.getByRole("button", { name: "Create token" }).focus();
    await page.keyboard.press("Enter");
    const secretBox = page.getByRole("textbox", { name: "New API token", exact: true });
    await secretBox.waitFor();
    const token = await secretBox.inputValue();
    expect(token).toMatch(/^mrd_/);
    // The form is ready for the next token: nothing chosen.
    await expect.poll(() => form.getByRole("checkbox", { name: /okrs:read/ }).isChecked()).toBe(false);

    const row = tokenRow(page, name);
    await expect.poll(() => row.textContent()).toContain("Active");
    const scopes = row.getByRole("list", { name: `Scopes of ${name}` });
    expect(await scopes.getByRole("listitem").allTextContents()).toEqual(["okrs:read", "reports:read"]);
    expect(await row.textContent()).toContain(shown(lastDay));
    expect(await row.textContent()).not.toContain(token);
    await screenshotWidths(page, "settings-api-tokens-scopes");
    expect(await seriousViolations(page)).toEqual([]);

    // The token reads OKRs through the REST API, and only what its scopes allow.
    const read = await fetch(`${baseURL()}/api/v1/objectives?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    const pushed = await fetch(`${baseURL()}/api/ingest/actuals`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ actuals: [{ kpi: "Anything", period: "2026-01", value: 1 }] }),
    });
    expect(pushed.status).toBe(403);
    expect(((await pushed.json()) as { error: string }).error).toContain("'kpis:write'");
    await page.context().close();
  });
});
