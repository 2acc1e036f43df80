import Papa from "papaparse";
import { enteredValuesRefusal, type KpiFrequency, type KpiKind } from "./kpi-definition";
import { parsePeriod, periodLabel } from "./periods";

/** Rows one CSV import may hold; a bigger history goes in several files. */
export const MAX_CSV_ACTUAL_ROWS = 10_000;
/** Largest magnitude an actual may have: beyond it a number has lost its last digits anyway. */
export const MAX_ACTUAL_MAGNITUDE = 1e15;

/** What reading actuals needs to know of a KPI. */
export interface ActualsKpi {
  id: string;
  name: string;
  kind: KpiKind;
  frequency: KpiFrequency;
  archived?: boolean;
}

/** One value read from a CSV row or an API item: what could be read, and what is wrong with it. */
export interface ActualEntry<K extends ActualsKpi = ActualsKpi> {
  kpi: K | null;
  /** The first day of the KPI's period; null when unreadable or when the KPI is unknown. */
  periodStart: string | null;
  value: number | null;
  errors: string[];
}

export interface ActualsCsvRow<K extends ActualsKpi = ActualsKpi> extends ActualEntry<K> {
  /** The line of the file where the row starts (the header is line 1). */
  line: number;
  /** The row's three cells as written, to show beside what could not be read. */
  cells: { kpi: string; period: string; value: string };
}

export type ActualsCsvResult<K extends ActualsKpi = ActualsKpi> =
  | { ok: true; rows: ActualsCsvRow<K>[] }
  /** A problem with the whole file (no header, missing columns, too many rows): no row is worth showing. */
  | { ok: false; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Digits with an optional sign and decimal dot; no thousands separators, no exponent. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const QUARTER_TEXT = /^\d{4}-?Q[1-4]$/i;
const MONTH_TEXT = /^\d{4}-\d{2}$/;

/** Long input is shortened in messages, so one bad cell cannot flood the screen. */
const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

export type KpiLookup<K extends ActualsKpi> = (ref: string) => { kpi: K } | { error: string };

/**
 * Finds a KPI by its id or by its name, ignoring letter case and surrounding
 * spaces, the way people type names into a spreadsheet.
 */
export function kpiLookup<K extends ActualsKpi>(kpis: readonly K[]): KpiLookup<K> {
  const byId = new Map(kpis.map((k) => [k.id.toLowerCase(), k]));
  const byName = new Map<string, K[]>();
  for (const k of kpis) {
    const key = k.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), k]);
  }
  return (ref) => {
    const text = ref.trim();
    if (!text) return { error: "KPI is missing." };
    const found = UUID.test(text) ? byId.get(text.toLowerCase()) : undefined;
    if (found) return { kpi: found };
    const named = byName.get(text.toLowerCase()) ?? [];
    if (named.length > 1) {
      return { error: `Several KPIs are named ${quote(text)} (in different letter case): use the KPI's id instead.` };
    }
    const [kpi] = named;
    if (kpi) return { kpi };
    return { error: UUID.test(text) ? `No KPI has the id ${text}.` : `No KPI is named ${quote(text)}.` };
  };
}

/** Why a period written as `text` cannot name one of the KPI's periods, or null when it can. */
function periodGrainError(text: string, kpi: ActualsKpi): string | null {
  const s = text.trim();
  // A quarter names one quarterly period; a month one monthly period. Shorter periods need a finer name,
  // else a whole quarter's number would silently land in its first month.
  if (QUARTER_TEXT.test(s) && kpi.frequency !== "quarterly") {
    return `${quote(s)} is a quarter, but ${kpi.name} is reported ${kpi.frequency}: name a ${
      kpi.frequency === "monthly" ? "month (2026-07)" : "day of the week (2026-07-06)"
    }.`;
  }
  if (MONTH_TEXT.test(s) && kpi.frequency === "weekly") {
    return `${quote(s)} is a month, but ${kpi.name} is reported weekly: name a day of the week (2026-07-06).`;
  }
  return null;
}

const unreadablePeriod = (text: string) =>
  `Cannot read the period ${quote(text.trim())}: use a date (2026-07-01), a month (2026-07) or a quarter (2026-Q3).`;

/** Reads a value written as text ("1234.5") or given as a number; returns a number or a message. */
export function readActualValue(raw: string | number | null | undefined): { value: number } | { error: string } {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
    return { error: "Value is missing." };
  }
  let value: number;
  if (typeof raw === "number") value = raw;
  else {
    const text = raw.trim();
    if (!PLAIN_NUMBER.test(text)) {
      return {
        error: `${quote(text)} is not a number: write digits with a dot for decimals and no thousands separators, like 1234.5.`,
      };
    }
    value = Number(text);
  }
  if (!Number.isFinite(value) || Math.abs(value) > MAX_ACTUAL_MAGNITUDE) {
    return { error: "Value is too large: at most 1,000,000,000,000,000 either way." };
  }
  return { value: value === 0 ? 0 : value }; // no "-0"
}

/**
 * Reads one actual as people or machines give it — a KPI name or id, a period
 * as `parsePeriod` reads it, and a value — and collects everything wrong with
 * it, so one pass shows every problem of the row.
 */
export function readActualEntry<K extends ActualsKpi>(
  input: { kpi: string; period: string; value: string | number | null | undefined },
  lookup: KpiLookup<K>,
): ActualEntry<K> {
  const errors: string[] = [];
  const found = lookup(input.kpi);
  let kpi: K | null = null;
  if ("error" in found) errors.push(found.error);
  else if (enteredValuesRefusal(found.kpi)) errors.push(enteredValuesRefusal(found.kpi) ?? "");
  else if (found.kpi.archived) {
    errors.push(`${found.kpi.name} is archived: restore it before entering values.`);
  } else kpi = found.kpi;

  let periodStart: string | null = null;
  if (!input.period.trim()) errors.push("Period is missing.");
  // Without the KPI its frequency is unknown: check only that the period is readable.
  else if (!parsePeriod(input.period, kpi?.frequency ?? "monthly")) errors.push(unreadablePeriod(input.period));
  else if (kpi) {
    const grain = periodGrainError(input.period, kpi);
    if (grain) errors.push(grain);
    else periodStart = parsePeriod(input.period, kpi.frequency);
  }

  const read = readActualValue(input.value);
  if ("error" in read) errors.push(read.error);
  return { kpi, periodStart, value: "value" in read ? read.value : null, errors };
}

/**
 * Marks every entry naming a KPI and period already named earlier: a file or a
 * push gives one value per KPI and period, so which one was meant is unclear.
 */
export function markDuplicateEntries<E extends ActualEntry>(
  entries: readonly E[],
  describe: (index: number) => string,
) {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!entry.kpi || !entry.periodStart) return;
    const key = `${entry.kpi.id}|${entry.periodStart}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      const period = periodLabel(entry.periodStart, entry.kpi.frequency);
      entry.errors.push(`${entry.kpi.name} for ${period} is already given on ${describe(first)}.`);
    }
  });
}

const REQUIRED_COLUMNS = ["kpi", "period", "value"] as const;

/**
 * Parses a CSV of KPI actuals with a header naming the columns `kpi`, `period`
 * and `value` (any order, any letter case; other columns are ignored). Each row
 * comes back with its line, what could be read and its errors: an import goes
 * ahead only when no row has one.
 */
export function parseActualsCsv<K extends ActualsKpi>(text: string, kpis: readonly K[]): ActualsCsvResult<K> {
  // One kind of line break, so quoted breaks and line counting agree; a BOM is not part of the first column's name.
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records: { cells: string[]; line: number; broken: boolean }[] = [];
  let offset = 0;
  let breaks = 0;
  let tooMany = false;
  Papa.parse<string[]>(normalized, {
    skipEmptyLines: "greedy",
    step(result, parser) {
      // Skipped blank lines lie before the record, quoted line breaks inside it: count back from its last line.
      const end = result.meta.cursor;
      for (let i = offset; i < end; i += 1) if (normalized.charAt(i) === "\n") breaks += 1;
      offset = end;
      const lastLine = 1 + breaks - (normalized.charAt(end - 1) === "\n" ? 1 : 0);
      const inner = result.data.reduce((n, cell) => n + cell.split("\n").length - 1, 0);
      records.push({ cells: result.data, line: lastLine - inner, broken: result.errors.length > 0 });
      if (records.length > MAX_CSV_ACTUAL_ROWS + 1) {
        tooMany = true;
        parser.abort();
      }
    },
  });

  const [header, ...body] = records;
  if (!header)
    return { ok: false, error: "The file is empty: it needs a header row (kpi,period,value) and a row per value." };
  if (tooMany) {
    return {
      ok: false,
      error: `The file has more than ${MAX_CSV_ACTUAL_ROWS.toLocaleString("en")} rows: split it into smaller files.`,
    };
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const columns = new Map<string, number>();
  for (const column of REQUIRED_COLUMNS) {
    const at = names.indexOf(column);
    if (at >= 0 && names.indexOf(column, at + 1) >= 0) {
      return { ok: false, error: `The header names the column "${column}" twice.` };
    }
    if (at >= 0) columns.set(column, at);
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length) {
    return {
      ok: false,
      error: `The first row must name the columns kpi, period and value; missing: ${missing.join(", ")}.`,
    };
  }
  if (!body.length) return { ok: false, error: "The file has a header but no rows of values." };

  const lookup = kpiLookup(kpis);
  const cell = (cells: string[], column: string) => cells[columns.get(column) ?? -1] ?? "";
  const rows: ActualsCsvRow<K>[] = body.map((record) => {
    const cells = {
      kpi: cell(record.cells, "kpi"),
      period: cell(record.cells, "period"),
      value: cell(record.cells, "value"),
    };
    const entry = readActualEntry(cells, lookup);
    if (record.broken) entry.errors.unshift('This row has an unclosed quote (").');
    return { line: record.line, ...entry, cells };
  });
  markDuplicateEntries(rows, (i) => `line ${rows[i]?.line}`);
  return { ok: true, rows };
}

/** The example file offered for download beside the import form. */
export const ACTUALS_CSV_EXAMPLE = `kpi,period,value
Revenue,2026-07,125000
Revenue,2026-08,131500.5
Customer satisfaction,2026-Q3,8.4
Support tickets,2026-07-06,42
`;
