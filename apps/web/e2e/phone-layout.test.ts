import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, type DemoRole, HOME, launchBrowser, logIn, screenshot } from "./support/browser";
import { resolveStop, TOUR } from "./support/tour";

/**
 * Every page on a phone (390 × 844) and a laptop (1440 × 900): the page itself
 * never scrolls sideways, a wide table or board scrolls inside its own box,
 * which says so and can be scrolled by keyboard, and the main navigation folds
 * into a menu on the phone and is shown in full on the laptop.
 */
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };

let browser: Browser;
const pages = new Map<string, Page>();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pageFor(role: DemoRole | null, viewport: { width: number; height: number }): Promise<Page> {
  const key = `${role}-${viewport.width}`;
  const existing = pages.get(key);
  if (existing) return existing;
  const context = await browser.newContext({ baseURL: baseURL(), viewport });
  const page = await context.newPage();
  if (role) await logIn(page, role);
  pages.set(key, page);
  return page;
}

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForLoadState("networkidle");
}

/** How far the page itself is wider than the window (0 when it does not scroll sideways). */
const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Everything that scrolls sideways, or is wider than the window: each must be
 * a scroll box (focusable, named, with its hint showing). Form controls scroll
 * their own text and do not count.
 */
function sidewaysScrollers(page: Page) {
  return page.evaluate(() => {
    const found: { what: string; inBox: boolean; focusable: boolean; named: boolean; hint: boolean }[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute("aria-label") ? `[${el.getAttribute("aria-label")}]` : ""}.${(el.className || "").toString().slice(0, 60)}`;
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      if (["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName)) continue;
      const style = getComputedStyle(el);
      const scrolls = ["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      const isTable = el.tagName === "TABLE";
      const tooWide = isTable && el.getBoundingClientRect().right > window.innerWidth + 1;
      if (!scrolls && !tooWide) continue;
      const box = el.closest<HTMLElement>("[data-scroll-box]");
      const scroller = box?.querySelector<HTMLElement>("[data-scroll-region]") ?? null;
      const hint = box?.querySelector<HTMLElement>("[data-scroll-hint]") ?? null;
      const hintRect = hint?.getBoundingClientRect();
      found.push({
        what: describe(el),
        inBox: !!scroller && (scroller === el || scroller.contains(el)),
        focusable: scroller?.tabIndex === 0,
        named: !!(scroller?.getAttribute("aria-label") || scroller?.getAttribute("aria-labelledby")),
        hint: !!hint && hint.checkVisibility() && !!hintRect && hintRect.width > 0 && hintRect.height > 0,
      });
    }
    return found;
  });
}

async function expectScrollBoxes(page: Page) {
  // The hint appears once the box has measured itself after hydration.
  await expect
    .poll(async () => (await sidewaysScrollers(page)).filter((s) => !(s.inBox && s.focusable && s.named && s.hint)))
    .toEqual([]);
  // What axe says of the same: a scrolling box can be reached by keyboard; each named box is told apart.
  const results = await new AxeBuilder({ page })
    .withRules(["scrollable-region-focusable", "landmark-unique"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

describe("every page on a phone", () => {
  for (const stop of TOUR) {
    it(`${stop.name} at 390px has no sideways page scroll; wide tables scroll in a box with a hint`, async () => {
      const page = await pageFor(stop.role, PHONE);
      await open(page, await resolveStop(page, stop.path));
      await screenshot(page, `phone-${stop.name}-390`);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await expectScrollBoxes(page);
    });
  }

  it("shows an objective's title across the phone, not one word per line", async () => {
    const page = await pageFor("admin", PHONE);
    await open(page, await resolveStop(page, TOUR.find((s) => s.name === "objective")?.path ?? "/"));
    const heading = await page.getByRole("heading", { level: 1 }).evaluate((h) => {
      const rect = h.getBoundingClientRect();
      const lineHeight = Number.parseFloat(getComputedStyle(h).lineHeight);
      return {
        width: rect.width,
        lines: Math.round(rect.height / lineHeight),
        words: (h.textContent ?? "").trim().split(/\s+/).length,
      };
    });
    expect(heading.width).toBeGreaterThan(PHONE.width * 0.6);
    if (heading.words > 1) expect(heading.lines).toBeLessThan(heading.words);
  });

  it("shows the team boards in a box that says it scrolls, and scrolls by keyboard", async () => {
    const page = await pageFor("admin", PHONE);
    await open(page, "/okrs?view=board");
    const box = page.getByRole("region", { name: /team boards/i });
    await expect.poll(() => box.getAttribute("tabindex")).toBe("0");
    const hint = page.locator("[data-scroll-box]", { has: box }).locator("[data-scroll-hint]");
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toMatch(/scroll/i);
    await box.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  for (const role of ["admin", "manager", "member", "viewer"] as const) {
    it(`folds the navigation into a menu the ${role} works by keyboard, with Log out inside the screen`, async () => {
      const page = await pageFor(role, PHONE);
      await open(page, HOME[role]);
      const nav = page.getByRole("navigation", { name: "Main" });
      const menu = page.getByRole("button", { name: "Menu" });
      expect(await menu.getAttribute("aria-expanded")).toBe("false");
      expect(await nav.getByRole("link", { name: "Dashboard" }).isVisible()).toBe(false);

      await menu.focus();
      await page.keyboard.press("Enter");
      await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("true");
      expect(await nav.getByRole("link", { name: "Dashboard" }).isVisible()).toBe(true);
      // Focus moved into the menu, at its first link.
      expect(await page.evaluate(() => document.activeElement?.closest("nav")?.getAttribute("aria-label"))).toBe(
        "Main",
      );
      const logOut = page.getByRole("button", { name: "Log out" });
      expect(await logOut.isVisible()).toBe(true);
      const box = await logOut.boundingBox();
      expect(box).not.toBeNull();
      if (box) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
        expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
        // A finger-sized target.
        expect(box.height).toBeGreaterThanOrEqual(40);
      }
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `phone-menu-${role}-390`);

      await page.keyboard.press("Escape");
      await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
      expect(await nav.getByRole("link", { name: "Dashboard" }).isVisible()).toBe(false);
      expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

      // Space opens it too, and following a link closes it on the next page.
      await page.keyboard.press(" ");
      await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("true");
      await nav.getByRole("link", { name: "KPIs" }).click();
      await page.waitForURL("**/kpis");
      await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    });
  }
});

describe("every page on a laptop", () => {
  for (const stop of TOUR) {
    it(`${stop.name} at 1440px has no sideways page scroll; wide tables scroll in a box with a hint`, async () => {
      const page = await pageFor(stop.role, LAPTOP);
      await open(page, await resolveStop(page, stop.path));
      await screenshot(page, `phone-${stop.name}-1440`);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await expectScrollBoxes(page);
    });
  }

  // 1280 is where the menu unfolds (--breakpoint-nav): a new entry that does not fit there fails here.
  it.each([1280, LAPTOP.width])(
    "shows the whole navigation in one row at %ipx, without a menu button",
    async (width) => {
      const page = await pageFor("admin", LAPTOP);
      await page.setViewportSize({ width, height: LAPTOP.height });
      await open(page, "/admin");
      expect(await page.getByRole("button", { name: "Menu" }).isVisible()).toBe(false);
      const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
      const tops = await links.evaluateAll((all) =>
        all.map((a) => (a.checkVisibility() ? Math.round(a.getBoundingClientRect().top) : -1)),
      );
      expect(tops.length).toBeGreaterThanOrEqual(10);
      expect(new Set(tops).size).toBe(1);
      expect(tops[0]).toBeGreaterThanOrEqual(0);
      expect(await page.getByRole("button", { name: "Log out" }).isVisible()).toBe(true);
      // Nothing in the header is pushed past its edge; its last control ends inside the window.
      const header = page.locator("header").first();
      expect(await header.evaluate((h) => h.scrollWidth - h.clientWidth)).toBeLessThanOrEqual(0);
      const logOut = await page.getByRole("button", { name: "Log out" }).boundingBox();
      expect((logOut?.x ?? Number.POSITIVE_INFINITY) + (logOut?.width ?? 0)).toBeLessThanOrEqual(width);
      await page.setViewportSize(LAPTOP);
    },
  );
});
