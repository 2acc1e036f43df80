import type { KpiFrequency } from "./kpi-definition";

/**
 * Reporting periods on UTC calendar dates ("YYYY-MM-DD"). A period is named by
 * its first day: weeks start on Monday, months on the 1st, quarters on
 * January, April, July and October 1st. The scorecard is scored per quarter.
 */
export interface Period {
  start: string;
  /** Inclusive last day. */
  end: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Today's date in UTC, "YYYY-MM-DD": the day periods and quarters are read from. */
export const todayIso = (now: Date = new Date()) => iso(now);
const parse = (day: string) => new Date(`${day}T00:00:00.000Z`);

export function periodContaining(day: string, frequency: KpiFrequency): Period {
  const d = parse(day);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (frequency) {
    case "weekly": {
      const offset = (d.getUTCDay() + 6) % 7; // days since Monday
      const start = new Date(Date.UTC(y, m, d.getUTCDate() - offset));
      return { start: iso(start), end: iso(new Date(start.getTime() + 6 * 86_400_000)) };
    }
    case "monthly":
      return { start: iso(new Date(Date.UTC(y, m, 1))), end: iso(new Date(Date.UTC(y, m + 1, 0))) };
    case "quarterly": {
      const q = Math.floor(m / 3) * 3;
      return { start: iso(new Date(Date.UTC(y, q, 1))), end: iso(new Date(Date.UTC(y, q + 3, 0))) };
    }
  }
}

export const quarterContaining = (day: string): Period => periodContaining(day, "quarterly");

/** The quarter `offset` quarters away from the one holding `day` (−1: the previous one). */
export function quarterAt(day: string, offset: number): Period {
  const d = parse(quarterContaining(day).start);
  return quarterContaining(iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3 * offset, 1))));
}

/** The `count` quarters ending with the one holding `day`, oldest first. */
export function quartersEndingAt(day: string, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => quarterAt(day, i - count + 1));
}

/** "Q3 2026" */
export function quarterLabel(period: Period | string): string {
  const start = typeof period === "string" ? period : period.start;
  const d = parse(start);
  return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
}

/** A period's short label for a KPI's own frequency: "2026-W14"-free, readable forms: "6 Apr 2026", "Apr 2026", "Q2 2026". */
export function periodLabel(start: string, frequency: KpiFrequency): string {
  const d = parse(start);
  const month = d.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  switch (frequency) {
    case "weekly":
      return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
    case "monthly":
      return `${month} ${d.getUTCFullYear()}`;
    case "quarterly":
      return quarterLabel(start);
  }
}

export const isWithin = (day: string, period: Period) => day >= period.start && day <= period.end;

/** The reporting periods of a frequency that start inside `range`, oldest first. */
export function periodsWithin(range: Period, frequency: KpiFrequency): Period[] {
  const out: Period[] = [];
  let p = periodContaining(range.start, frequency);
  if (p.start < range.start) p = periodContaining(iso(new Date(parse(p.end).getTime() + 86_400_000)), frequency);
  while (p.start <= range.end) {
    out.push(p);
    p = periodContaining(iso(new Date(parse(p.end).getTime() + 86_400_000)), frequency);
  }
  return out;
}

/** Fraction of `period` elapsed at `now` (0–1). */
export function elapsedFraction(period: Period, now: Date): number {
  const start = parse(period.start).getTime();
  const end = parse(period.end).getTime() + 86_400_000;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

const QUARTER = /^(\d{4})-?Q([1-4])$/i;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a period as people write it in a spreadsheet — "2026-07-01", "2026-07"
 * or "2026-Q3" — and names it by its first day for the KPI's frequency.
 * A date inside a period names that period. Returns null when unreadable.
 */
export function parsePeriod(text: string, frequency: KpiFrequency): string | null {
  const s = text.trim();
  let day: string | null = null;
  const q = QUARTER.exec(s);
  const m = MONTH.exec(s);
  const d = DAY.exec(s);
  if (q) day = `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
  else if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) day = `${m[1]}-${m[2]}-01`;
  else if (d) {
    const date = parse(s);
    if (Number.isNaN(date.getTime()) || iso(date) !== s) return null;
    day = s;
  }
  if (!day || day < "1900-01-01" || day > "2999-12-31") return null;
  return periodContaining(day, frequency).start;
}
