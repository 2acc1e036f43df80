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

// Period arithmetic runs on strings and integers, never Date objects: scoring calls it for
// every actual of every KPI in every quarter shown, where a Date per call was most of the cost.

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const dayOf = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const yearOf = (day: string) => Number(day.slice(0, 4));
const monthOf = (day: string) => Number(day.slice(5, 7));
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31));

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The civil date of a day count since 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return dayOf(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

const dayNumber = (day: string) => daysFromCivil(yearOf(day), monthOf(day), Number(day.slice(8, 10)));
const nextDay = (day: string) => civilFromDays(dayNumber(day) + 1);

/** A month `offset` months from (y, m), as [year, month]. */
function addMonths(y: number, m: number, offset: number): [number, number] {
  const index = y * 12 + (m - 1) + offset;
  return [Math.floor(index / 12), (index % 12) + 1];
}

export function periodContaining(day: string, frequency: KpiFrequency): Period {
  const y = yearOf(day);
  const m = monthOf(day);
  switch (frequency) {
    case "weekly": {
      const n = dayNumber(day);
      const start = n - ((n + 3) % 7); // 1970-01-05 was a Monday
      return { start: civilFromDays(start), end: civilFromDays(start + 6) };
    }
    case "monthly":
      return { start: dayOf(y, m, 1), end: dayOf(y, m, daysInMonth(y, m)) };
    case "quarterly": {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { start: dayOf(y, first, 1), end: dayOf(y, first + 2, daysInMonth(y, first + 2)) };
    }
  }
}

export const quarterContaining = (day: string): Period => periodContaining(day, "quarterly");

/** The quarter `offset` quarters away from the one holding `day` (−1: the previous one). */
export function quarterAt(day: string, offset: number): Period {
  const start = quarterContaining(day).start;
  const [y, m] = addMonths(yearOf(start), monthOf(start), 3 * offset);
  return quarterContaining(dayOf(y, m, 1));
}

/** The `count` quarters ending with the one holding `day`, oldest first. */
export function quartersEndingAt(day: string, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => quarterAt(day, i - count + 1));
}

/** "Q3 2026" */
export function quarterLabel(period: Period | string): string {
  const start = typeof period === "string" ? period : period.start;
  return `Q${Math.floor((monthOf(start) - 1) / 3) + 1} ${yearOf(start)}`;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A period's short label for a KPI's own frequency: "2026-W14"-free, readable forms: "6 Apr 2026", "Apr 2026", "Q2 2026". */
export function periodLabel(start: string, frequency: KpiFrequency): string {
  const month = MONTH_NAMES[monthOf(start) - 1];
  switch (frequency) {
    case "weekly":
      return `${Number(start.slice(8, 10))} ${month} ${yearOf(start)}`;
    case "monthly":
      return `${month} ${yearOf(start)}`;
    case "quarterly":
      return quarterLabel(start);
  }
}

export const isWithin = (day: string, period: Period) => day >= period.start && day <= period.end;

/** The reporting periods of a frequency that start inside `range`, oldest first. */
export function periodsWithin(range: Period, frequency: KpiFrequency): Period[] {
  const out: Period[] = [];
  let p = periodContaining(range.start, frequency);
  if (p.start < range.start) p = periodContaining(nextDay(p.end), frequency);
  while (p.start <= range.end) {
    out.push(p);
    p = periodContaining(nextDay(p.end), frequency);
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
