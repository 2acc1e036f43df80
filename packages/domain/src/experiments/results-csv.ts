// Reads a CSV of daily experiment results (day, variant, exposures, conversions and an optional metric) row by row, for the import's preview.
import Papa from "papaparse";
import { ZIsoDate } from "../schemas/common";
import { MAX_EXPERIMENT_RESULT_ROWS } from "../schemas/experiment";

export interface ResultsCsvTarget {
  variants: readonly { id: string; name: string }[];
  metrics: readonly { id: string; name: string; isPrimary: boolean }[];
}

export interface ResultsCsvRow {
  line: number;
  cells: { day: string; variant: string; metric: string; exposures: string; conversions: string };
  variantId: string | null;
  metricId: string | null;
  day: string | null;
  exposures: number | null;
  conversions: number | null;
  errors: string[];
}

export type ResultsCsvResult = { ok: true; rows: ResultsCsvRow[] } | { ok: false; error: string };

const REQUIRED = ["day", "variant", "exposures", "conversions"] as const;
const WHOLE = /^\d+$/;

function readCount(text: string, what: string, errors: string[]): number | null {
  const t = text.trim();
  if (!t) {
    errors.push(`${what} is missing.`);
    return null;
  }
  if (!WHOLE.test(t)) {
    errors.push(
      t.startsWith("-") ? `${what} cannot be negative.` : `${what} "${t.slice(0, 40)}" is not a whole number.`,
    );
    return null;
  }
  const n = Number(t);
  if (n > 2_000_000_000) {
    errors.push(`${what} is at most 2,000,000,000 a day.`);
    return null;
  }
  return n;
}

/**
 * Parses the file with a header naming day, variant, exposures, conversions (and metric, optional; the
 * primary metric when absent or blank), in any order and letter case. Each row comes back with what could be
 * read and its errors; an import goes ahead only when no row has one.
 */
export function parseResultsCsv(text: string, target: ResultsCsvTarget): ResultsCsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header, ...body] = parsed.data;
  if (!header)
    return { ok: false, error: "The file is empty: it needs a header row (day,variant,exposures,conversions)." };
  if (body.length > MAX_EXPERIMENT_RESULT_ROWS) {
    return {
      ok: false,
      error: `The file has more than ${MAX_EXPERIMENT_RESULT_ROWS.toLocaleString("en")} rows: split it.`,
    };
  }
  const names = header.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) {
    return {
      ok: false,
      error: `The first row must name the columns day, variant, exposures and conversions; missing: ${missing.join(", ")}.`,
    };
  }
  if (!body.length) return { ok: false, error: "The file has a header but no rows." };
  const at = (cells: string[], column: string) => {
    const i = names.indexOf(column);
    return i >= 0 ? (cells[i] ?? "") : "";
  };
  const variantsByName = new Map(target.variants.map((v) => [v.name.trim().toLowerCase(), v]));
  const metricsByName = new Map(target.metrics.map((m) => [m.name.trim().toLowerCase(), m]));
  const primary = target.metrics.find((m) => m.isPrimary) ?? null;
  const seen = new Map<string, number>();

  const rows = body.map((cells, index): ResultsCsvRow => {
    const line = index + 2;
    const raw = {
      day: at(cells, "day"),
      variant: at(cells, "variant"),
      metric: at(cells, "metric"),
      exposures: at(cells, "exposures"),
      conversions: at(cells, "conversions"),
    };
    const errors: string[] = [];
    const dayRead = ZIsoDate.safeParse(raw.day.trim());
    const day = dayRead.success ? dayRead.data : null;
    if (!day)
      errors.push(
        raw.day.trim()
          ? `Cannot read the day "${raw.day.trim().slice(0, 40)}": use a date like 2026-07-01.`
          : "Day is missing.",
      );
    const variant = variantsByName.get(raw.variant.trim().toLowerCase()) ?? null;
    if (!variant)
      errors.push(
        raw.variant.trim() ? `No variant is named "${raw.variant.trim().slice(0, 60)}".` : "Variant is missing.",
      );
    const metric = raw.metric.trim() ? (metricsByName.get(raw.metric.trim().toLowerCase()) ?? null) : primary;
    if (!metric) errors.push(`No metric is named "${raw.metric.trim().slice(0, 60)}".`);
    const exposures = readCount(raw.exposures, "Exposures", errors);
    const conversions = readCount(raw.conversions, "Conversions", errors);
    if (exposures !== null && conversions !== null && conversions > exposures) {
      errors.push("Conversions cannot be more than exposures.");
    }
    if (day && variant && metric) {
      const key = `${day}|${variant.id}|${metric.id}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push(`${variant.name} on ${day} is already given on line ${first}.`);
      else seen.set(key, line);
    }
    return {
      line,
      cells: raw,
      variantId: variant?.id ?? null,
      metricId: metric?.id ?? null,
      day,
      exposures,
      conversions,
      errors,
    };
  });
  return { ok: true, rows };
}

export const EXPERIMENT_RESULTS_CSV_EXAMPLE = `day,variant,exposures,conversions
2026-07-01,Control,1200,96
2026-07-01,Treatment B,1185,112
2026-07-02,Control,1310,101
2026-07-02,Treatment B,1290,125
`;
