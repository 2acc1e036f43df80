import type { KpiFrequency } from "@meridian/domain";
import fc from "fast-check";

/*
 * Arbitraries for KPI actuals as other systems send them: CSV files for
 * kpiActuals.previewImport/import and JSON pushes for the ingestion endpoint.
 * Well-formed ones are built from the organization's real KPI names, ids and
 * frequencies (one value per KPI and period, so they can be imported whole);
 * malformed ones break them the ways spreadsheets and scripts do.
 */

/** What the generators need to know of a KPI. */
export interface ActualsTarget {
  id: string;
  name: string;
  frequency: KpiFrequency;
}

const pad = (n: number) => String(n).padStart(2, "0");
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** 2024-01-01 was a Monday; weeks start on Mondays. */
const MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/**
 * The `ordinal`-th period of the frequency (quarters and months from 2000,
 * weeks from 2024-01-01) in one of the spellings a person would use: distinct
 * ordinals name distinct periods, whatever the spelling.
 */
export function periodText(frequency: KpiFrequency, ordinal: number, spelling: number): string {
  if (frequency === "weekly") {
    const monday = MONDAY + 7 * ordinal * DAY_MS;
    return day(monday + (spelling % 3 === 2 ? 2 * DAY_MS : 0));
  }
  if (frequency === "monthly") {
    const year = 2000 + Math.floor(ordinal / 12);
    const month = pad((ordinal % 12) + 1);
    return [`${year}-${month}`, `${year}-${month}-01`, `${year}-${month}-28`, ` ${year}-${month} `][spelling % 4] ?? "";
  }
  const year = 2000 + Math.floor(ordinal / 4);
  const q = (ordinal % 4) + 1;
  const first = `${year}-${pad((q - 1) * 3 + 1)}`;
  return [`${year}-Q${q}`, `${year}Q${q}`, `${year}-q${q}`, `${first}-01`, `${first}-15`][spelling % 5] ?? "";
}

/** A number as a spreadsheet exports it: digits, a sign, a decimal dot; never an exponent. */
export const plainNumber = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map(String),
  fc
    .tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }))
    .map(([n, digits]) => n.toFixed(digits)),
  fc.constantFrom("0", "-0", "+42", ".5", "7.", "0.000001", "1000000000000000", "-1000000000000000"),
);

/** A value that is no plain number, or one out of range. */
const badNumber = fc.constantFrom(
  "1e20",
  "1E3",
  "99999999999999999999",
  "1000000000000001",
  "1,234.5",
  "1.234,5",
  "1 234",
  "12%",
  "$5",
  "NaN",
  "Infinity",
  "-",
  "",
  "0x10",
  "١٢٣",
  "１２３",
  "1e400",
  "--1",
);

/** A bad period: not a date, not a real date, outside 1900–2999, an unknown quarter. */
const badPeriod = fc.constantFrom(
  "2026-13",
  "2026-00",
  "2026-02-30",
  "2026-Q5",
  "2026-Q0",
  "Q3 2026",
  "0000-01-01",
  "1899-12-31",
  "3000-01-01",
  "+002026-01-01",
  "2026/07/01",
  "July 2026",
  "",
  "2026-7",
  "26-07",
);

/** How a row names its KPI: by name as typed in a spreadsheet, or by id. */
function kpiRef(kpi: ActualsTarget, spelling: number): string {
  switch (spelling % 6) {
    case 1:
      return kpi.name.toUpperCase();
    case 2:
      return `  ${kpi.name} `;
    case 3:
      return kpi.id;
    case 4:
      return kpi.id.toUpperCase();
    default:
      return kpi.name;
  }
}

/** A cell as CSV writes it: quoted when it must be (and sometimes when it need not be). */
function csvCell(text: string, forceQuote: boolean): string {
  return forceQuote || /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

interface CsvShape {
  /** Column order, as indexes into [kpi, period, value], and an extra column or not. */
  order: readonly [number, number, number];
  extra: boolean;
  headerCase: number;
  lineBreak: "\n" | "\r\n";
  bom: boolean;
  trailingBreak: boolean;
  quoteAll: boolean;
}

const csvShape: fc.Arbitrary<CsvShape> = fc.record({
  order: fc.constantFrom([0, 1, 2] as const, [2, 0, 1] as const, [1, 2, 0] as const, [0, 2, 1] as const),
  extra: fc.boolean(),
  headerCase: fc.nat(2),
  lineBreak: fc.constantFrom("\n" as const, "\r\n" as const),
  bom: fc.boolean(),
  trailingBreak: fc.boolean(),
  quoteAll: fc.boolean(),
});

/** Renders rows of [kpi, period, value] as a CSV file of the given shape. */
function renderCsv(rows: readonly (readonly [string, string, string])[], shape: CsvShape): string {
  const names = ["kpi", "period", "value"].map((n) =>
    shape.headerCase === 1 ? n.toUpperCase() : shape.headerCase === 2 ? ` ${n[0]?.toUpperCase()}${n.slice(1)} ` : n,
  );
  const line = (cells: readonly string[], note: string) => {
    const ordered = shape.order.map((i) => csvCell(cells[i] ?? "", shape.quoteAll));
    return (shape.extra ? [...ordered, csvCell(note, shape.quoteAll)] : ordered).join(",");
  };
  const lines = [line(names, "note"), ...rows.map((row, i) => line(row, `row ${i}, "checked"`))];
  return `${shape.bom ? "\uFEFF" : ""}${lines.join(shape.lineBreak)}${shape.trailingBreak ? shape.lineBreak : ""}`;
}

/** Rows naming distinct (KPI, period) pairs, so a file of them can be imported whole. */
function goodRows(kpis: readonly ActualsTarget[], maxLength: number) {
  return fc
    .uniqueArray(fc.tuple(fc.nat(kpis.length - 1), fc.nat(160)), {
      minLength: 1,
      maxLength,
      selector: ([k, ordinal]) => `${k}|${ordinal}`,
    })
    .chain((pairs) =>
      fc.tuple(
        ...pairs.map(([k, ordinal]) =>
          fc.tuple(fc.nat(), fc.nat(), plainNumber).map(([refSpelling, periodSpelling, value]) => {
            const kpi = kpis[k] as ActualsTarget;
            return [kpiRef(kpi, refSpelling), periodText(kpi.frequency, ordinal, periodSpelling), value] as const;
          }),
        ),
      ),
    );
}

/** Thousands of distinct rows, made without thousands of generated values. */
function manyRows(kpis: readonly ActualsTarget[], count: number, offset: number): [string, string, string][] {
  const rows: [string, string, string][] = [];
  for (let i = 0; i < count; i += 1) {
    const kpi = kpis[i % kpis.length] as ActualsTarget;
    const ordinal = offset + Math.floor(i / kpis.length);
    rows.push([kpi.name, periodText(kpi.frequency, ordinal, i), String(((i * 7919) % 100_000) / 100)]);
  }
  return rows;
}

type Row = readonly [string, string, string];
type Corruption = (rows: Row[], pick: number, foreign: readonly ActualsTarget[]) => Row[] | string;

const at = <T>(items: readonly T[], pick: number): T | undefined => items[pick % Math.max(items.length, 1)];
const replaceRow = (rows: Row[], pick: number, f: (row: Row) => Row) => {
  const i = pick % rows.length;
  return rows.map((row, j) => (j === i ? f(row) : row));
};

/** One thing wrong with an otherwise good file: a bad cell, an unknown KPI, a repeated row, an odd quote. */
const CORRUPTIONS: Record<string, Corruption> = {
  badValue: (rows, pick) => replaceRow(rows, pick, ([k, p]) => [k, p, "1e20"]),
  hugeValue: (rows, pick) => replaceRow(rows, pick, ([k, p]) => [k, p, "9".repeat(20 + (pick % 400))]),
  badPeriod: (rows, pick) => replaceRow(rows, pick, ([k, , v]) => [k, "2026-13", v]),
  unknownKpi: (rows, pick) => replaceRow(rows, pick, ([, p, v]) => [`No such KPI ${pick}`, p, v]),
  foreignKpi: (rows, pick, foreign) =>
    replaceRow(rows, pick, ([, p, v]) => [at(foreign, pick)?.[pick % 2 ? "name" : "id"] ?? "", p, v]),
  missingCell: (rows, pick) => replaceRow(rows, pick, ([k, p]) => [k, p, ""]),
  repeatedRow: (rows, pick) => [...rows, rows[pick % rows.length] as Row],
  bomInCell: (rows, pick) => replaceRow(rows, pick, ([k, p, v]) => [`\uFEFF${k}`, p, v]),
  zeroWidth: (rows, pick) => replaceRow(rows, pick, ([k, p, v]) => [`${k}\u200B`, p, v]),
};

/** Damage to the file's text itself: broken quotes, NUL characters, lost columns. */
const TEXT_DAMAGE: ((csv: string, pick: number) => string)[] = [
  (csv, pick) => {
    const lines = csv.split("\n");
    const i = 1 + (pick % Math.max(lines.length - 1, 1));
    return lines.map((l, j) => (j === i ? `"${l}` : l)).join("\n");
  },
  (csv) => csv.replace(/,/, ',"'),
  (csv) => `${csv}\n"unclosed,2026-07,1`,
  (csv) => csv.replaceAll('"', '"""'),
  (csv, pick) => `${csv.slice(0, pick % (csv.length + 1))}\u0000${csv.slice(pick % (csv.length + 1))}`,
  (csv) => csv.replaceAll(",", ";"),
  (csv) => csv.replaceAll(",", "\t"),
  (csv) => csv.split("\n").slice(1).join("\n"),
  (csv) => csv.replace(/\n/, "\n,,,,,,\n"),
  (csv) => csv.replaceAll("\n", "\r"),
  (csv) => `\uFEFF\uFEFF${csv}`,
  (csv, pick) => csv.slice(0, pick % (csv.length + 1)),
];

/** Whole files that are wrong as files: empty, header only, wrong or doubled columns, too many rows, too large. */
function wrongFiles(kpis: readonly ActualsTarget[]): fc.Arbitrary<string> {
  const name = kpis[0]?.name ?? "Revenue";
  return fc.oneof(
    fc.constantFrom(
      "",
      "\uFEFF",
      "\n\n\r\n",
      "kpi,period,value",
      "kpi,period,value\n\n",
      "kpi,period\nRevenue,2026-07",
      "name,month,amount\nRevenue,2026-07,1",
      "kpi,period,value,value\nRevenue,2026-07,1,2",
      "KPI;Period;Value\nRevenue;2026-07;1",
      `${name},2026-07,1`,
      `kpi,period,value\n${name}`,
      `kpi,period,value\n${name},2026-07,1,extra,cells`,
      `"kpi","period","value"\n"${name}","2026-Q3","""12"""`,
      `kpi,period,value\n"${name}\n",2026-07,1`,
      `kpi,period,value\n${name},2026-07,"1\n2"`,
      "kpi,period,value\n\u0000,\u0000,\u0000",
      '"',
      '""""',
      ",,,\n,,,",
    ),
    // Past the row limit: refused as a whole, however good the rows.
    fc.integer({ min: 10_001, max: 10_050 }).map((n) => renderCsv(manyRows(kpis, n, 0), NEUTRAL_SHAPE)),
    // Past the size limit (2 MB).
    fc.constant(`kpi,period,value\n${name},2026-07,1\n${" ".repeat(2 * 1024 * 1024)}`),
  );
}

const NEUTRAL_SHAPE: CsvShape = {
  order: [0, 1, 2],
  extra: false,
  headerCase: 0,
  lineBreak: "\n",
  bom: false,
  trailingBreak: true,
  quoteAll: false,
};

/**
 * A CSV of actuals: mostly well-formed files of the organization's KPIs (now
 * and then thousands of rows), files with one bad row, files damaged as text,
 * and files that are wrong as a whole.
 */
export function actualsCsv(kpis: readonly ActualsTarget[], foreign: readonly ActualsTarget[]): fc.Arbitrary<string> {
  if (!kpis.length) throw new Error("actualsCsv needs at least one KPI");
  const good = fc.tuple(goodRows(kpis, 12), csvShape);
  return fc.oneof(
    { weight: 6, arbitrary: good.map(([rows, shape]) => renderCsv(rows, shape)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1_000, max: 3_000 }), fc.nat(400), csvShape)
        .map(([n, offset, shape]) => renderCsv(manyRows(kpis, n, offset), shape)),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(good, fc.constantFrom(...Object.keys(CORRUPTIONS)), fc.nat())
        .map(([[rows, shape], name, pick]) => {
          const damaged = CORRUPTIONS[name]?.([...rows], pick, foreign) ?? rows;
          return typeof damaged === "string" ? damaged : renderCsv(damaged, shape);
        }),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(good, fc.nat(TEXT_DAMAGE.length - 1), fc.nat())
        .map(([[rows, shape], i, pick]) => (TEXT_DAMAGE[i] ?? ((c: string) => c))(renderCsv(rows, shape), pick)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...kpis), fc.oneof(badPeriod, fc.string({ maxLength: 12 })), badNumber, csvShape)
        .map(([kpi, period, value, shape]) => renderCsv([[kpi.name, period, value]], shape)),
    },
    { weight: 2, arbitrary: wrongFiles(kpis) },
  );
}

// ── the ingestion endpoint's JSON ──────────────────────────────────────────

/** One pushed item as a script sends it: KPI by name or id, a period spelling, a number. */
function goodItems(kpis: readonly ActualsTarget[], maxLength: number) {
  return fc
    .uniqueArray(fc.tuple(fc.nat(kpis.length - 1), fc.nat(160)), {
      minLength: 1,
      maxLength,
      selector: ([k, ordinal]) => `${k}|${ordinal}`,
    })
    .chain((pairs) =>
      fc.tuple(
        ...pairs.map(([k, ordinal]) =>
          fc
            .tuple(fc.nat(), fc.nat(), fc.oneof(fc.integer(), fc.double({ min: -1e12, max: 1e12, noNaN: true })))
            .map(([refSpelling, periodSpelling, value]) => {
              const kpi = kpis[k] as ActualsTarget;
              return {
                kpi: kpiRef(kpi, refSpelling),
                period: periodText(kpi.frequency, ordinal, periodSpelling),
                value,
              };
            }),
        ),
      ),
    );
}

/** A push a script would send: distinct KPI and period pairs of the organization's entered KPIs. */
export function goodIngestPayload(kpis: readonly ActualsTarget[]): fc.Arbitrary<{ actuals: unknown[] }> {
  return goodItems(kpis, 15).map((actuals) => ({ actuals }));
}

/** A push's body as an object: good items, items with one thing wrong, or too many of them. */
export function ingestPayload(
  kpis: readonly ActualsTarget[],
  foreign: readonly ActualsTarget[],
): fc.Arbitrary<unknown> {
  const anyKpi = fc.constantFrom(...kpis, ...foreign);
  const item = fc.record({
    kpi: fc.oneof(
      anyKpi.map((k) => k.name),
      anyKpi.map((k) => k.id),
      fc.string({ maxLength: 250 }),
      fc.constant("\u0000"),
    ),
    period: fc.oneof(badPeriod, fc.string({ maxLength: 25 }), fc.constant("2026-07")),
    value: fc.oneof(
      fc.double(),
      fc.constantFrom(1e300, -1e16, 1e15, Number.MAX_VALUE),
      fc.constantFrom("12", null, true, [1], { value: 1 }),
    ),
  });
  return fc.oneof(
    { weight: 6, arbitrary: goodIngestPayload(kpis) },
    {
      weight: 3,
      arbitrary: fc.tuple(goodItems(kpis, 8), item, fc.nat()).map(([actuals, bad, i]) => {
        const at = i % (actuals.length + 1);
        return { actuals: [...actuals.slice(0, at), bad, ...actuals.slice(at)] };
      }),
    },
    { weight: 1, arbitrary: goodItems(kpis, 5).map((actuals) => ({ actuals: [...actuals, ...actuals] })) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 999, max: 1_002 }).map((n) => ({
        actuals: manyRows(kpis, n, 0).map(([kpi, period, value]) => ({ kpi, period, value: Number(value) })),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        { actuals: [] },
        { actuals: {} },
        { actuals: null },
        { actual: [{ kpi: "x", period: "2026-07", value: 1 }] },
        [],
        null,
        "actuals",
        42,
      ),
    },
  );
}
