// Zod input schemas for A/B experiments and their daily results, shared by the API, the forms and the ingestion endpoint.
import { z } from "zod";
import { EXPERIMENT_DECISIONS, EXPERIMENT_STATUSES } from "../experiments/experiment-status";
import { ZCursor, ZId, ZIsoDate, ZName, ZVersion, zPageSize, zText } from "./common";

const zPercent = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number.` })
    .refine(Number.isFinite, `${what} must be a finite number.`)
    .min(min, `${what} is at least ${min} %.`)
    .max(max, `${what} is at most ${max} %.`)
    // Stored in whole basis points.
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${what} takes at most two decimals.`);

// Compared as stored (whole basis points): 0.000001 % is 0 there.
const zMde = zPercent("The minimum detectable effect", -100, 1000).refine(
  (n) => Math.round(n * 100) !== 0,
  "The minimum detectable effect cannot be 0 %.",
);
const zAlpha = zPercent("The significance level", 0.01, 50);
const zPower = zPercent("The power", 50, 99.99);
const zBaseline = zPercent("The baseline conversion rate", 0.01, 99.99);
const zDate = ZIsoDate.nullable();
const zHypothesis = zText().trim().max(2000, "Keep the hypothesis under 2000 characters.");
const zMetricName = ZName("metric name");

/** A variant's count of a day: a whole number, never negative. */
export const zCount = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(0, `${what} cannot be negative.`)
    .max(2_000_000_000, `${what} is at most 2,000,000,000 a day.`);

export const ZExperimentVariantInput = z.object({
  name: ZName("variant name"),
  /** The planned share of traffic, relative to the others (50 and 50, or 1 and 1). */
  weight: z
    .number({ error: "The split must be a number." })
    .int("The split is a whole number.")
    .min(1, "Each variant gets a share of at least 1.")
    .max(10000, "A share is at most 10000."),
});

function checkDates(v: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date cannot be before the start date." });
  }
}

function checkUnique(names: string[], path: string, what: string, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.trim().toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: [path], message: `Two ${what} are named "${name}".` });
    seen.add(key);
  }
}

const planFields = {
  name: ZName("experiment name"),
  hypothesis: zHypothesis.default(""),
  ownerId: ZId,
  teamId: ZId,
  startDate: zDate.default(null),
  endDate: zDate.default(null),
  /** Relative, in percent: 10 means the treatment must convert 10 % better to be worth detecting. */
  minimumDetectableEffect: zMde,
  alpha: zAlpha.default(5),
  power: zPower.default(80),
  baselineRate: zBaseline.nullable().default(null),
  keyResultId: ZId.nullable().default(null),
  kpiId: ZId.nullable().default(null),
  /** The campaign the experiment serves (a landing page or an email tested within it). */
  campaignId: ZId.nullable().default(null),
};

/** Control first, then one to five treatments. */
const zVariants = z
  .array(ZExperimentVariantInput, { error: "Variants must be a list." })
  .min(2, "An experiment needs a control and at least one treatment.")
  .max(6, "At most five treatments beside control.");
const zSecondaryMetrics = z.array(zMetricName).max(5, "At most five secondary metrics.");

const armFields = {
  variants: zVariants,
  primaryMetric: zMetricName.default("Conversion"),
  secondaryMetrics: zSecondaryMetrics.default([]),
};

function checkPlan(
  v: {
    startDate?: string | null;
    endDate?: string | null;
    variants?: { name: string }[];
    primaryMetric?: string;
    secondaryMetrics?: string[];
  },
  ctx: z.RefinementCtx,
) {
  checkDates(v, ctx);
  if (v.variants)
    checkUnique(
      v.variants.map((x) => x.name),
      "variants",
      "variants",
      ctx,
    );
  if (v.primaryMetric !== undefined || v.secondaryMetrics !== undefined)
    checkUnique(
      [v.primaryMetric ?? "", ...(v.secondaryMetrics ?? [])].filter(Boolean),
      "secondaryMetrics",
      "metrics",
      ctx,
    );
}

export const ZExperimentCreateSchema = z.object({ ...planFields, ...armFields }).superRefine(checkPlan);
export type TExperimentCreate = z.infer<typeof ZExperimentCreateSchema>;
export type TExperimentCreateInput = z.input<typeof ZExperimentCreateSchema>;

/**
 * The experiment form, new or edit: the create fields, and for an edit the experiment and the version it
 * read. One schema for both, so the edit page is the create form opened on a saved experiment.
 */
export const ZExperimentFormSchema = z
  .object({ ...planFields, ...armFields, experimentId: ZId.optional(), version: ZVersion.optional() })
  .superRefine(checkPlan);
export type TExperimentForm = z.infer<typeof ZExperimentFormSchema>;
export type TExperimentFormInput = z.input<typeof ZExperimentFormSchema>;

/**
 * Changes to an experiment against the version read; absent fields stay. Once it has started, its plan,
 * variants and primary metric are fixed (`lockedChanges`): sending them unchanged is fine, changing them is not.
 */
export const ZExperimentUpdateSchema = z
  .object({
    experimentId: ZId,
    version: ZVersion,
    name: planFields.name.optional(),
    hypothesis: zHypothesis.optional(),
    ownerId: ZId.optional(),
    teamId: ZId.optional(),
    startDate: zDate.optional(),
    endDate: zDate.optional(),
    minimumDetectableEffect: zMde.optional(),
    alpha: zAlpha.optional(),
    power: zPower.optional(),
    baselineRate: zBaseline.nullable().optional(),
    keyResultId: ZId.nullable().optional(),
    kpiId: ZId.nullable().optional(),
    campaignId: ZId.nullable().optional(),
    variants: zVariants.optional(),
    primaryMetric: zMetricName.optional(),
    secondaryMetrics: zSecondaryMetrics.optional(),
  })
  .superRefine(checkPlan);
export type TExperimentUpdate = z.infer<typeof ZExperimentUpdateSchema>;

export const ZExperimentStatusSchema = z.object({
  experimentId: ZId,
  version: ZVersion,
  status: z.enum(["running", "stopped"], { error: "Choose running or stopped." }),
});
export type TExperimentStatus = z.infer<typeof ZExperimentStatusSchema>;

export const ZExperimentConcludeSchema = z.object({
  experimentId: ZId,
  version: ZVersion,
  decision: z.enum(EXPERIMENT_DECISIONS, { error: "Choose ship the winner, keep control or inconclusive." }),
  reason: zText().trim().min(3, "Say in a few words why.").max(2000, "Keep the reason under 2000 characters."),
  /** The variant shipped, when the decision is to ship a winner. */
  winnerVariantId: ZId.nullable().default(null),
});
export type TExperimentConclude = z.infer<typeof ZExperimentConcludeSchema>;

export const ZExperimentResultRow = z
  .object({
    variantId: ZId,
    day: ZIsoDate,
    exposures: zCount("Exposures"),
    conversions: zCount("Conversions"),
  })
  .refine((r) => r.exposures < 0 || r.conversions <= r.exposures, {
    path: ["conversions"],
    message: "Conversions cannot be more than exposures.",
  });

/** Rows one save, import or push may carry. */
export const MAX_EXPERIMENT_RESULT_ROWS = 5000;

/** The results grid: many days and variants of one metric at once; the same numbers again change nothing. */
export const ZExperimentResultsSaveSchema = z.object({
  experimentId: ZId,
  metricId: ZId,
  rows: z
    .array(ZExperimentResultRow, { error: "Rows must be a list." })
    .min(1, "Enter at least one day.")
    .max(MAX_EXPERIMENT_RESULT_ROWS, `Save at most ${MAX_EXPERIMENT_RESULT_ROWS} rows at once.`),
});
export type TExperimentResultsSave = z.infer<typeof ZExperimentResultsSaveSchema>;

export const EXPERIMENT_CSV_MAX_CHARS = 2 * 1024 * 1024;

export const ZExperimentResultsImportSchema = z.object({
  experimentId: ZId,
  csv: zText().max(EXPERIMENT_CSV_MAX_CHARS, "The CSV is too large (at most 2 MB)."),
});
export type TExperimentResultsImport = z.infer<typeof ZExperimentResultsImportSchema>;

export const EXPERIMENT_PAGE_SIZE = 25;

export const ZExperimentListSchema = z
  .object({
    status: z.enum(EXPERIMENT_STATUSES, { error: "Choose a status." }).optional(),
    teamId: ZId.optional(),
    q: zText().trim().max(100, "Search for at most 100 characters.").optional(),
    cursor: ZCursor,
    limit: zPageSize(100, EXPERIMENT_PAGE_SIZE),
  })
  .default({ limit: EXPERIMENT_PAGE_SIZE });
export type TExperimentList = z.infer<typeof ZExperimentListSchema>;

export const ZExperimentGetSchema = z.object({ experimentId: ZId });

/** Running experiments for a dashboard (the marketing dashboard lists them). */
export const ZExperimentRunningSchema = z.object({ limit: zPageSize(50, 10) }).default({ limit: 10 });

/**
 * A push of daily results to the ingestion endpoint. Each item names the experiment (id or name), the variant
 * and optionally the metric (by name; the primary one when absent), the day and the two counts.
 */
export const MAX_INGEST_EXPERIMENT_RESULTS = 1000;
export const ZIngestExperimentResultsSchema = z.object(
  {
    results: z
      .array(
        z
          .object(
            {
              experiment: zText()
                .trim()
                .min(1, "Name the experiment.")
                .max(200, "An experiment name or id is under 200 characters."),
              variant: zText().trim().min(1, "Name the variant.").max(120, "A variant name is under 120 characters."),
              metric: zText().trim().max(120, "A metric name is under 120 characters.").optional(),
              day: ZIsoDate,
              exposures: zCount("Exposures"),
              conversions: zCount("Conversions"),
            },
            { error: "Each item is an object with experiment, variant, day, exposures and conversions." },
          )
          .refine((r) => r.exposures < 0 || r.conversions <= r.exposures, {
            path: ["conversions"],
            message: "Conversions cannot be more than exposures.",
          }),
        { error: "results must be a list." },
      )
      .min(1, "Send at least one result.")
      .max(MAX_INGEST_EXPERIMENT_RESULTS, `Send at most ${MAX_INGEST_EXPERIMENT_RESULTS} results per request.`),
  },
  {
    error:
      'The body must be a JSON object like {"results": [{"experiment": "Checkout button", "variant": "Control", "day": "2026-07-01", "exposures": 100, "conversions": 9}]}.',
  },
);
export type TIngestExperimentResults = z.infer<typeof ZIngestExperimentResultsSchema>;
