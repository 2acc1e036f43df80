import { KPI_FREQUENCIES, type KpiFrequency, type KpiKind } from "./kpi-definition";
import { type Period, periodContaining, todayIso } from "./periods";

const dayBefore = (day: string) =>
  new Date(new Date(`${day}T00:00:00.000Z`).getTime() - 86_400_000).toISOString().slice(0, 10);

/**
 * The period whose actual a KPI's owner owes on `today` (UTC "YYYY-MM-DD"): the last one that has
 * ended. A weekly KPI owes last week's, a monthly one last month's, a quarterly one last quarter's;
 * the period under way is not owed until it is over.
 */
export function dueActualPeriod(frequency: KpiFrequency, today: string = todayIso()): Period {
  return periodContaining(dayBefore(periodContaining(today, frequency).start), frequency);
}

/** The owed period's first day for each frequency: what a query compares actuals with, one per frequency. */
export function dueActualPeriodStarts(today: string = todayIso()): Record<KpiFrequency, string> {
  return Object.fromEntries(KPI_FREQUENCIES.map((f) => [f, dueActualPeriod(f, today).start])) as Record<
    KpiFrequency,
    string
  >;
}

/**
 * An entered KPI's actual is due when the owed period has none. Periods are named by their first
 * day, so `actualPeriodStarts` are the starts of the periods that have a value. Computed KPIs are
 * never due: their inputs are.
 */
export function isActualDue(
  kpi: { frequency: KpiFrequency; kind: KpiKind },
  actualPeriodStarts: readonly string[],
  today: string = todayIso(),
): boolean {
  if (kpi.kind !== "manual") return false;
  return !actualPeriodStarts.includes(dueActualPeriod(kpi.frequency, today).start);
}
