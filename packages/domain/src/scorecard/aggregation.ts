export const AGGREGATIONS = ["sum", "average", "last"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export interface PeriodValue {
  /** Start of the reporting period, "YYYY-MM-DD": orders the values for "last". */
  period: string;
  value: number | null;
}

/**
 * A KPI's reporting-period values rolled into a review period (say three months
 * into a quarter). Periods without data are left out, never counted as zero;
 * with no data at all the result is null.
 */
export function aggregate(values: readonly PeriodValue[], how: Aggregation): number | null {
  const present = values.filter((v): v is { period: string; value: number } => v.value !== null);
  if (present.length === 0) return null;
  switch (how) {
    case "sum":
      return present.reduce((s, v) => s + v.value, 0);
    case "average":
      return present.reduce((s, v) => s + v.value, 0) / present.length;
    case "last": {
      // The latest period's value (the later one of two equal periods, as a stable sort would leave it);
      // periods are "YYYY-MM-DD", so comparing the strings compares the days.
      let last = present[0] as { period: string; value: number };
      for (const v of present) if (v.period >= last.period) last = v;
      return last.value;
    }
  }
}
