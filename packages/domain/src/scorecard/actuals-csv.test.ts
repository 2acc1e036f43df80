import { describe, expect, it } from "vitest";
import {
  type ActualsKpi,
  kpiLookup,
  MAX_CSV_ACTUAL_ROWS,
  parseActualsCsv,
  readActualEntry,
  readActualValue,
} from "./actuals-csv";

const REVENUE: ActualsKpi = {
  id: "11111111-1111-4111-8111-111111111111",
  name: "Revenue",
  kind: "manual",
  frequency: "monthly",
};
const NPS: ActualsKpi = {
  id: "22222222-2222-4222-8222-222222222222",
  name: "Net promoter score",
  kind: "manual",
  frequency: "quarterly",
};
const TICKETS: ActualsKpi = {
  id: "33333333-3333-4333-8333-333333333333",
  name: "Support tickets",
  kind: "manual",
  frequency: "weekly",
};
const CONVERSION: ActualsKpi = {
  id: "44444444-4444-4444-8444-444444444444",
  name: "Conversion rate",
  kind: "ratio",
  frequency: "monthly",
};
const KPIS = [REVENUE, NPS, TICKETS, CONVERSION];

function rowsOf(csv: string, kpis: readonly ActualsKpi[] = KPIS) {
  const result = parseActualsCsv(csv, kpis);
  if (!result.ok) throw new Error(`Expected rows, got: ${result.error}`);
  return result.rows;
}
function fileErrorOf(csv: string) {
  const result = parseActualsCsv(csv, KPIS);
  if (result.ok) throw new Error("Expected the whole file to be refused");
  return result.error;
}

describe("parseActualsCsv", () => {
  it("reads a good file: names in any case, ids, the three period forms, each named by its first day", () => {
    const rows = rowsOf(
      [
        "kpi,period,value",
        "Revenue,2026-07,125000",
        "revenue,2026-08-15,131500.5",
        `${NPS.id.toUpperCase()},2026-Q3,42`,
        "  Support tickets ,2026-07-08,-3",
      ].join("\n"),
    );
    expect(rows).toEqual([
      {
        line: 2,
        kpi: REVENUE,
        periodStart: "2026-07-01",
        value: 125000,
        errors: [],
        cells: { kpi: "Revenue", period: "2026-07", value: "125000" },
      },
      {
        line: 3,
        kpi: REVENUE,
        periodStart: "2026-08-01",
        value: 131500.5,
        errors: [],
        cells: { kpi: "revenue", period: "2026-08-15", value: "131500.5" },
      },
      {
        line: 4,
        kpi: NPS,
        periodStart: "2026-07-01",
        value: 42,
        errors: [],
        cells: { kpi: NPS.id.toUpperCase(), period: "2026-Q3", value: "42" },
      },
      // A Wednesday names the week starting on Monday 6 July.
      {
        line: 5,
        kpi: TICKETS,
        periodStart: "2026-07-06",
        value: -3,
        errors: [],
        cells: { kpi: "  Support tickets ", period: "2026-07-08", value: "-3" },
      },
    ]);
  });

  it("takes the columns in any order and letter case, ignores other columns, a BOM and CRLF line ends", () => {
    const result = parseActualsCsv('\uFEFFValue,Note,PERIOD,Kpi\r\n"7.5","Q3, late",2026-07,Revenue\r\n', KPIS);
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          kpi: REVENUE,
          periodStart: "2026-07-01",
          value: 7.5,
          errors: [],
          cells: { kpi: "Revenue", period: "2026-07", value: "7.5" },
        },
      ],
    });
  });

  it("counts lines across blank lines and quoted line breaks", () => {
    const rows = rowsOf('kpi,period,value,note\n\nRevenue,2026-07,1,"two\nlines"\n\n\nRevenue,2026-08,2,\n');
    expect(rows.map((r) => r.line)).toEqual([3, 7]);
  });

  it("gives each bad row its own clear errors, all of them at once", () => {
    const rows = rowsOf(
      [
        "kpi,period,value",
        "Revenue,2026-07,100", // 2: fine
        "Revenu,2026-07,100", // 3: unknown name
        "Conversion rate,2026-07,0.05", // 4: computed
        "Revenue,July 2026,100", // 5: unreadable period
        "Revenue,2026-09,", // 6: missing value
        'Revenue,2026-10,"1,234.5"', // 7: thousands separator
        "Revenue,2026-11,12abc", // 8: not a number
        "Revenue,2026-07-20,5", // 9: same month as line 2
        ",,", // a row of empty cells, as spreadsheets export, is blank: skipped
        "Revenue", // 10: period and value missing
        "Revenue,2026-Q3,100", // 12: a quarter for a monthly KPI
        "Support tickets,2026-07,9", // 13: a month for a weekly KPI
        "55555555-5555-4555-8555-555555555555,2026-07,1", // 14: unknown id
        "Revenue,2026-13,1e3", // 15: no month 13, no exponent
      ].join("\n"),
    );
    expect(rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ['No KPI is named "Revenu".']],
      [4, ["Conversion rate is computed from other KPIs: enter the values of its inputs instead."]],
      [5, ['Cannot read the period "July 2026": use a date (2026-07-01), a month (2026-07) or a quarter (2026-Q3).']],
      [6, ["Value is missing."]],
      [
        7,
        ['"1,234.5" is not a number: write digits with a dot for decimals and no thousands separators, like 1234.5.'],
      ],
      [8, ['"12abc" is not a number: write digits with a dot for decimals and no thousands separators, like 1234.5.']],
      [9, ["Revenue for Jul 2026 is already given on line 2."]],
      [11, ["Period is missing.", "Value is missing."]],
      [12, ['"2026-Q3" is a quarter, but Revenue is reported monthly: name a month (2026-07).']],
      [13, ['"2026-07" is a month, but Support tickets is reported weekly: name a day of the week (2026-07-06).']],
      [14, ["No KPI has the id 55555555-5555-4555-8555-555555555555."]],
      [
        15,
        [
          'Cannot read the period "2026-13": use a date (2026-07-01), a month (2026-07) or a quarter (2026-Q3).',
          '"1e3" is not a number: write digits with a dot for decimals and no thousands separators, like 1234.5.',
        ],
      ],
    ]);
    // What could be read is kept for the preview, what could not is null.
    expect(rows[1]).toMatchObject({ kpi: null, periodStart: null, value: 100 });
    expect(rows[3]).toMatchObject({ kpi: REVENUE, periodStart: null, value: 100 });
  });

  it("refuses a file without the three columns, an empty one and one with only a header", () => {
    expect(fileErrorOf("")).toBe("The file is empty: it needs a header row (kpi,period,value) and a row per value.");
    expect(fileErrorOf("\n  \n")).toMatch(/The file is empty/);
    expect(fileErrorOf("kpi,month,amount\nRevenue,2026-07,1")).toBe(
      "The first row must name the columns kpi, period and value; missing: period, value.",
    );
    // A file without a header: its first row is read as one, and names no known column.
    expect(fileErrorOf("Revenue,2026-07,1\nRevenue,2026-08,2")).toMatch(/missing: kpi, period, value/);
    expect(fileErrorOf("kpi,period,value,Value\nRevenue,2026-07,1")).toBe('The header names the column "value" twice.');
    expect(fileErrorOf("kpi,period,value\n")).toBe("The file has a header but no rows of values.");
  });

  it(`refuses more than ${MAX_CSV_ACTUAL_ROWS} rows and accepts exactly that many`, () => {
    const body = (n: number) =>
      Array.from({ length: n }, (_, i) => `Support tickets,${2000 + Math.floor(i / 52)}-01-0${(i % 7) + 1},${i}`);
    expect(fileErrorOf(["kpi,period,value", ...body(MAX_CSV_ACTUAL_ROWS + 1)].join("\n"))).toBe(
      "The file has more than 10,000 rows: split it into smaller files.",
    );
    expect(rowsOf(["kpi,period,value", ...body(MAX_CSV_ACTUAL_ROWS)].join("\n"))).toHaveLength(MAX_CSV_ACTUAL_ROWS);
    // Under a second alone; CI runs every package's suite at once on two cores.
  }, 60_000);

  it("flags an unclosed quote on its row", () => {
    const rows = rowsOf('kpi,period,value\nRevenue,2026-07,1\n"Revenue,2026-08,2\n');
    expect(rows.at(-1)?.errors[0]).toBe('This row has an unclosed quote (").');
  });

  it("tells apart names differing only in case, and asks for the id", () => {
    const twins = [REVENUE, { ...REVENUE, id: "66666666-6666-4666-8666-666666666666", name: "REVENUE" }];
    const [row] = rowsOf("kpi,period,value\nrevenue,2026-07,1", twins);
    expect(row?.errors).toEqual([
      'Several KPIs are named "revenue" (in different letter case): use the KPI\'s id instead.',
    ]);
    const [byId] = rowsOf(`kpi,period,value\n${twins[1]?.id},2026-07,1`, twins);
    expect(byId).toMatchObject({ kpi: { name: "REVENUE" }, errors: [] });
  });
});

describe("readActualValue", () => {
  it("reads plain decimals and numbers; refuses anything else clearly", () => {
    expect(readActualValue("  1234.5 ")).toEqual({ value: 1234.5 });
    expect(readActualValue("-0")).toEqual({ value: 0 });
    expect(readActualValue(".5")).toEqual({ value: 0.5 });
    expect(readActualValue("+7.")).toEqual({ value: 7 });
    expect(readActualValue(12)).toEqual({ value: 12 });
    expect(readActualValue("1 234")).toHaveProperty("error");
    expect(readActualValue("12,5")).toHaveProperty("error");
    expect(readActualValue("NaN")).toHaveProperty("error");
    expect(readActualValue("Infinity")).toHaveProperty("error");
    expect(readActualValue(Number.NaN)).toEqual({
      error: "Value is too large: at most 1,000,000,000,000,000 either way.",
    });
    expect(readActualValue("9".repeat(400))).toHaveProperty("error");
    expect(readActualValue(1e15)).toEqual({ value: 1e15 });
    expect(readActualValue(-1.5e15)).toHaveProperty("error");
    expect(readActualValue(null)).toEqual({ error: "Value is missing." });
  });
});

describe("readActualEntry", () => {
  it("reports everything missing at once", () => {
    expect(readActualEntry({ kpi: " ", period: "", value: "" }, kpiLookup(KPIS)).errors).toEqual([
      "KPI is missing.",
      "Period is missing.",
      "Value is missing.",
    ]);
  });

  it("refuses an archived KPI and shortens very long text in messages", () => {
    const lookup = kpiLookup([{ ...REVENUE, archived: true }]);
    expect(readActualEntry({ kpi: "Revenue", period: "2026-07", value: 1 }, lookup).errors).toEqual([
      "Revenue is archived: restore it before entering values.",
    ]);
    const long = readActualEntry({ kpi: "x".repeat(500), period: "2026-07", value: 1 }, lookup);
    expect(long.errors[0]).toBe(`No KPI is named "${"x".repeat(57)}…".`);
  });
});
