import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, launchBrowser, logIn, newPage, screenshot, screenshotWidths } from "./support/browser";
import { HttpSession } from "./support/http-session";
import { quarterOf } from "./support/scorecard";

let browser: Browser;
const manager = new HttpSession();
beforeAll(async () => {
  browser = await launchBrowser();
  expect(await manager.signIn("manager@example.com", DEMO_PASSWORD)).toBeNull();
});
afterAll(async () => {
  await browser?.close();
});

interface Pair {
  cycleId: string;
  teamId: string | null;
}
interface Snapshot {
  scorecard: { perspectives: { name: string; objectives: { name: string }[] }[] };
  okrs: { team: string | null }[];
}
const lastQuarter = quarterOf(-1).label;
const thisQuarter = quarterOf(0).label;
/** The organization's review of last quarter, opened from the form's default below. */
let lastQuarterReview: string | null = null;

async function reviewedPairs(): Promise<Pair[]> {
  const list = (await manager.query("reviews.list")).data as { cycleId: string; team: { id: string } | null }[];
  return list.map((r) => ({ cycleId: r.cycleId, teamId: r.team?.id ?? null }));
}
async function chosenPair(page: Page): Promise<Pair> {
  const form = page.getByRole("form", { name: "Open a review" });
  return {
    cycleId: await form.getByLabel("Cycle").inputValue(),
    teamId: (await form.getByLabel("Scope").inputValue()) || null,
  };
}
async function openReviewsPage(page: Page) {
  await page.goto("/reviews");
  await page.getByRole("form", { name: "Open a review" }).getByLabel("Cycle").waitFor();
}
const sameAs = (a: Pair) => (b: Pair) => a.cycleId === b.cycleId && a.teamId === b.teamId;

describe("opening a review", () => {
  it("starts on a cycle and scope that has no review yet, and marks the reviewed ones", async () => {
    const page = await newPage(browser);
    await logIn(page, "manager");
    await openReviewsPage(page);
    const form = page.getByRole("form", { name: "Open a review" });
    const first = await chosenPair(page);
    expect((await reviewedPairs()).some(sameAs(first))).toBe(false);
    await screenshotWidths(page, "review-flow-list");

    // The default opens, without a conflict.
    await form.getByRole("button", { name: "Open review" }).click();
    await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const opened = page.url();

    // Back on the list, the form has moved on to a pair still free.
    await openReviewsPage(page);
    await expect.poll(async () => sameAs(first)(await chosenPair(page))).toBe(false);
    expect((await reviewedPairs()).some(sameAs(await chosenPair(page)))).toBe(false);

    // The pair just opened is marked, and choosing it says so instead of answering CONFLICT.
    await form.getByLabel("Cycle").selectOption(first.cycleId);
    await form.getByLabel("Scope").selectOption(first.teamId ?? "");
    const scopeLabel = await form.getByLabel("Scope").locator("option:checked").textContent();
    expect(scopeLabel).toMatch(/— reviewed$/);
    await form.getByText("This cycle and scope has its review already", { exact: false }).waitFor();
    expect(await form.getByRole("button", { name: "Open review" }).isDisabled()).toBe(true);

    const cycles = (await manager.query("cycles.list")).data as { id: string; name: string }[];
    if (first.teamId === null && cycles.find((c) => c.id === first.cycleId)?.name === lastQuarter) {
      lastQuarterReview = opened;
    }
    await page.context().close();
  });
});

describe("a team review", () => {
  it("shows the team's part of the scorecard and OKRs, not the whole organization's", async () => {
    const cycles = (await manager.query("cycles.list")).data as { id: string; name: string }[];
    const teams = (await manager.query("teams.list")).data as { id: string; name: string }[];
    const cycleId = cycles.find((c) => c.name === thisQuarter)?.id;
    const sales = teams.find((t) => t.name === "Sales");
    const success = teams.find((t) => t.name === "Customer Success");
    expect(cycleId && sales && success).toBeTruthy();

    const page = await newPage(browser);
    await logIn(page, "manager");
    await openReviewsPage(page);
    const form = page.getByRole("form", { name: "Open a review" });
    await form.getByLabel("Cycle").selectOption(cycleId ?? "");
    await form.getByLabel("Scope").selectOption(sales?.id ?? "");
    await form.getByRole("button", { name: "Open review" }).click();
    await page.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: `${thisQuarter} review — Sales` }).waitFor();
    const teamReviewId = page.url().split("/").pop() ?? "";

    const snapshotOf = async (reviewId: string | null) =>
      ((await manager.query("reviews.get", { reviewId })).data as { snapshot: Snapshot }).snapshot;
    const team = await snapshotOf(teamReviewId);
    const opened = await manager.mutate("reviews.open", { cycleId, teamId: success?.id });
    expect(opened.status).toBe(200);
    const other = await snapshotOf((opened.data as { id: string }).id);
    const whole = (await manager.query("reviews.list")).data as { id: string; cycleName: string; team: unknown }[];
    const names = (s: Snapshot) => s.scorecard.perspectives.flatMap((p) => p.objectives.map((o) => o.name));

    // Sales' objectives only, and its part of the scorecard; Customer Success has its own.
    expect(team.okrs.length).toBeGreaterThan(0);
    expect(team.okrs.every((o) => o.team === "Sales")).toBe(true);
    expect(other.okrs.every((o) => o.team === "Customer Success")).toBe(true);
    expect(names(team).length).toBeGreaterThan(0);
    expect(names(team)).not.toEqual(names(other));
    const organization = whole.find((r) => r.cycleName === lastQuarter && r.team === null);
    if (organization) {
      // Smaller than the organization's scorecard.
      expect(names(team).length).toBeLessThan(names(await snapshotOf(organization.id)).length);
    }

    // The page shows a section for each of the team's perspectives, and no other.
    const shown = await page.locator("section[aria-labelledby^='perspective-'] h3").allTextContents();
    expect(shown).toEqual(team.scorecard.perspectives.map((p) => p.name));
    await screenshotWidths(page, "review-flow-team-review");
    await page.context().close();
  });
});

describe("finalizing", () => {
  it("warns how much of a running cycle has passed, and asks plainly once it has ended", async () => {
    const cycles = (await manager.query("cycles.list")).data as {
      id: string;
      name: string;
      startsOn: string;
      endsOn: string;
    }[];
    const teams = (await manager.query("teams.list")).data as { id: string; name: string }[];
    const current = cycles.find((c) => c.name === thisQuarter);
    const opened = await manager.mutate("reviews.open", {
      cycleId: current?.id,
      teamId: teams.find((t) => t.name === "Engineering")?.id,
    });
    expect(opened.status).toBe(200);
    const running = opened.data as { id: string };

    const page = await newPage(browser);
    await logIn(page, "manager");
    await page.goto(`/reviews/${running.id}`);
    await page.getByRole("button", { name: "Finalize review" }).click();
    // Worked out here from the cycle's dates: start of its first day to the end of its last.
    const start = Date.parse(`${current?.startsOn}T00:00:00Z`);
    const end = Date.parse(`${current?.endsOn}T00:00:00Z`) + 86_400_000;
    const percent = Math.floor(((Date.now() - start) / (end - start)) * 100);
    const question = page.getByRole("group", { name: /has passed — finalize anyway\?/ });
    await question.waitFor();
    const text = (await question.locator("legend").textContent()) ?? "";
    const shown = Number(/^(\d+) % of /.exec(text)?.[1]);
    expect(text).toContain(`% of ${thisQuarter} has passed — finalize anyway?`);
    expect(Math.abs(shown - percent)).toBeLessThanOrEqual(1);
    await screenshot(page, "review-flow-finalize-early");
    // Withdrawn: the review stays open.
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await page.getByRole("button", { name: "Finalize review" }).count()).toBe(1);

    // Last quarter has ended: no warning.
    const reviews = (await manager.query("reviews.list")).data as { id: string; cycleName: string; status: string }[];
    const ended = reviews.find((r) => r.cycleName === lastQuarter && r.status === "open");
    expect(ended, "an open review of last quarter").toBeTruthy();
    await page.goto(`/reviews/${ended?.id}`);
    await page.getByRole("button", { name: "Finalize review" }).click();
    await page
      .getByRole("group", { name: "Finalize? Commentary and actions of this review become read-only." })
      .waitFor();
    expect(await page.getByText("finalize anyway?", { exact: false }).count()).toBe(0);
    await page.context().close();
  });
});

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../artifacts/screenshots");
/** A4 at 96 px per inch, less the print stylesheet's 15 mm margins. */
const MM = 96 / 25.4;
const PAGE_WIDTH = Math.round((210 - 30) * MM);
const PAGE_HEIGHT = (297 - 30) * MM;

describe("the A4 print", () => {
  it("is compact: few pages, none forced to stay mostly blank", async () => {
    const reviews = (await manager.query("reviews.list")).data as {
      id: string;
      cycleName: string;
      team: unknown;
    }[];
    const reviewId =
      lastQuarterReview?.split("/").pop() ??
      reviews.find((r) => r.cycleName === lastQuarter && r.team === null)?.id ??
      reviews.find((r) => r.team === null)?.id;
    expect(reviewId, "an organization review to print").toBeTruthy();

    const page = await newPage(browser);
    await logIn(page, "manager");
    await page.goto(`/reviews/${reviewId}/print`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const pdf = await page.pdf({ format: "A4" });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

    // What the content needs: its height laid out for print on the page's width.
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: PAGE_WIDTH, height: Math.round(PAGE_HEIGHT) });
    const layout = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLElement>("body *")];
      const top = (el: Element) => el.getBoundingClientRect().top + window.scrollY;
      // Where a page must end, by a forced break before or after an element.
      const breaks = all
        .flatMap((el) => {
          const style = getComputedStyle(el);
          const at: number[] = [];
          if (["page", "always", "left", "right"].includes(style.breakBefore)) at.push(top(el));
          if (["page", "always", "left", "right"].includes(style.breakAfter))
            at.push(el.getBoundingClientRect().bottom + window.scrollY);
          return at;
        })
        .sort((a, b) => a - b);
      return { height: document.documentElement.scrollHeight, breaks };
    });
    const needed = Math.ceil(layout.height / PAGE_HEIGHT);
    expect(pages).toBeGreaterThan(0);
    // Unbreakable blocks may push a little onto the next page; more than one page beyond is waste.
    expect(pages).toBeLessThanOrEqual(needed + 1);
    // The demo organization's review: four perspectives, their KPIs, actions and OKRs, in a few pages.
    expect(pages).toBeLessThanOrEqual(5);
    // A forced break may only end a chunk that fills at least half a page.
    const edges = [0, ...layout.breaks, layout.height];
    for (let i = 1; i < edges.length - 1; i++) {
      expect((edges[i] ?? 0) - (edges[i - 1] ?? 0)).toBeGreaterThanOrEqual(PAGE_HEIGHT / 2);
    }
    await screenshot(page, "review-flow-print-emulated");
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(path.join(SCREENSHOTS, "review-flow-print.pdf"), pdf);
    renderPages(pdf);
    await page.context().close();
  });
});

/** For a person to look at: each PDF page as a PNG beside the screenshots, where poppler's pdftoppm is installed. */
function renderPages(pdf: Buffer) {
  const pdftoppm = "/usr/bin/pdftoppm";
  if (!existsSync(pdftoppm)) return;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "review-pdf-")), "review.pdf");
  writeFileSync(file, pdf);
  execFileSync(pdftoppm, ["-png", "-r", "60", file, path.join(SCREENSHOTS, "review-flow-print-page")]);
}
