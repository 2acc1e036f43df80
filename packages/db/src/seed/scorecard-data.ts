import {
  type Aggregation,
  DEFAULT_PERSPECTIVES,
  type KpiActualSource,
  type KpiCampaignSource,
  type KpiDirection,
  type KpiFrequency,
  type KpiKind,
} from "@meridian/domain";

/**
 * Northwind Labs' balanced scorecard: pure data; scorecard.ts writes it.
 *
 * Values are not listed one by one: each entered KPI tells a "story" on the
 * 0–10 score scale over nine quarters (eight finished ones, oldest first, then
 * the current one), and the seed turns it into actuals through the KPI's goal
 * and red flag. That keeps the statuses believable and chosen: some KPIs climb
 * from red to green, some slide into red by the last finished quarter.
 */

const [financial, customer, process, learning] = DEFAULT_PERSPECTIVES;
/** Every organization's default perspectives, keyed for the data below. */
export const DEMO_PERSPECTIVES = [
  { key: "financial", ...financial },
  { key: "customer", ...customer },
  { key: "process", ...process },
  { key: "learning", ...learning },
] as const;
export type DemoPerspectiveKey = (typeof DEMO_PERSPECTIVES)[number]["key"];

export interface DemoStrategicObjective {
  key: string;
  perspective: DemoPerspectiveKey;
  name: string;
  description: string;
  /** A demo user's key (demo-data.ts). */
  owner: string;
  weight: number;
}

export const DEMO_STRATEGIC_OBJECTIVES: DemoStrategicObjective[] = [
  {
    key: "revenue",
    perspective: "financial",
    name: "Grow recurring revenue",
    description: "Compound ARR through new mid-market logos and expansion, at healthy margins.",
    owner: "ceo",
    weight: 2,
  },
  {
    key: "efficiency",
    perspective: "financial",
    name: "Spend marketing money where it returns",
    description: "Every marketing dollar should come back several times over in sourced revenue.",
    owner: "manager",
    weight: 1,
  },
  {
    key: "mid-market",
    perspective: "customer",
    name: "Win in the mid-market",
    description: "Be the default choice for 200–2,000 person software companies.",
    owner: "sales",
    weight: 1,
  },
  {
    key: "loyalty",
    perspective: "customer",
    name: "Keep and grow our customers",
    description: "Customers stay, recommend us and buy more.",
    owner: "cs",
    weight: 1.5,
  },
  {
    key: "demand",
    perspective: "process",
    name: "Run a predictable demand engine",
    description: "Traffic turns into trials, and trials into pipeline, at a rate we can plan on.",
    owner: "manager",
    weight: 1,
  },
  {
    key: "platform",
    perspective: "process",
    name: "Deliver a reliable platform",
    description: "Enterprise-grade uptime and a short road from merge to production.",
    owner: "eng",
    weight: 1,
  },
  {
    key: "support",
    perspective: "process",
    name: "Resolve support issues fast",
    description: "Customers get answers the same working day.",
    owner: "cs",
    weight: 1,
  },
  {
    key: "people",
    perspective: "learning",
    name: "Build an engaged, skilled team",
    description: "People who want to stay, and keep learning while they do.",
    owner: "admin",
    weight: 1,
  },
  {
    key: "data",
    perspective: "learning",
    name: "Make decisions with data",
    description: "Teams answer their own questions from shared dashboards instead of asking analysts.",
    owner: "manager",
    weight: 1,
  },
];

/** Cause → effect arrows of the strategy map: learning drives process, process the customer, the customer finance. */
export const DEMO_STRATEGY_LINKS: { cause: string; effect: string }[] = [
  { cause: "people", effect: "platform" },
  { cause: "people", effect: "support" },
  { cause: "data", effect: "demand" },
  { cause: "demand", effect: "mid-market" },
  { cause: "demand", effect: "efficiency" },
  { cause: "platform", effect: "loyalty" },
  { cause: "support", effect: "loyalty" },
  { cause: "mid-market", effect: "revenue" },
  { cause: "loyalty", effect: "revenue" },
];

/**
 * A KPI's path on the 0–10 score scale over the nine seeded quarters:
 * a straight line from `from` (oldest quarter) to `to` (the last finished
 * quarter), carried on one step into the current quarter, plus a seasonal
 * swing of ±`wave` that is zero in the last finished quarter.
 */
export interface ScoreStory {
  from: number;
  to: number;
  wave?: number;
}

export interface DemoKpi {
  key: string;
  name: string;
  description: string;
  unit: string;
  direction: KpiDirection;
  frequency: KpiFrequency;
  aggregation: Aggregation;
  /** Over a quarter, after aggregation (a monthly sum's goal is the quarter's total). */
  goal: number;
  redFlag: number;
  owner: string;
  /** Strategic objective key; null leaves the KPI outside the scorecard's averages. */
  objective: string | null;
  weight: number;
  kind: KpiKind;
  /** Computed KPIs: keys of the numerator / return (a) and denominator / cost (b). */
  inputs?: { a: string; b: string };
  /** Campaign-fed KPIs: what they sum from the demo's campaigns (they have no seeded actuals). */
  campaignSource?: KpiCampaignSource;
  /** Entered KPIs: the score path their actuals follow. Computed KPIs: the path their inputs are shaped to give. */
  story: ScoreStory;
  /** Decimals the values are reported with. */
  decimals: number;
  source?: KpiActualSource;
  /** A value no reading can pass (uptime's 100 %). */
  ceiling?: number;
  /** Quarters (0 = oldest) with no data at all: the survey that did not run. */
  missingQuarters?: number[];
}

export const DEMO_KPIS: DemoKpi[] = [
  // Financial
  {
    key: "arr",
    name: "Annual recurring revenue",
    description: "Contracted ARR at month end.",
    unit: "k USD",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "last",
    goal: 5000,
    redFlag: 4400,
    owner: "ceo",
    objective: "revenue",
    weight: 2,
    kind: "manual",
    story: { from: 1.2, to: 8.3, wave: 0.3 },
    decimals: 0,
  },
  {
    key: "gross-margin",
    name: "Gross margin",
    description: "Revenue less hosting and support cost, as a share of revenue; closed per quarter by finance.",
    unit: "%",
    direction: "higher_is_better",
    frequency: "quarterly",
    aggregation: "last",
    goal: 78,
    redFlag: 72,
    owner: "admin",
    objective: "revenue",
    weight: 1,
    kind: "manual",
    story: { from: 3.0, to: 7.0, wave: 0.9 },
    decimals: 1,
  },
  {
    key: "marketing-roi",
    name: "Marketing ROI",
    description: "(Marketing-sourced revenue − marketing spend) ÷ marketing spend.",
    unit: "%",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    goal: 2,
    redFlag: 1.2,
    owner: "manager",
    objective: "efficiency",
    weight: 2,
    kind: "roi",
    inputs: { a: "marketing-revenue", b: "marketing-spend" },
    story: { from: 5.8, to: 2.9, wave: 0.7 },
    decimals: 1,
  },
  {
    key: "cac",
    name: "Customer acquisition cost",
    description: "Sales and marketing cost per new customer, averaged over the months of the quarter.",
    unit: "k USD",
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "average",
    goal: 9,
    redFlag: 13,
    owner: "manager",
    objective: "efficiency",
    weight: 1,
    kind: "manual",
    story: { from: 4.2, to: 7.5, wave: 0.8 },
    decimals: 1,
  },
  // Customer
  {
    key: "win-rate",
    name: "Mid-market win rate",
    description: "Closed-won ÷ closed opportunities in the mid-market segment.",
    unit: "%",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "average",
    goal: 28,
    redFlag: 20,
    owner: "sales",
    objective: "mid-market",
    weight: 2,
    kind: "manual",
    story: { from: 2.4, to: 6.9, wave: 0.6 },
    decimals: 1,
  },
  {
    key: "sales-cycle",
    name: "Sales cycle length",
    description: "Median days from first meeting to signature.",
    unit: "days",
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "average",
    goal: 45,
    redFlag: 70,
    owner: "sales",
    objective: "mid-market",
    weight: 1,
    kind: "manual",
    story: { from: 3.9, to: 5.4, wave: 0.5 },
    decimals: 0,
  },
  {
    key: "churn",
    name: "Customer churn rate",
    description: "Share of customers who cancelled in the month.",
    unit: "%",
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "average",
    goal: 1,
    redFlag: 2,
    owner: "cs",
    objective: "loyalty",
    weight: 2,
    kind: "manual",
    story: { from: 6.1, to: 2.4, wave: 0.4 },
    decimals: 2,
  },
  {
    key: "nrr",
    name: "Net revenue retention",
    description: "Revenue kept from customers of a year ago, expansion included.",
    unit: "%",
    direction: "higher_is_better",
    frequency: "quarterly",
    aggregation: "last",
    goal: 112,
    redFlag: 100,
    owner: "cs",
    objective: "loyalty",
    weight: 1,
    kind: "manual",
    story: { from: 4.4, to: 6.9, wave: 0.4 },
    decimals: 1,
  },
  {
    key: "nps",
    name: "Net promoter score",
    description: "Quarterly relationship survey of all admins and champions.",
    unit: "points",
    direction: "higher_is_better",
    frequency: "quarterly",
    aggregation: "last",
    goal: 45,
    redFlag: 30,
    owner: "cs",
    objective: "loyalty",
    weight: 1,
    kind: "manual",
    story: { from: 5.9, to: 7.3, wave: 0.5 },
    decimals: 0,
  },
  // Internal process
  {
    key: "conversion",
    name: "Visitor-to-trial conversion rate",
    description: "Trial sign-ups ÷ website visitors, summed over the quarter first.",
    unit: "%",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    goal: 0.035,
    redFlag: 0.025,
    owner: "manager",
    objective: "demand",
    weight: 2,
    kind: "ratio",
    inputs: { a: "trials", b: "visitors" },
    story: { from: 1.9, to: 7.6, wave: 0.8 },
    decimals: 4,
  },
  {
    key: "lead-response",
    name: "Lead response time",
    description: "Median hours from a demo request to the first human reply.",
    unit: "hours",
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "average",
    goal: 2,
    redFlag: 8,
    owner: "manager",
    objective: "demand",
    weight: 1,
    kind: "manual",
    story: { from: 1.7, to: 5.2, wave: 0.6 },
    decimals: 1,
  },
  {
    key: "uptime",
    name: "Platform uptime",
    description: "Availability of the production API, measured every week.",
    unit: "%",
    direction: "higher_is_better",
    frequency: "weekly",
    aggregation: "average",
    goal: 99.9,
    redFlag: 99.75,
    owner: "eng",
    objective: "platform",
    weight: 2,
    kind: "manual",
    story: { from: 3.3, to: 7.3, wave: 0.5 },
    decimals: 3,
    ceiling: 100,
  },
  {
    key: "lead-time",
    name: "Deployment lead time",
    description: "Average hours from merge to running in production.",
    unit: "hours",
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "average",
    goal: 24,
    redFlag: 72,
    owner: "eng",
    objective: "platform",
    weight: 1,
    kind: "manual",
    story: { from: 1.3, to: 6.2, wave: 0.4 },
    decimals: 1,
  },
  {
    key: "mttr",
    name: "Mean time to resolve",
    description: "Average business hours from a support ticket's opening to its resolution.",
    unit: "hours",
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "average",
    goal: 8,
    redFlag: 16,
    owner: "cs",
    objective: "support",
    weight: 1,
    kind: "manual",
    story: { from: 4.6, to: 2.7, wave: 0.5 },
    decimals: 1,
  },
  // Learning & growth
  {
    key: "enps",
    name: "Employee engagement (eNPS)",
    description: "Quarterly pulse survey; the survey was skipped once during the office move.",
    unit: "points",
    direction: "higher_is_better",
    frequency: "quarterly",
    aggregation: "last",
    goal: 40,
    redFlag: 20,
    owner: "admin",
    objective: "people",
    weight: 2,
    kind: "manual",
    story: { from: 3.1, to: 7.2, wave: 0.6 },
    decimals: 0,
    missingQuarters: [4],
  },
  {
    key: "attrition",
    name: "Regretted attrition",
    description: "Regretted leavers in the last twelve months as a share of headcount.",
    unit: "%",
    direction: "lower_is_better",
    frequency: "quarterly",
    aggregation: "last",
    goal: 2,
    redFlag: 5,
    owner: "admin",
    objective: "people",
    weight: 1,
    kind: "manual",
    story: { from: 4.4, to: 7.6, wave: 0.5 },
    decimals: 1,
  },
  {
    key: "analytics-adoption",
    name: "Self-serve analytics adoption",
    description: "Share of staff who opened a shared dashboard at least weekly in the month.",
    unit: "%",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "last",
    goal: 70,
    redFlag: 45,
    owner: "manager",
    objective: "data",
    weight: 1,
    kind: "manual",
    story: { from: 2.2, to: 7.0, wave: 0.5 },
    decimals: 0,
  },
  // Inputs of the computed KPIs: reported on their own, outside the averages.
  {
    key: "visitors",
    name: "Website visitors",
    description: "Unique visitors to the marketing site, from web analytics.",
    unit: "visitors",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    goal: 180_000,
    redFlag: 140_000,
    owner: "member",
    objective: null,
    weight: 1,
    kind: "manual",
    story: { from: 3.4, to: 6.8, wave: 1.2 },
    decimals: 0,
    source: "api",
  },
  {
    key: "trials",
    name: "Trial sign-ups",
    description: "New self-serve trials started; shaped by the conversion rate's story.",
    unit: "sign-ups",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    goal: 6300,
    redFlag: 4200,
    owner: "manager",
    objective: null,
    weight: 1,
    kind: "manual",
    story: { from: 5, to: 5 },
    decimals: 0,
    source: "api",
  },
  // Fed by the campaign calendar (ADR 0020): their numbers are the demo campaigns' results, this
  // quarter's, so the quarters before it have none; Marketing ROI is computed from the two.
  {
    key: "marketing-spend",
    name: "Marketing spend",
    description: "What the campaigns on the calendar have spent, summed from their results.",
    unit: "EUR",
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "sum",
    goal: 50_000,
    redFlag: 60_000,
    owner: "manager",
    objective: null,
    weight: 1,
    kind: "campaigns",
    campaignSource: { measure: "spend", channel: null, currency: "EUR" },
    story: { from: 5, to: 5 },
    decimals: 2,
  },
  {
    key: "marketing-revenue",
    name: "Marketing-sourced revenue",
    description: "Revenue the campaigns on the calendar are credited with, summed from their results.",
    unit: "EUR",
    direction: "higher_is_better",
    frequency: "monthly",
    aggregation: "sum",
    goal: 160_000,
    redFlag: 120_000,
    owner: "manager",
    objective: null,
    weight: 1,
    kind: "campaigns",
    campaignSource: { measure: "revenue", channel: null, currency: "EUR" },
    story: { from: 5, to: 5 },
    decimals: 2,
  },
];

/** Per-quarter goal / red-flag overrides; `quarter` counts from the oldest seeded (8 = the current one). */
export const DEMO_KPI_TARGETS: { kpi: string; quarter: number; goal: number; redFlag: number }[] = [
  // The board raised the ARR goal for this quarter after last quarter's beat.
  { kpi: "arr", quarter: 8, goal: 5600, redFlag: 5000 },
  { kpi: "win-rate", quarter: 8, goal: 30, redFlag: 22 },
  // A relaxed churn target while the pricing change settled.
  { kpi: "churn", quarter: 3, goal: 1.3, redFlag: 2.3 },
];

/**
 * Competitors' and the industry's figures for the eight finished quarters,
 * each as a score path like a KPI's story (so they sit where they should
 * relative to our goal and red flag).
 */
export const DEMO_BENCHMARK_SOURCES: { source: string; story: ScoreStory }[] = [
  { source: "Contoso", story: { from: 6.6, to: 7.8, wave: 0.3 } },
  { source: "Fabrikam", story: { from: 4.6, to: 3.9, wave: 0.5 } },
  { source: "Industry median", story: { from: 5.0, to: 5.4, wave: 0.2 } },
];
export const DEMO_BENCHMARKED_KPIS = ["churn", "nps", "conversion", "mttr", "win-rate"];

/** OKR objectives (by title, in demo-data.ts) that the quarter's work aligns to a strategic objective. */
export const DEMO_OBJECTIVE_ALIGNMENT: { title: string; strategicObjective: string }[] = [
  { title: "Grow recurring revenue into a second growth engine", strategicObjective: "revenue" },
  { title: "Prove the mid-market motion", strategicObjective: "mid-market" },
  { title: "Close more of the deals we create", strategicObjective: "mid-market" },
  { title: "Build a predictable marketing pipeline", strategicObjective: "demand" },
  { title: "Turn happy customers into advocates", strategicObjective: "loyalty" },
  { title: "Keep customers longer", strategicObjective: "loyalty" },
  { title: "Raise platform reliability to enterprise grade", strategicObjective: "platform" },
  { title: "Stabilise the platform", strategicObjective: "platform" },
  { title: "Be a place great people want to join", strategicObjective: "people" },
];
