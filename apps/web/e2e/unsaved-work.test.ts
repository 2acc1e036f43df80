import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Dialog, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, launchBrowser, logIn, screenshotWidths } from "./support/browser";
import { quarterOf, uniqueSuffix } from "./support/scorecard";

/**
 * Nothing a person writes is lost (issue 12): review commentary saves itself and says where it
 * stands, a stale save shows the conflict and keeps the text, leaving or finalizing with unsaved
 * text asks first, and the quarter-targets form starts from the quarter's own override.
 */
let browser: Browser;
let reviewer: BrowserContext;
let page: Page;
let reviewUrl = "";
const suffix = uniqueSuffix();
const COMMENT_SAVE = "**/api/trpc/reviews.comment**";

async function adminContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await logIn(page, "admin");
  return { context, page };
}

/**
 * Opens a team review of the current cycle that no other test uses: the first team, in this
 * order, that has none yet (the whole organization's belongs to e2e/review.test.ts).
 */
async function openTeamReview(page: Page): Promise<string> {
  // Sales, Customer Success and Engineering of the current cycle belong to e2e/review-flow.test.ts, Marketing to review.test.ts.
  for (const team of ["Executive", "Customer Success", "Engineering", "Sales", "Marketing"]) {
    await page.goto("/reviews");
    const open = page.getByRole("form", { name: "Open a review" });
    await open
      .getByLabel("Cycle")
      .locator("option", { hasText: quarterOf(0).label })
      .waitFor({ state: "attached" });
    await open.getByLabel("Cycle").selectOption({ label: quarterOf(0).label });
    const scopes = await open.getByLabel("Scope").locator("option").allTextContents();
    const scope = scopes.find((s) => s.includes(team));
    if (!scope) continue;
    await open.getByLabel("Scope").selectOption({ label: scope });
    await open.getByRole("button", { name: "Open review" }).click();
    const opened = await page
      .waitForURL(/\/reviews\/[0-9a-f-]{36}$/, { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (opened) return page.url();
  }
  throw new Error("No team had a free review of the current cycle");
}

/** The first commentary editor of the review: its textbox, its status line, and the box around them. */
function firstEditor(page: Page) {
  const box = page.getByRole("textbox", { name: /^Commentary on / }).first();
  const editor = box.locator("xpath=ancestor::div[2]");
  return { box, editor, status: editor.getByRole("status") };
}

/** One editor in the state it is in, beside the full-page screenshots, for a person to look at. */
async function shot(target: Locator, name: string) {
  const folder = path.resolve(import.meta.dirname, "../../../artifacts/screenshots");
  mkdirSync(folder, { recursive: true });
  await target.screenshot({ path: path.join(folder, `${name}.png`) });
}

/** axe's serious and critical findings inside one element (the rest of the page is e2e/page-tour's). */
async function seriousViolationsIn(page: Page, target: Locator): Promise<string[]> {
  await target.evaluate((el) => el.setAttribute("data-axe-scope", ""));
  const results = await new AxeBuilder({ page }).include("[data-axe-scope]").analyze();
  await target.evaluate((el) => el.removeAttribute("data-axe-scope"));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

async function typeInto(box: Locator, text: string) {
  await box.click();
  await box.press("ControlOrMeta+a");
  await box.press("Backspace");
  // Typed key by key, as a person does: a real user gesture, which Chromium needs before it asks on unload.
  await box.pressSequentially(text, { delay: 5 });
}

/** Answers the next dialog with `answer`, and gives back what it was. */
function nextDialog(page: Page, answer: "accept" | "dismiss"): Promise<{ type: string; message: string }> {
  return new Promise((resolve) => {
    page.once("dialog", (dialog: Dialog) => {
      const seen = { type: dialog.type(), message: dialog.message() };
      void (answer === "accept" ? dialog.accept() : dialog.dismiss()).then(() => resolve(seen));
    });
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context: reviewer, page } = await adminContext());
  reviewUrl = await openTeamReview(page);
});
afterAll(async () => {
  await browser?.close();
});

describe("review commentary", () => {
  it("saves itself as the reviewer types, says saving then saved politely, and is there after a reload", async () => {
    await page.goto(reviewUrl);
    const { box, status } = firstEditor(page);
    await box.waitFor();
    expect(await status.getAttribute("aria-live")).toBe("polite");
    // The save is held until the test has seen it under way.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(COMMENT_SAVE, async (route) => {
      await held;
      await route.continue();
    });
    const text = `Pipeline slipped in the second month (${suffix}).`;
    await typeInto(box, text);
    // No Save pressed: the pause after typing sends it.
    await expect.poll(() => status.textContent()).toBe("Saving…");
    release();
    await expect.poll(() => status.textContent()).toBe("Saved");
    await page.unroute(COMMENT_SAVE);

    await page.reload();
    await expect.poll(() => firstEditor(page).box.inputValue()).toBe(text);
    await screenshotWidths(page, "unsaved-work-review");
  });

  it("a stale save from a second browser shows the conflict, keeps the text, and overwrites only when asked", async () => {
    const second = await adminContext();
    try {
      // Both read the same version.
      await page.goto(reviewUrl);
      await second.page.goto(reviewUrl);
      const mine = firstEditor(page);
      const theirs = firstEditor(second.page);
      await expect.poll(() => theirs.box.inputValue()).toContain(suffix);

      const first = `First writer's text (${suffix}).`;
      await typeInto(mine.box, first);
      await expect.poll(() => mine.status.textContent()).toBe("Saved");

      const stale = `Second writer's text, written on the old version (${suffix}).`;
      await typeInto(theirs.box, stale);
      const alert = theirs.editor.getByRole("alert");
      await expect.poll(() => alert.textContent()).toContain("Someone else saved this while you were writing");
      expect(await alert.textContent()).toContain(first);
      expect(await theirs.box.inputValue()).toBe(stale);
      expect(await theirs.status.textContent()).toBe("Not saved: someone else saved here");
      await shot(theirs.editor, "unsaved-work-conflict");
      expect(await seriousViolationsIn(second.page, theirs.editor)).toEqual([]);

      // Nothing was overwritten behind anyone's back.
      await page.reload();
      await expect.poll(() => firstEditor(page).box.inputValue()).toBe(first);

      // Keeping one's own text, knowingly, saves it over the other.
      await theirs.editor.getByRole("button", { name: "Keep mine, replace theirs" }).click();
      await expect.poll(() => theirs.status.textContent()).toBe("Saved");
      await page.reload();
      await expect.poll(() => firstEditor(page).box.inputValue()).toBe(stale);
    } finally {
      await second.context.close();
    }
  });

  it("leaving with unsaved text asks first, by link or by closing the tab, and a reload gives the text back", async () => {
    await page.goto(reviewUrl);
    const { box, status } = firstEditor(page);
    await box.waitFor();
    await page.route(COMMENT_SAVE, (route) => route.abort());
    const text = `Written while the network was down (${suffix}).`;
    await typeInto(box, text);
    await expect.poll(() => status.textContent()).toMatch(/^Not saved, kept in this browser/);
    await shot(firstEditor(page).editor, "unsaved-work-failed");
    expect(await seriousViolationsIn(page, firstEditor(page).editor)).toEqual([]);

    // A link inside the app: asked, and staying keeps page and text.
    const [linkDialog] = await Promise.all([
      nextDialog(page, "dismiss"),
      page.getByRole("link", { name: "← All reviews" }).click(),
    ]);
    expect(linkDialog.type).toBe("confirm");
    expect(linkDialog.message).toContain("not saved");
    expect(page.url()).toBe(reviewUrl);
    expect(await box.inputValue()).toBe(text);

    // Closing the tab: the browser's own question (beforeunload); dismissed, the page stays open.
    const [closeDialog] = await Promise.all([nextDialog(page, "dismiss"), page.close({ runBeforeUnload: true })]);
    expect(closeDialog.type).toBe("beforeunload");
    expect(page.isClosed()).toBe(false);

    // Reloading anyway: the text was kept as a draft in the browser, and comes back unsaved.
    const [reloadDialog] = await Promise.all([nextDialog(page, "accept"), page.reload()]);
    expect(reloadDialog.type).toBe("beforeunload");
    const back = firstEditor(page);
    await expect.poll(() => back.box.inputValue()).toBe(text);
    // Sent again on its own, and failed again while the network is still down.
    await expect.poll(() => back.status.textContent()).toMatch(/^Not saved, kept in this browser/);

    // Back online, Retry sends it, and leaving no longer asks.
    await page.unroute(COMMENT_SAVE);
    await back.editor.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => back.status.textContent()).toBe("Saved");
    await page.getByRole("link", { name: "← All reviews" }).click();
    await page.waitForURL(/\/reviews$/);
  });

  it("Finalize with unsaved commentary says so first, and cancelling keeps the review open and the text", async () => {
    await page.goto(reviewUrl);
    const { box, status } = firstEditor(page);
    await box.waitFor();
    await page.route(COMMENT_SAVE, (route) => route.abort());
    const text = `Not yet saved when Finalize was pressed (${suffix}).`;
    await typeInto(box, text);
    await expect.poll(() => status.textContent()).toMatch(/^Not saved, kept in this browser/);

    await page.getByRole("button", { name: "Finalize review" }).click();
    const question = page.getByRole("group", { name: /is not saved yet/ });
    await question.waitFor();
    await shot(question, "unsaved-work-finalize");
    expect(await question.getByRole("button", { name: "Finalize without it" }).count()).toBe(1);
    await question.getByRole("button", { name: "Cancel" }).click();
    expect(await page.getByRole("button", { name: "Finalize review" }).count()).toBe(1);
    expect(await box.inputValue()).toBe(text);

    // Saved, the question is the plain one again (with how much of the running cycle has passed).
    await page.unroute(COMMENT_SAVE);
    await firstEditor(page).editor.getByRole("button", { name: "Retry" }).click();
    await expect.poll(() => status.textContent()).toBe("Saved");
    await page.getByRole("button", { name: "Finalize review" }).click();
    const plain = page.getByRole("group", { name: /^(Finalize\? |\d+ % of .+ has passed — finalize anyway\? )/ });
    await plain.waitFor();
    await plain.getByRole("button", { name: "Cancel" }).click();
  });
});

describe("long text fields elsewhere", () => {
  it("a new objective's text is kept as a draft: a reload gives it back", async () => {
    const { context, page } = await adminContext();
    try {
      await page.goto("/objectives/new");
      const form = () => page.getByRole("form", { name: "New objective" });
      const title = `Draft objective (${suffix})`;
      const description = `Why it matters, written before the first save (${suffix}).`;
      await form().getByLabel("Objective", { exact: true }).click();
      await form().getByLabel("Objective", { exact: true }).pressSequentially(title, { delay: 2 });
      await form().getByLabel("Description", { exact: true }).fill(description);
      const [dialog] = await Promise.all([nextDialog(page, "accept"), page.reload()]);
      expect(dialog.type).toBe("beforeunload");
      await expect.poll(() => form().getByLabel("Description", { exact: true }).inputValue()).toBe(description);
      expect(await form().getByLabel("Objective", { exact: true }).inputValue()).toBe(title);
    } finally {
      await context.close();
    }
  });

  it("a comment not yet posted asks before a link leaves, comes back after a reload, and is gone once posted", async () => {
    const { context, page } = await adminContext();
    try {
      await page.goto("/dashboard");
      const link = page.locator('a[href^="/objectives/"]').first();
      await link.waitFor();
      const objectiveUrl = new URL((await link.getAttribute("href")) ?? "", baseURL()).pathname;
      await page.goto(objectiveUrl);
      const box = () => page.getByRole("textbox", { name: "Comment", exact: true });
      const text = `A risk nobody has written down yet (${suffix}).`;
      await box().click();
      await box().pressSequentially(text, { delay: 2 });

      const [asked] = await Promise.all([
        nextDialog(page, "dismiss"),
        page.getByRole("link", { name: "Dashboard", exact: true }).first().click(),
      ]);
      expect(asked.type).toBe("confirm");
      expect(new URL(page.url()).pathname).toBe(objectiveUrl);

      const [dialog] = await Promise.all([nextDialog(page, "accept"), page.reload()]);
      expect(dialog.type).toBe("beforeunload");
      await expect.poll(() => box().inputValue()).toBe(text);

      await page.getByRole("button", { name: "Post comment" }).click();
      await expect.poll(() => page.getByRole("region", { name: "Discussion" }).textContent()).toContain(text);
      await expect.poll(() => box().inputValue()).toBe("");
      // Posted: nothing to keep, nothing to ask about (an unexpected question would stop the reload).
      await page.reload();
      await box().waitFor();
      // Once hydrated and the signed-in user is known, a draft would have been put back by now.
      await page.waitForLoadState("networkidle");
      expect(await box().inputValue()).toBe("");
    } finally {
      await context.close();
    }
  });
});

describe("the quarter-targets form", () => {
  it("opens a quarter on its own override, and saving it untouched keeps the override", async () => {
    const kpiPage = await reviewer.newPage();
    await kpiPage.goto("/kpis");
    const links = kpiPage.locator('a[href^="/kpis/"]');
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))).filter((h) =>
      /^\/kpis\/[0-9a-f-]{36}$/.test(h),
    );
    const kpiUrl = hrefs.at(-1) ?? "";
    expect(kpiUrl).not.toBe("");
    await kpiPage.goto(kpiUrl);

    const form = () => kpiPage.getByRole("form", { name: "Set a quarter's targets" });
    const goal = () => form().getByLabel("Quarter goal");
    const redFlag = () => form().getByLabel("Quarter red flag");
    await goal().waitFor();
    // A quarter ahead, so no score anywhere changes; its override is one more than the default.
    const quarter = quarterOf(2).label;
    await form().getByLabel("Quarter", { exact: true }).selectOption({ label: quarter });
    const defaults = { goal: Number(await goal().inputValue()), redFlag: Number(await redFlag().inputValue()) };
    const override = { goal: defaults.goal + 1, redFlag: defaults.redFlag + 1 };
    await goal().fill(String(override.goal));
    await redFlag().fill(String(override.redFlag));
    await form().getByRole("button", { name: "Save targets" }).click();
    const row = kpiPage.getByRole("listitem").filter({ hasText: quarter });
    await row.waitFor();
    const saved = await row.textContent();

    await kpiPage.reload();
    await form().getByLabel("Quarter", { exact: true }).selectOption({ label: quarter });
    // The form shows what the quarter holds, not the default.
    await expect.poll(async () => Number(await goal().inputValue())).toBe(override.goal);
    expect(Number(await redFlag().inputValue())).toBe(override.redFlag);
    await screenshotWidths(kpiPage, "unsaved-work-kpi");

    // Saved untouched, nothing changes.
    await Promise.all([
      kpiPage.waitForResponse((r) => r.url().includes("kpis.setTarget")),
      form().getByRole("button", { name: "Save targets" }).click(),
    ]);
    await kpiPage.reload();
    await row.waitFor();
    expect(await row.textContent()).toBe(saved);
    await form().getByLabel("Quarter", { exact: true }).selectOption({ label: quarter });
    expect(Number(await goal().inputValue())).toBe(override.goal);

    // Leaves the data as it found it.
    await kpiPage.getByRole("button", { name: `Remove the targets of ${quarter}` }).click();
    await expect.poll(() => row.count()).toBe(0);
    await kpiPage.close();
  });
});
