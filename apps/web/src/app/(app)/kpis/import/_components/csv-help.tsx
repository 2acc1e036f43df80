import { ACTUALS_CSV_EXAMPLE, MAX_CSV_ACTUAL_ROWS } from "@meridian/domain";
import { buttonClass } from "~/components/ui/button";
import { ui } from "~/components/ui/styles";

const EXAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(ACTUALS_CSV_EXAMPLE)}`;

/** What the file must look like, with an example to download and start from. */
export function CsvHelp({ isAdmin }: { isAdmin: boolean }) {
  return (
    <section aria-labelledby="csv-help-heading" className={ui.card}>
      <h2 id="csv-help-heading" className="text-base font-semibold">
        The file
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        A header row naming three columns, in any order, then one row per KPI and period. Other columns are ignored.
      </p>
      <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[7rem_1fr]">
        <dt className="font-mono font-medium text-slate-900">kpi</dt>
        <dd className="text-slate-600">
          The KPI's name (letter case does not matter) or its id. Computed KPIs, such as a conversion rate, take no
          values: import their inputs.
        </dd>
        <dt className="font-mono font-medium text-slate-900">period</dt>
        <dd className="text-slate-600">
          A date (2026-07-01), a month (2026-07) or a quarter (2026-Q3), as fine as the KPI's frequency: a day inside a
          period names that period.
        </dd>
        <dt className="font-mono font-medium text-slate-900">value</dt>
        <dd className="text-slate-600">A number with a dot for decimals and no thousands separators: 1234.5.</dd>
      </dl>
      <p className="mt-3 text-sm text-slate-600">
        A value replaces what the period held; the same file imported twice changes nothing. Up to{" "}
        {MAX_CSV_ACTUAL_ROWS.toLocaleString("en")} rows per file.
        {isAdmin ? "" : " You can import values only for the KPIs you own."}
      </p>
      <a href={EXAMPLE_HREF} download="kpi-actuals-example.csv" className={`${buttonClass("secondary")} mt-4`}>
        Download an example
      </a>
    </section>
  );
}
