import { formatKpiValue, hasOwnValues, periodContaining, quarterLabel } from "@meridian/domain";
import type { KpiDetail } from "~/components/kpi/types";

/** One reporting period on the chart; each series fills in what it has for it. */
export interface KpiChartRow {
  periodStart: string;
  label: string;
  actual: number | null;
  goal: number;
  redFlag: number;
  /** The red zone, from the red flag to the chart's edge on the bad side. */
  band: [number, number];
  forecast: number | null;
  /** Benchmarks by series key (see `benchmarkSeries`). */
  [benchmark: `bench${number}`]: number | null;
}

export interface KpiChartData {
  rows: KpiChartRow[];
  domain: [number, number];
  /** Round tick values across the domain. */
  ticks: number[];
  benchmarkSeries: { key: `bench${number}`; source: string }[];
  hasForecast: boolean;
  /** The quarter boundaries, for faint separators. */
  quarterStarts: { periodStart: string; label: string }[];
  summary: string;
}

/**
 * The KPI page's chart: per reporting period the actual, the goal and red flag
 * in force (a summed KPI's quarterly figures spread over its periods), the
 * forecast to the quarter's end and each benchmark source beside ours. Missing
 * actuals stay gaps, never zeros.
 */
export function kpiChartData(detail: KpiDetail): KpiChartData {
  const { kpi, periods, forecast, benchmarks } = detail;
  const sources = [...new Set(benchmarks.map((b) => b.source))];
  const benchmarkSeries = sources.map((source, i) => ({ key: `bench${i}` as const, source }));
  const benchAt = new Map<string, Map<string, number>>();
  for (const b of benchmarks) {
    // A benchmark belongs to the reporting period holding its date, even if the KPI's frequency changed since.
    const start = periodContaining(b.periodStart, kpi.frequency).start;
    const row = benchAt.get(start) ?? new Map<string, number>();
    row.set(b.source, b.value);
    benchAt.set(start, row);
  }
  const forecastAt = new Map((forecast?.line ?? []).map((p) => [p.periodStart, p.value]));

  const values: number[] = [];
  for (const p of periods) {
    values.push(p.goal, p.redFlag);
    if (p.value !== null) values.push(p.value);
  }
  for (const v of forecastAt.values()) values.push(v);
  for (const b of benchmarks) values.push(b.value);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const { domain, ticks } = niceDomain(lo, hi);
  const higherIsBetter = kpi.direction === "higher_is_better";

  const rows = periods.map((p) => {
    const row: KpiChartRow = {
      periodStart: p.periodStart,
      label: p.label,
      actual: p.value,
      goal: p.goal,
      redFlag: p.redFlag,
      band: higherIsBetter ? [domain[0], p.redFlag] : [p.redFlag, domain[1]],
      forecast: forecastAt.get(p.periodStart) ?? null,
    };
    const bench = benchAt.get(p.periodStart);
    for (const s of benchmarkSeries) row[s.key] = bench?.get(s.source) ?? null;
    return row;
  });

  const quarterStarts = periods
    .filter((p, i) => i > 0 && periodContaining(p.periodStart, "quarterly").start === p.periodStart)
    .map((p) => ({ periodStart: p.periodStart, label: quarterLabel(p.periodStart) }));

  const withData = periods.filter((p) => p.value !== null).length;
  const fmt = (v: number) => formatKpiValue(v, kpi.unit, kpi.kind);
  const spread = hasOwnValues(kpi.kind) && kpi.aggregation === "sum" && kpi.frequency !== "quarterly";
  const summary = [
    `${withData} of ${periods.length} periods have an actual.`,
    spread
      ? `Goal and red flag per ${kpi.frequency === "weekly" ? "week" : "month"}: the quarter's totals spread evenly.`
      : "",
    forecast
      ? `On the current trend ${forecast.quarter.start === detail.quarter.start ? detail.quarter.label : quarterLabel(forecast.quarter.start)} ends at ${fmt(forecast.projected)}.`
      : "Not enough readings for a forecast.",
    sources.length ? `Benchmarks: ${sources.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");

  return { rows, domain, ticks, benchmarkSeries, hasForecast: forecastAt.size > 1, quarterStarts, summary };
}

/** The value range with some air, on round numbers, starting at zero for non-negative data close to it. */
function niceDomain(lo: number, hi: number): { domain: [number, number]; ticks: number[] } {
  const span = hi - lo || Math.abs(hi) || 1;
  let step = 10 ** Math.floor(Math.log10(span)) / 2;
  let min = Math.floor((lo - span * 0.08) / step) * step;
  const max = Math.ceil((hi + span * 0.08) / step) * step;
  if (lo >= 0 && (min < 0 || lo < span * 0.5)) min = 0;
  while ((max - min) / step > 8) step *= 2;
  const ticks: number[] = [];
  // Rounded to the step's precision, so 0.1 + 0.2 shows as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let t = Math.ceil(min / step) * step; t <= max + step / 1e6; t += step) ticks.push(Number(t.toFixed(digits)));
  return { domain: [min, max], ticks };
}
