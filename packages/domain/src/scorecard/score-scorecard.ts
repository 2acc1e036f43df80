import { type Aggregation, aggregate, type PeriodValue } from "./aggregation";
import { conversionRate, returnOnInvestment } from "./computed-kpi";
import { hasOwnValues, type KpiFrequency, type KpiKind } from "./kpi-definition";
import { type KpiStatus, kpiScore, kpiStatus, weightedScore } from "./kpi-score";
import { type Period, periodContaining, periodsWithin, quarterContaining, quarterLabel } from "./periods";

export interface ScoredPerspective {
  id: string;
  name: string;
  weight: number;
  score: number | null;
  status: KpiStatus;
  objectives: ScoredObjective[];
}
export interface ScoredObjective {
  id: string;
  name: string;
  perspectiveId: string;
  weight: number;
  score: number | null;
  status: KpiStatus;
  kpis: ScoredKpi[];
}
export interface ScoredKpi {
  id: string;
  name: string;
  weight: number;
  actual: number | null;
  goal: number;
  redFlag: number;
  /** Set when a summed KPI has data for only some of the period's reporting periods (see `targetsToDate`). */
  targetShare: TargetShare | null;
  score: number | null;
  status: KpiStatus;
}

/**
 * A summed KPI with data for `reported` of the period's `total` reporting periods.
 * "to_date": the period is still open and the actual is held to that share of goal
 * and red flag; "full": the period has ended, the missing periods are missing data,
 * and the actual is held to the full goal and red flag (ADR 0015).
 */
export interface TargetShare {
  reported: number;
  total: number;
  basis: "to_date" | "full";
}

export interface KpiForScoring {
  id: string;
  name: string;
  strategicObjectiveId: string | null;
  weight: number;
  kind: KpiKind;
  /** Computed KPIs: the numerator / return (a) and the denominator / cost (b). */
  inputAId: string | null;
  inputBId: string | null;
  aggregation: Aggregation;
  frequency: KpiFrequency;
  goal: number;
  redFlag: number;
}

export interface ScorecardData {
  perspectives: readonly { id: string; name: string; weight: number }[];
  objectives: readonly { id: string; name: string; perspectiveId: string; weight: number }[];
  kpis: readonly KpiForScoring[];
  actuals: readonly { kpiId: string; periodStart: string; value: number }[];
  /**
   * Campaign-fed KPIs' values per reporting period, summed from campaign results when read
   * (ADR 0020); left out, none. Values entered for such a KPI before it was fed by campaigns are not read.
   */
  campaignActuals?: readonly { kpiId: string; periodStart: string; value: number }[];
  /** Per-period goal / red-flag overrides; the period is named by its first day. */
  targets: readonly { kpiId: string; periodStart: string; goal: number; redFlag: number }[];
}

export interface ScorecardResult {
  period: Period;
  score: number | null;
  status: KpiStatus;
  perspectives: ScoredPerspective[];
  /** KPIs linked to no strategic objective: shown, but outside every average. */
  unlinkedKpis: ScoredKpi[];
}

/** Indexes the data once, for scoring many periods. */
export function indexScorecard(data: ScorecardData) {
  const kpiById = new Map(data.kpis.map((k) => [k.id, k]));
  const byKpi = (rows: ScorecardData["actuals"]) => {
    const map = new Map<string, PeriodValue[]>();
    for (const a of rows) {
      const list = map.get(a.kpiId) ?? [];
      list.push({ period: a.periodStart, value: a.value });
      map.set(a.kpiId, list);
    }
    // Oldest first, so a period's values are one run of each list (ownValuesWithin).
    for (const list of map.values()) list.sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : 0));
    return map;
  };
  const actualsByKpi = byKpi(data.actuals);
  const campaignActualsByKpi = byKpi(data.campaignActuals ?? []);
  const targetByKey = new Map(data.targets.map((t) => [`${t.kpiId}|${t.periodStart}`, t]));
  return { data, kpiById, actualsByKpi, campaignActualsByKpi, targetByKey };
}
export type ScorecardIndex = ReturnType<typeof indexScorecard>;

/**
 * A KPI's own values per reporting period: an entered KPI's actuals, a campaign-fed KPI's
 * sums of campaign results; a computed KPI has none (its value is its formula's).
 */
export function ownValues(
  index: ScorecardIndex,
  kpi: Pick<KpiForScoring, "id" | "kind">,
): readonly PeriodValue[] | undefined {
  if (kpi.kind === "manual") return index.actualsByKpi.get(kpi.id);
  if (kpi.kind === "campaigns") return index.campaignActualsByKpi.get(kpi.id);
  return undefined;
}

/** ownValues within `period`: the run of its oldest-first list between the period's first and last day. */
function ownValuesWithin(
  index: ScorecardIndex,
  kpi: Pick<KpiForScoring, "id" | "kind">,
  period: Period,
): readonly PeriodValue[] {
  const values = ownValues(index, kpi) ?? [];
  const from = firstIndex(values, (v) => v.period >= period.start);
  return values.slice(
    from,
    firstIndex(values, (v) => v.period > period.end, from),
  );
}

/** The first index from `from` on whose value passes `test`, in a list where it passes from some point on. */
function firstIndex(values: readonly PeriodValue[], test: (v: PeriodValue) => boolean, from = 0): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(values[mid] as PeriodValue)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A KPI's value over a period: its own values (entered, or summed from campaigns)
 * aggregated as it declares; a computed KPI aggregates each input as that input
 * declares, then applies its formula (a quarter's conversion rate is Σ conversions ÷ Σ visitors,
 * marketing ROI is (Σ attributed revenue − Σ spend) ÷ Σ spend).
 */
export function kpiActualFor(index: ScorecardIndex, kpi: KpiForScoring, period: Period): number | null {
  if (hasOwnValues(kpi.kind)) return aggregate(ownValuesWithin(index, kpi, period), kpi.aggregation);
  const a = kpi.inputAId ? index.kpiById.get(kpi.inputAId) : undefined;
  const b = kpi.inputBId ? index.kpiById.get(kpi.inputBId) : undefined;
  // Inputs have values of their own; a computed input would be a loop waiting to happen, so it counts as blank.
  const inputValue = (input: KpiForScoring | undefined) =>
    input && hasOwnValues(input.kind) ? aggregate(ownValuesWithin(index, input, period), input.aggregation) : null;
  const formula = kpi.kind === "ratio" ? conversionRate : returnOnInvestment;
  return formula(inputValue(a), inputValue(b));
}

/** The goal and red flag for a period: its override when there is one, else the KPI's default. */
export function targetsFor(
  index: ScorecardIndex,
  kpi: KpiForScoring,
  period: Period,
): { goal: number; redFlag: number } {
  const override = index.targetByKey.get(`${kpi.id}|${period.start}`);
  return override ? { goal: override.goal, redFlag: override.redFlag } : { goal: kpi.goal, redFlag: kpi.redFlag };
}

/** Whether `period` has ended by `today` ("YYYY-MM-DD"): its last day is behind us. */
export const periodHasEnded = (period: Period, today: string) => period.end < today;

/**
 * The goal and red flag a period's actual is held to, on `today`. While the
 * period is open, a summed KPI is held to the share of its targets for the
 * reporting periods that have data: two months reported of a quarter in
 * progress meet two thirds of the quarter's goal, so a quarter in progress is
 * judged on what has been reported so far. Once the period has ended, a missing
 * month is missing data, not a smaller goal: the actual is held to the full goal
 * and red flag, and `targetShare` (basis "full") says how many periods reported
 * (ADR 0015).
 */
export function targetsToDate(
  index: ScorecardIndex,
  kpi: KpiForScoring,
  period: Period,
  today: string,
): { goal: number; redFlag: number; targetShare: ScoredKpi["targetShare"] } {
  const full = targetsFor(index, kpi, period);
  if (!hasOwnValues(kpi.kind) || kpi.aggregation !== "sum") return { ...full, targetShare: null };
  const total = periodsWithin(period, kpi.frequency).length;
  const reported = new Set(
    ownValuesWithin(index, kpi, period)
      .filter((v) => v.value !== null)
      .map((v) => periodContaining(v.period, kpi.frequency).start),
  ).size;
  if (total <= 1 || reported === 0 || reported >= total) return { ...full, targetShare: null };
  if (periodHasEnded(period, today)) return { ...full, targetShare: { reported, total, basis: "full" } };
  const share = reported / total;
  return { goal: full.goal * share, redFlag: full.redFlag * share, targetShare: { reported, total, basis: "to_date" } };
}

/** One KPI scored for one period as of `today`: the function every view's KPI score comes from. */
export function scoreKpi(index: ScorecardIndex, kpi: KpiForScoring, period: Period, today: string): ScoredKpi {
  const actual = kpiActualFor(index, kpi, period);
  const { goal, redFlag, targetShare } = targetsToDate(index, kpi, period, today);
  const score = kpiScore(actual, goal, redFlag);
  return {
    id: kpi.id,
    name: kpi.name,
    weight: kpi.weight,
    actual,
    goal,
    redFlag,
    targetShare,
    score,
    status: kpiStatus(score),
  };
}

/**
 * Scores the whole scorecard for one period as of `today`: KPIs by the goal /
 * red-flag method, then weighted means up through strategic objectives,
 * perspectives and the scorecard. Missing data stays missing at every level.
 */
export function scoreScorecard(index: ScorecardIndex, period: Period, today: string): ScorecardResult {
  const kpisByObjective = new Map<string, ScoredKpi[]>();
  const unlinkedKpis: ScoredKpi[] = [];
  for (const kpi of index.data.kpis) {
    const scored = scoreKpi(index, kpi, period, today);
    if (kpi.strategicObjectiveId === null) unlinkedKpis.push(scored);
    else {
      const list = kpisByObjective.get(kpi.strategicObjectiveId) ?? [];
      list.push(scored);
      kpisByObjective.set(kpi.strategicObjectiveId, list);
    }
  }
  const perspectives = index.data.perspectives.map((p): ScoredPerspective => {
    const objectives = index.data.objectives
      .filter((o) => o.perspectiveId === p.id)
      .map((o): ScoredObjective => {
        const kpis = kpisByObjective.get(o.id) ?? [];
        const score = weightedScore(kpis);
        return { ...o, score, status: kpiStatus(score), kpis };
      });
    const score = weightedScore(objectives);
    return { id: p.id, name: p.name, weight: p.weight, score, status: kpiStatus(score), objectives };
  });
  const score = weightedScore(perspectives);
  return { period, score, status: kpiStatus(score), perspectives, unlinkedKpis };
}

const PERIOD_NOUNS: Record<KpiFrequency, string> = { weekly: "weeks", monthly: "months", quarterly: "quarters" };

/**
 * Shown beside a summed KPI's goal when only some periods reported: "to date: 2 of 3 months"
 * while the period is open (held to that share of the goal), "1 of 3 months reported" once it
 * has ended (held to the full goal). Snapshots taken before ADR 0015 carry no basis: "to date".
 */
export function targetShareLabel(
  share: (Omit<TargetShare, "basis"> & { basis?: TargetShare["basis"] }) | null | undefined,
  frequency?: KpiFrequency,
): string | null {
  if (!share) return null;
  const counted = `${share.reported} of ${share.total} ${frequency ? PERIOD_NOUNS[frequency] : "periods"}`;
  return share.basis === "full" ? `${counted} reported` : `to date: ${counted}`;
}

/**
 * The quarters a person can pick on scorecard views, newest first: those holding any actual
 * (their first days, listed by the database), and today's.
 */
export function selectableQuarters(
  quartersWithActuals: readonly string[],
  today: string,
): (Period & { label: string })[] {
  const starts = new Set(quartersWithActuals.map((day) => quarterContaining(day).start));
  starts.add(quarterContaining(today).start);
  return [...starts]
    .sort()
    .reverse()
    .map((start) => {
      const quarter = quarterContaining(start);
      return { ...quarter, label: quarterLabel(quarter) };
    });
}
