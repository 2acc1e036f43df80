import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, logIn, newPage, screenshot } from "./support/browser";
import { createKpi, quarterOf, uniqueSuffix } from "./support/scorecard";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A push as another system sends it: JSON, with the token (if any) as a bearer. */
async function push(body: unknown, token?: string) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseURL()}/api/ingest/actuals`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const tokenRow = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });

/** The row's "Last used" cell (the fifth: name, token, scopes, created, last used, expires on, status). */
const lastUsed = (page: Page, name: string) => tokenRow(page, name).getByRole("cell").nth(4);

describe("pushing actuals through the ingestion endpoint", () => {
  it("accepts a token made in the browser, is idempotent, and refuses missing, wrong and revoked tokens", async () => {
    const page = await newPage(browser);
    await logIn(page, "admin");
    const suffix = uniqueSuffix();
    const kpi = `Warehouse orders ${suffix}`;
    const tokenName = `Data warehouse ${suffix}`;
    const quarter = quarterOf(0);
    const kpiUrl = await createKpi(page, {
      name: kpi,
      unit: "orders",
      direction: "Higher is better",
      frequency: "Monthly",
      aggregation: "Sum",
      goal: 50,
      redFlag: 30,
      owner: "Alex Morgan",
      strategicObjective: null,
    });

    await page.goto("/settings/api-tokens");
    const form = page.getByRole("form", { name: "New API token" });
    await form.getByLabel("Token name").fill(tokenName);
    // The push needs this scope; no other is given.
    await form.getByRole("checkbox", { name: /kpis:write/ }).check();
    await form.getByRole("button", { name: "Create token" }).click();
    const secretBox = page.getByRole("textbox", { name: "New API token", exact: true });
    await secretBox.waitFor();
    const token = await secretBox.inputValue();
    expect(token).toMatch(/^mrd_/);
    await expect.poll(() => tokenRow(page, tokenName).textContent()).toContain("Active");
    // Listed by its prefix only: the secret itself is not on the page outside the one-time box.
    expect(await tokenRow(page, tokenName).textContent()).not.toContain(token);
    expect(await lastUsed(page, tokenName).textContent()).toBe("Never");
    await screenshot(page, "settings-api-tokens");
    await page.getByRole("button", { name: "Done" }).click();
    await expect.poll(() => secretBox.count()).toBe(0);

    const body = { actuals: [{ kpi, period: quarter.months[0], value: 42 }] };
    expect(await push(body)).toEqual({
      status: 401,
      body: { error: "Send an API token in the header 'Authorization: Bearer mrd_…'." },
    });
    // Well-formed but not ours: the real token with its last character changed.
    const wrong = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await push(body, wrong)).toEqual({ status: 401, body: { error: "This API token is not valid." } });
    expect(await push(body, token)).toEqual({ status: 200, body: { created: 1, updated: 0, unchanged: 0 } });
    // The same push again adds nothing.
    expect(await push(body, token)).toEqual({ status: 200, body: { created: 0, updated: 0, unchanged: 1 } });

    // The token list now shows when it was last used.
    await page.reload();
    await expect.poll(() => lastUsed(page, tokenName).textContent()).not.toBe("Never");
    await page.getByRole("button", { name: `Revoke ${tokenName}` }).click();
    await page.getByRole("button", { name: `Confirm revoking ${tokenName}` }).click();
    await expect.poll(() => tokenRow(page, tokenName).textContent()).toContain("Revoked");
    expect(await page.getByRole("button", { name: `Revoke ${tokenName}` }).count()).toBe(0);
    expect(await push({ actuals: [{ kpi, period: quarter.months[0], value: 43 }] }, token)).toEqual({
      status: 401,
      body: { error: "This API token has been revoked." },
    });

    // The pushed value, not the refused one, is on the KPI's page, marked as coming from the API.
    await page.goto(kpiUrl);
    const input = page.getByRole("textbox", { name: `Actual for ${quarter.monthLabels[0]}`, exact: true });
    await expect.poll(() => input.inputValue()).toBe("42");
    const byQuarter = page.getByRole("table", { name: `${kpi} by quarter: actual, goal, red flag, score and status` });
    const row = byQuarter.getByRole("row").filter({ has: page.getByRole("rowheader", { name: quarter.label }) });
    expect(await row.getByRole("cell").first().textContent()).toBe("42 orders");
    expect(await page.getByRole("form", { name: `Actuals of ${kpi}` }).textContent()).toContain("via API");
    await page.context().close();
  });
});
