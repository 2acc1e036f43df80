import { type Aggregation, aggregate, type PeriodValue } from "./aggregation";

/** Conversion rate = conversions ÷ visitors. A blank input (or no visitors) makes the result blank. */
export function conversionRate(conversions: number | null, visitors: number | null): number | null {
  if (conversions === null || visitors === null || visitors === 0) return null;
  return conversions / visitors;
}

/** ROI = (return − cost) ÷ cost. A blank input (or no cost) makes the result blank. */
export function returnOnInvestment(returned: number | null, cost: number | null): number | null {
  if (returned === null || cost === null || cost === 0) return null;
  return (returned - cost) / cost;
}

/**
 * A computed KPI over a longer period aggregates its inputs first, then applies
 * its formula: a quarter's conversion rate is Σ conversions ÷ Σ visitors, not
 * the mean of the monthly rates.
 */
export function computeOverPeriod(
  formula: (a: number | null, b: number | null) => number | null,
  a: readonly PeriodValue[],
  b: readonly PeriodValue[],
  how: Aggregation = "sum",
): number | null {
  return formula(aggregate(a, how), aggregate(b, how));
}
