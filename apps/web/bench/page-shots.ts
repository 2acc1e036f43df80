/**
 * The pages that load their large parts on request, at full size, in Chromium: each at 1440 and 390 px wide
 * (artifacts/screenshots/full-size-*.png), checked with axe (nothing serious or critical) and worked by
 * keyboard where they open a part on request. Runs against the company `page-sizes.ts` generated and kept:
 *
 *   BENCH_KEEP=1 pnpm --filter @meridian/web bench   (once, after `pnpm build`), then
 *   BENCH_KEEP=1 pnpm --filter @meridian/web exec tsx bench/page-shots.ts
 *
 * DATABASE_URL and BENCH_DATABASE_PREFIX as for page-sizes.ts.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { startApp } from "../e2e/support/app-server";
import { launchBrowser } from "../e2e/support/browser";

const SERVER = process.env.DATABASE_URL;
const PREFIX = (process.env.BENCH_DATABASE_PREFIX ?? "meridian_bench").replace(/\W/g, "_");
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const SHOTS = path.join(repoRoot, "artifacts", "screenshots");
const kept = JSON.parse(readFileSync(path.join(repoRoot, "artifacts", "bench", "page-sizes-1.kept.json"), "utf8")) as {
  ids: Record<string, string>;
  review: string;
};

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `full-size-${name}-${width}.png`), fullPage: true });
    // The first screen alone, legible at its own size.
    await page.screenshot({ path: path.join(SHOTS, `full-size-${name}-${width}-top.png`) });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function axe(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  console.info(
    `  ${name}: axe ${serious.length ? serious.map((v) => `${v.id} (${v.nodes.length})`).join(", ") : "clean"}`,
  );
  for (const v of serious)
    console.info(
      `    ${v.id}: ${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`)
        .join(" | ")}`,
    );
  if (serious.length) process.exitCode = 1;
}

/** Presses Tab until `target` has focus, failing after `max` presses: it is reachable by keyboard. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("not reached by Tab");
}

async function main(): Promise<void> {
  if (!SERVER) throw new Error("DATABASE_URL is needed");
  mkdirSync(SHOTS, { recursive: true });
  const url = new URL(SERVER);
  url.pathname = `/${PREFIX}_pages_1`;
  const app = await startApp({ databaseUrl: url.toString(), unset: ["MERIDIAN_DEMO", "MERIDIAN_SEED_DEMO"] });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: app.baseURL, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(kept.ids.admin ?? "");
    await page.getByLabel("Password").fill("bench-password-1");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/admin");

    // The review: a closed objective opens by keyboard, its KPIs load, and the keyboard lands in them.
    await page.goto(`/reviews/${kept.review}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await shoot(page, "review");
    await axe(page, "review");
    const show = page.getByRole("button", { name: /^Show its \d+ KPIs/ }).first();
    await tabTo(page, show);
    await page.keyboard.press("Enter");
    await page
      .getByRole("table", { name: /^KPIs of / })
      .nth(1)
      .waitFor();
    const focused = await page.evaluate(() => document.activeElement?.id ?? "");
    if (!focused.startsWith("objective-kpis-")) throw new Error(`focus after opening: ${focused}`);
    const perspective = page.getByRole("button", { name: /^Show its \d+ strategic objectives/ }).first();
    await perspective.click();
    await page.getByRole("button", { name: /^Show more objectives \(25 of/ }).click();
    await page.getByRole("button", { name: /^Show more objectives \(50 of/ }).waitFor();
    await axe(page, "review, sections opened");
    console.info("  review: an objective and a perspective opened on request, 50 OKRs shown");

    // The OKR list's team filter: searched on the server.
    await page.goto("/okrs");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.getByRole("searchbox", { name: "Search teams for the team filter" }).fill("Team 12");
    const team = page.getByLabel("Team", { exact: true });
    for (let i = 0; i < 50 && !(await team.locator("option").allTextContents()).some((t) => /Team 12/.test(t)); i++) {
      await page.waitForTimeout(200);
    }
    console.info(`  OKRs: the team filter offers ${(await team.locator("option").count()) - 1} matches for "Team 12"`);
    await shoot(page, "okrs");
    await axe(page, "okrs");
    await page.goto("/okrs?view=board");
    await page
      .getByRole("region", { name: /board$/ })
      .first()
      .waitFor();
    await shoot(page, "okrs-board");
    await axe(page, "okrs board");

    await page.goto("/settings/teams");
    await page.getByRole("button", { name: /^Show more teams/ }).waitFor();
    await shoot(page, "settings-teams");
    await axe(page, "settings teams");
    await page.getByLabel("Find a team").fill("Team 049");
    await page.getByRole("listitem", { name: /^Team Team 049/ }).waitFor();
    console.info("  settings teams: found Team 49 by searching");

    await page.goto("/scorecard");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await shoot(page, "scorecard");
    await axe(page, "scorecard");

    await page.goto("/settings/scorecard");
    await page
      .getByRole("button", { name: /^Show all \d+ objectives of/ })
      .first()
      .waitFor();
    await shoot(page, "settings-scorecard");
    await axe(page, "settings scorecard");
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();
