import { linearForecast } from "../analytics/forecast";
import { aggregate, type PeriodValue } from "./aggregation";
import { hasOwnValues, type KpiDirection } from "./kpi-definition";
import { type KpiStatus, kpiScore, kpiStatus } from "./kpi-score";
import { type Period, periodsWithin, quarterContaining, quartersEndingAt } from "./periods";
import {
  type KpiForScoring,
  kpiActualFor,
  ownValues,
  type ScorecardIndex,
  type ScoredKpi,
  scoreKpi,
  targetsFor,
} from "./score-scorecard";

/** A KPI as its page needs it: what scoring needs, plus how often it reports and which way is better. */
export interface KpiForHistory extends KpiForScoring {
  direction: KpiDirection;
}

export interface KpiHistoryRow {
  period: Period;
  actual: number | null;
  goal: number;
  redFlag: number;
  targetShare: ScoredKpi["targetShare"];
  score: number | null;
  status: KpiStatus;
}

/** The KPI scored in each period (usually quarters) as of `today`, exactly as the scorecard scores it. */
export function kpiHistory(
  index: ScorecardIndex,
  kpi: KpiForScoring,
  periods: readonly Period[],
  today: string,
): KpiHistoryRow[] {
  return periods.map((period) => {
    const { actual, goal, redFlag, targetShare, score, status } = scoreKpi(index, kpi, period, today);
    return { period, actual, goal, redFlag, targetShare, score, status };
  });
}

export interface KpiReading {
  period: Period;
  value: number | null;
}

/**
 * The KPI's value in each of its own reporting periods that start inside
 * `range`, oldest first. A computed KPI applies its formula per period.
 */
export function kpiReadings(index: ScorecardIndex, kpi: KpiForHistory, range: Period): KpiReading[] {
  return periodsWithin(range, kpi.frequency).map((period) => ({ period, value: kpiActualFor(index, kpi, period) }));
}

/**
 * The KPI's most recent value up to `today`: an entered (or campaign-fed) KPI's latest value,
 * a computed KPI's latest reporting period (within `lookback`) where both inputs have one.
 */
export function latestKpiReading(
  index: ScorecardIndex,
  kpi: KpiForHistory,
  today: string,
  lookback: Period,
): { periodStart: string; value: number } | null {
  if (hasOwnValues(kpi.kind)) {
    let latest: { periodStart: string; value: number } | null = null;
    for (const a of ownValues(index, kpi) ?? []) {
      if (a.value === null || a.period > today) continue;
      if (!latest || a.period > latest.periodStart) latest = { periodStart: a.period, value: a.value };
    }
    return latest;
  }
  const readings = kpiReadings(index, kpi, lookback).filter((r) => r.value !== null && r.period.start <= today);
  const last = readings.at(-1);
  return last && last.value !== null ? { periodStart: last.period.start, value: last.value } : null;
}

/**
 * A quarter's goal and red flag as drawn beside one reporting period: a summed
 * KPI's quarterly goal is spread evenly over its periods (a monthly line beside
 * a quarterly total would always look far behind); other KPIs keep it as is.
 */
export function reportingPeriodTargets(
  kpi: Pick<KpiForHistory, "kind" | "aggregation" | "frequency">,
  quarterTargets: { goal: number; redFlag: number },
  quarter: Period,
): { goal: number; redFlag: number } {
  if (!hasOwnValues(kpi.kind) || kpi.aggregation !== "sum") return quarterTargets;
  const n = periodsWithin(quarter, kpi.frequency).length || 1;
  return { goal: quarterTargets.goal / n, redFlag: quarterTargets.redFlag / n };
}

/** How the goal stands by the end of the quarter. */
export type GoalOutlook = "met" | "reached" | "missed";

export interface KpiForecast {
  quarter: Period;
  /** Which readings the trend was fitted to: the quarter's own, or the last four quarters' when it has fewer than two. */
  basis: "this_quarter" | "recent_quarters";
  readingCount: number;
  /** The trend for the dashed line: the last reading, then each later reporting period of the quarter (at its end). */
  line: { periodStart: string; value: number }[];
  /** The quarter's value if the trend holds: actuals where there are some, the trend after the last reading. */
  projected: number;
  goal: number;
  redFlag: number;
  projectedScore: number | null;
  projectedStatus: KpiStatus;
  /** "met": the goal is met already; "reached": the trend gets there on `reachesGoalOn`; "missed": not this quarter. */
  goalOutlook: GoalOutlook;
  reachesGoalOn: string | null;
}

const toDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The KPI's trend projected to the end of the quarter holding `today`: a
 * least-squares line over its recent readings (each placed at the end of its
 * reporting period), the quarter's projected value and status, and when the
 * goal would be reached. Gaps before the last reading stay gaps; the trend
 * fills the periods after it. Null without two readings to draw a line through.
 */
export function kpiForecast(index: ScorecardIndex, kpi: KpiForHistory, today: string): KpiForecast | null {
  const quarter = quarterContaining(today);
  const present = (readings: KpiReading[]) =>
    readings.filter((r): r is { period: Period; value: number } => r.value !== null && r.period.start <= today);

  // Values dated after today (planned, or typed into the wrong period) are no readings yet.
  const quarterReadings = kpiReadings(index, kpi, quarter).map((r) =>
    r.period.start <= today ? r : { period: r.period, value: null },
  );
  let basis: KpiForecast["basis"] = "this_quarter";
  let fitted = present(quarterReadings);
  if (fitted.length < 2) {
    const recent = quartersEndingAt(today, 4);
    const range = { start: recent[0]?.start ?? quarter.start, end: quarter.end };
    basis = "recent_quarters";
    fitted = present(kpiReadings(index, kpi, range));
  }
  const last = fitted.at(-1);
  if (!last) return null;
  const { goal, redFlag } = targetsFor(index, kpi, quarter);
  const trend = linearForecast(
    fitted.map((r) => ({ at: toDate(r.period.end), value: r.value })),
    toDate(quarter.end),
    goal,
  );
  if (!trend) return null;

  const afterLast = (p: Period) => p.start > last.period.start;
  const filled: PeriodValue[] = quarterReadings.map((r) => ({
    period: r.period.start,
    value: r.value ?? (afterLast(r.period) ? trend.at(toDate(r.period.end)) : null),
  }));
  // A computed KPI's quarter is a ratio of sums; the mean of its per-period values approximates it.
  const projected = aggregate(filled, hasOwnValues(kpi.kind) ? kpi.aggregation : "average") ?? trend.projected;
  const projectedScore = kpiScore(projected, goal, redFlag);

  const line = [
    { periodStart: last.period.start, value: last.value },
    ...quarterReadings
      .filter((r) => afterLast(r.period))
      .map((r) => ({ periodStart: r.period.start, value: trend.at(toDate(r.period.end)) })),
  ];

  const meets = (value: number) => (kpi.direction === "higher_is_better" ? value >= goal : value <= goal);
  let goalOutlook: GoalOutlook = "missed";
  let reachesGoalOn: string | null = null;
  if (hasOwnValues(kpi.kind) && kpi.aggregation === "sum") {
    // A quarterly total builds up period by period: the goal is reached when the running sum gets there.
    let running = 0;
    for (const v of filled) {
      if (v.value === null) continue;
      running += v.value;
      if (kpi.direction === "higher_is_better" && running >= goal) {
        const period = quarterReadings.find((r) => r.period.start === v.period)?.period;
        const byActuals = period !== undefined && !afterLast(period);
        goalOutlook = byActuals ? "met" : "reached";
        reachesGoalOn = byActuals ? null : (period?.end ?? null);
        break;
      }
    }
    // A lower-is-better total (a cost budget) is never "reached"; it holds or it does not.
    if (kpi.direction === "lower_is_better" && meets(projected)) goalOutlook = "met";
  } else if (meets(last.value)) {
    goalOutlook = "met";
  } else if (meets(trend.at(toDate(quarter.end)))) {
    goalOutlook = "reached";
    // The line crosses the goal ahead of the data; a line already past it (or flat) reaches it with the next period.
    const firstLater = quarterReadings.find((r) => afterLast(r.period))?.period.end ?? quarter.end;
    reachesGoalOn = trend.reachesTargetOn ? toDay(trend.reachesTargetOn) : firstLater;
  }

  return {
    quarter,
    basis,
    readingCount: fitted.length,
    line,
    projected,
    goal,
    redFlag,
    projectedScore,
    projectedStatus: kpiStatus(projectedScore),
    goalOutlook,
    reachesGoalOn,
  };
}
