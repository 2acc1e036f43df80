import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

let counter = 0;
/** A suffix that keeps names unique across test files sharing one app database. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A calendar quarter relative to today (0 = the current one, -1 = the last finished one). */
export function quarterOf(offset: number, today = new Date()) {
  const q = Math.floor(today.getUTCMonth() / 3) + offset;
  const year = today.getUTCFullYear() + Math.floor(q / 4);
  const index = ((q % 4) + 4) % 4;
  const months = [0, 1, 2].map((i) => index * 3 + i);
  const pad = (n: number) => String(n + 1).padStart(2, "0");
  return {
    /** "Q3 2026": the quarter's label and the demo cycle's name. */
    label: `Q${index + 1} ${year}`,
    start: `${year}-${pad(index * 3)}-01`,
    /** "2026-07", as a CSV or a push names a month. */
    months: months.map((m) => `${year}-${pad(m)}`),
    /** "Jul 2026", as the KPI page labels a month. */
    monthLabels: months.map((m) => `${MONTHS[m]} ${year}`),
  };
}

/**
 * The goal / red-flag score of DESIGN.md, written out here on purpose rather
 * than imported, so the test checks the app against the documented formula.
 */
export function expectedScore(actual: number, goal: number, redFlag: number) {
  const d = goal - redFlag;
  const score = Math.min(10, Math.max(0, (10 * (actual - (redFlag - d))) / (3 * d)));
  const status = score < 10 / 3 ? "Red" : score < 20 / 3 ? "Amber" : "Green";
  return { score, shown: score.toFixed(1), status };
}

export interface NewKpi {
  name: string;
  unit: string;
  direction: "Higher is better" | "Lower is better";
  frequency: "Weekly" | "Monthly" | "Quarterly";
  aggregation: "Sum" | "Average" | "Last value";
  goal: number;
  redFlag: number;
  owner: string;
  /** The strategic objective's name, or null to leave the KPI off the scorecard. */
  strategicObjective: string | null;
  description?: string;
}

/** Creates a KPI through /kpis/new as a person would; returns its page's URL. */
export async function createKpi(
  page: Page,
  kpi: NewKpi,
  /** Runs once the form is filled in, before it is sent. */
  beforeSubmit?: (form: Locator) => Promise<void>,
): Promise<string> {
  await page.goto("/kpis/new");
  const form = page.getByRole("form", { name: "Create KPI" });
  await form.getByLabel("Name", { exact: true }).fill(kpi.name);
  if (kpi.description) await form.getByLabel("Description", { exact: true }).fill(kpi.description);
  await form.getByLabel("Unit", { exact: true }).fill(kpi.unit);
  await form.getByLabel("Direction", { exact: true }).selectOption({ label: kpi.direction });
  await form.getByLabel("Frequency", { exact: true }).selectOption({ label: kpi.frequency });
  await form.getByLabel("Aggregation", { exact: true }).selectOption({ label: kpi.aggregation });
  await form.getByLabel("Goal", { exact: true }).fill(String(kpi.goal));
  await form.getByLabel("Red flag", { exact: true }).fill(String(kpi.redFlag));
  const owner = form.getByLabel("Owner", { exact: true });
  await expect.poll(() => owner.locator("option").allTextContents()).toContain(kpi.owner);
  await owner.selectOption({ label: kpi.owner });
  const objective = form.getByLabel("Strategic objective", { exact: true });
  if (kpi.strategicObjective) {
    await expect.poll(() => objective.locator("option").allTextContents()).toContain(kpi.strategicObjective);
    await objective.selectOption({ label: kpi.strategicObjective });
  }
  await beforeSubmit?.(form);
  await form.getByRole("button", { name: "Create KPI" }).click();
  await page.waitForURL(/\/kpis\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { level: 1, name: kpi.name }).waitFor();
  return page.url();
}

/** A row of the scorecard tree table (objective or KPI), found by the name it shows. */
export function scorecardRow(page: Page, name: string): Locator {
  return page
    .getByRole("table", { name: /^Balanced scorecard for / })
    .getByRole("row")
    .filter({ has: page.getByText(name, { exact: true }) });
}

/** Opens a strategic objective's row of the scorecard: its KPIs load then. */
export async function openScorecardObjective(page: Page, objective: string): Promise<void> {
  const table = page.getByRole("table", { name: /^Balanced scorecard for / });
  await table.getByRole("button", { name: `Expand ${objective}` }).click();
  await table.getByRole("button", { name: `Collapse ${objective}` }).waitFor();
  await expect.poll(() => table.getByText("Loading KPIs…").count()).toBe(0);
}

/** What a scorecard row shows: actual, goal (with its red flag), score and status, as text. */
export async function scorecardCells(row: Locator) {
  const cells = row.getByRole("cell");
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText keeps the goal and its red flag on separate lines.
  const text = async (i: number) => (await cells.nth(i).innerText()).replace(/\s+/g, " ").trim();
  return { actual: await text(0), goal: await text(1), score: await text(2), status: await text(3) };
}

/** A few rows of RFC 4180 CSV (quoted fields, doubled quotes, CRLF), enough to read an export in a test. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
