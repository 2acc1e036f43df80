import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, launchBrowser, logIn, newPage, screenshotWidths } from "./support/browser";
import { HttpSession } from "./support/http-session";

/**
 * The weekly check-in, done with the keyboard alone: Tab to the first due row, type, Enter saves
 * and moves on, Escape puts a row back, Skip leaves a row due. The member's key results come from
 * this file (an objective of their own with four key results, never checked in), so whatever other
 * files checked in before, there is something due; the objective is archived at the end.
 */
let browser: Browser;
const suffix = randomUUID().slice(0, 8);
// Digits sort before letters: this objective's rows come first in the queue (ordered by objective title).
const OBJECTIVE = `0 Weekly drill ${suffix}`;
const KR = ["Calls booked", "Demos given", "Trials started", "Deals closed"].map((t) => `${t} ${suffix}`);
let objectiveId = "";
let objectiveVersion = 0;
const keyResultIds = new Map<string, string>();
const member = new HttpSession();
const admin = new HttpSession();
// A monthly KPI of the member's, made here so the owed-actuals list has a row to enter inline.
const KPI = `Drill bookings ${suffix}`;
let kpi: { id: string; version: number } | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  expect(await member.signIn("member@example.com", DEMO_PASSWORD)).toBeNull();
  const cycle = await member.query("cycles.current");
  const cycleId = (cycle.data as { id: string } | null)?.id;
  if (!cycleId) throw new Error("the demo has no current cycle");
  const created = await member.mutate("objectives.create", {
    cycleId,
    level: "personal",
    title: OBJECTIVE,
    publish: true,
    keyResults: KR.map((title) => ({ title, type: "increase_to", startValue: 0, targetValue: 100 })),
  });
  expect(created.error).toBeNull();
  const objective = created.data as {
    id: string;
    version: number;
    status: string;
    keyResults: { id: string; title: string }[];
  };
  for (const kr of objective.keyResults) keyResultIds.set(kr.title, kr.id);
  expect(objective.status).toBe("active");
  objectiveId = objective.id;
  objectiveVersion = objective.version;

  expect(await admin.signIn("admin@example.com", DEMO_PASSWORD)).toBeNull();
  const me = await member.query("me.get");
  const made = await admin.mutate("kpis.create", {
    name: KPI,
    unit: "",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    goal: 100,
    redFlag: 50,
    ownerId: (me.data as { user: { id: string } }).user.id,
  });
  expect(made.error).toBeNull();
  kpi = made.data as { id: string; version: number };
});

afterAll(async () => {
  // Later files see the member's OKRs as they were.
  if (objectiveId) {
    const current = await member.query("objectives.get", { objectiveId });
    const version = (current.data as { objective?: { version: number } } | undefined)?.objective?.version;
    await member.mutate("objectives.archive", { objectiveId, version: version ?? objectiveVersion });
  }
  if (kpi) await admin.mutate("kpis.archive", { kpiId: kpi.id, version: kpi.version });
  await browser?.close();
});

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab until the target has focus, failing after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 200): Promise<void> {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

const rowForm = (page: Page, title: string) => page.getByRole("form", { name: `Check in on ${title}` });
const valueBox = (page: Page, title: string) => rowForm(page, title).getByLabel("New value");
const rowOf = (page: Page, title: string) =>
  page.getByRole("listitem").filter({ has: page.getByText(title, { exact: true }) });

/** Selects what the focused box holds and types over it, as a person does with the keyboard. */
async function typeOver(page: Page, text: string) {
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("the weekly check-in", () => {
  it("is in the main navigation and linked from My OKRs", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    const link = page.getByRole("link", { name: "Do the weekly check-in" });
    await link.waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Check in" }).count()).toBe(
      1,
    );
    await tabTo(page, link);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/check-in");
    await page.getByRole("heading", { level: 1, name: "Check in" }).waitFor();
    await page.context().close();
  });

  it("is done with the keyboard alone: three saved with Enter, one put back with Escape, one skipped", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await page.goto("/check-in");
    await page.getByRole("list", { name: "Key results due" }).waitFor();
    for (const title of KR) await rowForm(page, title).waitFor();
    await screenshotWidths(page, "weekly-check-in");
    expect(await seriousViolations(page)).toEqual([]);

    // Tab from the top of the page to the first row's value.
    await tabTo(page, valueBox(page, KR[0] as string));

    // Escape puts a row back: the typed value goes, the progress shown with it too.
    await typeOver(page, "80");
    const typedBar = page.getByRole("progressbar", { name: `${KR[0]}, as typed` });
    await expect.poll(() => typedBar.getAttribute("aria-valuenow")).toBe("80");
    await page.keyboard.press("Escape");
    await expect.poll(() => valueBox(page, KR[0] as string).inputValue()).toBe("0");
    await expect.poll(() => typedBar.getAttribute("aria-valuenow")).toBe("0");
    expect(await isFocused(valueBox(page, KR[0] as string))).toBe(true);

    // Row 1: value, Tab to the confidence slider, arrows, Tab to the comment, Enter saves.
    await typeOver(page, "30");
    await expect.poll(() => typedBar.getAttribute("aria-valuenow")).toBe("30");
    await page.keyboard.press("Tab");
    const slider = rowForm(page, KR[0] as string).getByRole("slider", { name: "Confidence" });
    expect(await isFocused(slider)).toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => slider.getAttribute("aria-valuetext")).toBe("7 of 10, high");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Two new partners");
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        rowOf(page, KR[0] as string)
          .getByText(/^Saved · 30/)
          .count(),
      )
      .toBe(1);
    // The focus moved on to the next row's value.
    await expect.poll(() => isFocused(valueBox(page, KR[1] as string))).toBe(true);

    // Row 2: value only, Enter at once.
    await typeOver(page, "45");
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        rowOf(page, KR[1] as string)
          .getByText(/^Saved · 45/)
          .count(),
      )
      .toBe(1);
    await expect.poll(() => isFocused(valueBox(page, KR[2] as string))).toBe(true);

    // Row 3: skipped — Tab to its Skip button (past the slider, comment, Save and Cancel) and Enter.
    await tabTo(page, rowForm(page, KR[2] as string).getByRole("button", { name: `Skip ${KR[2]}` }), 8);
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        rowOf(page, KR[2] as string)
          .getByText("Skipped: still due.")
          .count(),
      )
      .toBe(1);
    await expect.poll(() => isFocused(valueBox(page, KR[3] as string))).toBe(true);

    // Row 4: value, confidence down with the arrows, Enter.
    await typeOver(page, "12");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        rowOf(page, KR[3] as string)
          .getByText(/^Saved · 12 · confidence 4\/10/)
          .count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByText(/3 of \d+ saved/).count()).toBe(1);
    await screenshotWidths(page, "weekly-check-in-saved");
    expect(await seriousViolations(page)).toEqual([]);

    // My OKRs shows the new values; the skipped key result is still due there, and here on a new visit.
    await page.goto("/my");
    const card = page.getByRole("article", { name: OBJECTIVE });
    await card.waitFor();
    await expect.poll(() => card.getByText("now 30").count()).toBeGreaterThan(0);
    await expect.poll(() => card.getByText("now 45").count()).toBeGreaterThan(0);
    await expect.poll(() => card.getByText("now 12").count()).toBeGreaterThan(0);
    const due = page.getByRole("list", { name: "Check-ins due" });
    expect(await due.getByText(KR[2] as string, { exact: true }).count()).toBe(1);
    expect(await due.getByText(KR[0] as string, { exact: true }).count()).toBe(0);

    await page.goto("/check-in");
    await rowForm(page, KR[2] as string).waitFor();
    expect(await rowForm(page, KR[0] as string).count()).toBe(0);
    await page.context().close();
  });

  it("keeps what was typed in a row when the page is left, and gives it back", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await page.goto("/check-in");
    await tabTo(page, valueBox(page, KR[2] as string));
    await typeOver(page, "64");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Half way there");
    // The draft is written after the keystroke; leave without saving (a reload asks nothing of a test).
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("check-in:")).length))
      .toBeGreaterThan(0);
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto("/dashboard");
    await page.goto("/check-in");
    await expect.poll(() => valueBox(page, KR[2] as string).inputValue()).toBe("64");
    expect(
      await rowForm(page, KR[2] as string)
        .getByLabel("Comment")
        .inputValue(),
    ).toBe("Half way there");
    // Escape drops it for good.
    await valueBox(page, KR[2] as string).focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => valueBox(page, KR[2] as string).inputValue()).toBe("0");
    await page.reload();
    await expect.poll(() => valueBox(page, KR[2] as string).inputValue()).toBe("0");
    await page.context().close();
  });

  it("shows a stale row's conflict in the row and keeps what was typed", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await page.goto("/check-in");
    await rowForm(page, KR[2] as string).waitFor();
    // Someone checks in on it after the page was read (here: the member, from another tab).
    const other = await member.mutate("checkIns.create", {
      keyResultId: keyResultIds.get(KR[2] as string),
      value: 50,
      confidence: 5,
      comment: "",
      idempotencyKey: randomUUID(),
    });
    expect(other.error).toBeNull();

    await tabTo(page, valueBox(page, KR[2] as string));
    await typeOver(page, "70");
    await page.keyboard.press("Enter");
    const alert = rowForm(page, KR[2] as string).getByRole("alert");
    await expect.poll(() => alert.textContent()).toMatch(/Someone else checked in.*now 50/);
    expect(await valueBox(page, KR[2] as string).inputValue()).toBe("70");
    // Saving again is a knowing addition after theirs.
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        rowOf(page, KR[2] as string)
          .getByText(/^Saved · 70/)
          .count(),
      )
      .toBe(1);
    await page.context().close();
  });

  it("enters a KPI's owed actual inline with the keyboard", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await page.goto("/check-in");
    const owed = page.getByRole("list", { name: "KPI actuals owed" });
    const form = owed.getByRole("form", { name: new RegExp(`^Actual of ${KPI} for `) });
    await tabTo(page, form.getByRole("spinbutton"));
    await page.keyboard.type("77");
    await page.keyboard.press("Enter");
    await expect.poll(() => owed.getByText(/^Saved · 77 for /).count()).toBe(1);
    // Owed no more: gone from the list on the next visit.
    await page.reload();
    await page.getByRole("heading", { name: "KPI actuals owed" }).waitFor();
    expect(await page.getByText(KPI, { exact: true }).count()).toBe(0);
    await page.context().close();
  });

  it("lists the member's owed KPI actuals and assigned corrective actions, each reachable by keyboard", async () => {
    const page = await newPage(browser);
    await logIn(page, "member");
    await page.goto("/check-in");
    await page.getByRole("heading", { name: "KPI actuals owed" }).waitFor();
    await page.getByRole("heading", { name: "Corrective actions assigned to me" }).waitFor();
    const controls = page.locator(
      "main :is(a[href], button, input, select, textarea):not([disabled]):not([tabindex='-1'])",
    );
    const count = await controls.count();
    expect(count).toBeGreaterThan(0);
    // Every control of the page takes the focus from Tab.
    const reached = new Set<number>();
    await page.locator("body").focus();
    for (let i = 0; i < count * 2 + 40 && reached.size < count; i++) {
      await page.keyboard.press("Tab");
      const index = await controls.evaluateAll((els) => (els as Element[]).indexOf(document.activeElement as Element));
      if (index >= 0) reached.add(index);
    }
    expect(reached.size).toBe(count);
    await page.context().close();
  });

  it("is not there for a viewer, who checks in on nothing", async () => {
    const page = await newPage(browser);
    await logIn(page, "viewer");
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Check in" }).count()).toBe(
      0,
    );
    const response = await page.goto("/check-in");
    expect(response?.status()).toBe(404);
    await page.context().close();
  });
});
