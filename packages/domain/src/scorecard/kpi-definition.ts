import type { Aggregation } from "./aggregation";

export const KPI_DIRECTIONS = ["higher_is_better", "lower_is_better"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const KPI_FREQUENCIES = ["weekly", "monthly", "quarterly"] as const;
export type KpiFrequency = (typeof KPI_FREQUENCIES)[number];

/**
 * Where a KPI's values come from: entered (by hand, CSV or API), computed from two other KPIs
 * (ratio, ROI), or summed from the campaign calendar's results (ADR 0020).
 */
export const KPI_KINDS = ["manual", "ratio", "roi", "campaigns"] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

/** The kinds computed from two input KPIs by a formula. */
export const COMPUTED_KPI_KINDS = ["ratio", "roi"] as const;
export type ComputedKpiKind = (typeof COMPUTED_KPI_KINDS)[number];

/** Whether a KPI is computed from two input KPIs (and so has no values of its own). */
export function isComputedKpi(kind: KpiKind): kind is ComputedKpiKind {
  return kind === "ratio" || kind === "roi";
}

/**
 * Whether a KPI has a value of its own per reporting period — entered, or summed from
 * campaigns — so that it aggregates as it declares and may be the input of a computed KPI.
 */
export function hasOwnValues(kind: KpiKind): boolean {
  return !isComputedKpi(kind);
}

/**
 * Why values cannot be entered (by hand, CSV or API) for a KPI of this kind, or null when they can:
 * only entered KPIs take values; the others derive theirs on read.
 */
export function enteredValuesRefusal(kpi: { name: string; kind: KpiKind }): string | null {
  if (kpi.kind === "manual") return null;
  if (kpi.kind === "campaigns") {
    return `${kpi.name} is summed from campaign results: enter spend and revenue on the campaigns instead.`;
  }
  return `${kpi.name} is computed from other KPIs: enter the values of its inputs instead.`;
}

export const KPI_ACTUAL_SOURCES = ["manual", "csv", "api"] as const;
export type KpiActualSource = (typeof KPI_ACTUAL_SOURCES)[number];

export const KPI_DIRECTION_LABELS: Record<KpiDirection, string> = {
  higher_is_better: "Higher is better",
  lower_is_better: "Lower is better",
};
export const KPI_FREQUENCY_LABELS: Record<KpiFrequency, string> = {
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
};
export const KPI_AGGREGATION_LABELS: Record<Aggregation, string> = {
  sum: "Sum",
  average: "Average",
  last: "Last value",
};
export const KPI_KIND_LABELS: Record<KpiKind, string> = {
  manual: "Entered",
  ratio: "Ratio (A ÷ B)",
  roi: "ROI ((return − cost) ÷ cost)",
  campaigns: "From campaigns (sum of results)",
};
/** What the two inputs of a computed KPI are called, per kind. */
export const KPI_INPUT_LABELS: Record<ComputedKpiKind, { a: string; b: string }> = {
  ratio: { a: "Numerator (e.g. conversions)", b: "Denominator (e.g. visitors)" },
  roi: { a: "Return", b: "Cost" },
};

/**
 * Goal and red flag must point the way the KPI's direction says: for a
 * higher-is-better KPI the goal lies above the red flag. Returns a message, or null when valid.
 */
export function goalRedFlagError(direction: KpiDirection, goal: number, redFlag: number): string | null {
  if (goal === redFlag) return "Goal and red flag must differ.";
  if (direction === "higher_is_better" && goal < redFlag) {
    return "For a higher-is-better KPI the goal must be above the red flag.";
  }
  if (direction === "lower_is_better" && goal > redFlag) {
    return "For a lower-is-better KPI the goal must be below the red flag.";
  }
  return null;
}

const PERIOD_NOUN: Record<KpiFrequency, { one: string; many: string }> = {
  weekly: { one: "week", many: "weeks" },
  monthly: { one: "month", many: "months" },
  quarterly: { one: "quarter", many: "quarters" },
};

/**
 * What the goal and red flag of a KPI are measured over, in words for the KPI form: every KPI
 * is scored per quarter, so a summed monthly KPI's goal is the quarter's total, not a month's.
 * `per` names the period a goal is for ("quarter", "month", "week"); `sentence` explains it (ADR 0015).
 */
export function kpiGoalPeriod(kpi: { kind: KpiKind; aggregation: Aggregation; frequency: KpiFrequency }): {
  per: string;
  sentence: string;
} {
  const { one, many } = PERIOD_NOUN[kpi.frequency];
  if (kpi.kind === "campaigns") {
    return {
      per: "quarter",
      sentence:
        "Goal and red flag are per quarter: the total of the campaigns' results in the quarter. " +
        "While a quarter is open it is held to the periods with results so far; once it has ended, to the full goal.",
    };
  }
  if (kpi.kind !== "manual") {
    return {
      per: "quarter",
      sentence: "Goal and red flag are for the quarter's value, computed from its inputs' quarter totals.",
    };
  }
  if (kpi.frequency === "quarterly") {
    return { per: "quarter", sentence: "Goal and red flag are for the quarter's value." };
  }
  switch (kpi.aggregation) {
    case "sum":
      return {
        per: "quarter",
        sentence:
          `Goal and red flag are per quarter: the total of the quarter's ${many}, not one ${one}'s. ` +
          `While a quarter is open it is held to the ${many} reported so far; once it has ended, ` +
          `to the full goal, and ${many} not reported are shown as missing.`,
      };
    case "average":
      return { per: one, sentence: `Goal and red flag are per ${one}: compared with the quarter's average ${one}.` };
    case "last":
      return { per: one, sentence: `Goal and red flag are per ${one}: compared with the quarter's latest ${one}.` };
  }
}
