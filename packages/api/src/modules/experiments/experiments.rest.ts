import {
  EXPERIMENT_DECISIONS,
  EXPERIMENT_STATUSES,
  VERDICT_KINDS,
  variantRate,
  ZExperimentGetSchema,
  ZExperimentListSchema,
} from "@meridian/domain";
import { z } from "zod";
import { apiProcedure } from "../../rest/rest-procedure";
import { restPage, ZPersonRef, ZTeamRef, zDate, zInstant } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { planOf } from "./experiment-rows";
import { getExperiment, listExperiments } from "./experiments.queries";

const summaryFields = {
  id: z.string(),
  name: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  decision: z.enum(EXPERIMENT_DECISIONS).nullable(),
  team: ZTeamRef,
  owner: ZPersonRef,
  startDate: zDate().nullable(),
  endDate: zDate().nullable(),
  daysRunning: z.number().int().nullable(),
};

const ZRestExperimentSummary = z
  .object({
    ...summaryFields,
    leadingVariant: z.object({ id: z.string(), name: z.string() }).nullable(),
    verdict: z.enum(VERDICT_KINDS).meta({ description: "The primary metric's verdict." }),
    verdictText: z.string(),
  })
  .meta({ id: "ExperimentSummary" });

const ZRestInterval = z.object({ low: z.number(), high: z.number() }).meta({ id: "ExperimentInterval" });

const ZRestVariantResult = z
  .object({
    variantId: z.string(),
    name: z.string(),
    isControl: z.boolean(),
    exposures: z.number().int(),
    conversions: z.number().int(),
    rate: z.number().nullable().meta({ description: "conversions ÷ exposures; null with no exposures." }),
    comparison: z
      .object({
        absoluteUplift: z.number().meta({ description: "Treatment rate − control rate." }),
        relativeUplift: z.number().nullable(),
        z: z.number(),
        pValue: z.number().meta({ description: "Two-sided, of the pooled two-proportion z-test." }),
        adjustedP: z.number().nullable().meta({ description: "Holm-adjusted across the treatments." }),
        significant: z.boolean(),
        differenceInterval: ZRestInterval.meta({ description: "Of the absolute difference, at `confidence`." }),
        relativeInterval: ZRestInterval.nullable(),
      })
      .nullable()
      .meta({ description: "A treatment against control; null for control, or with no exposures yet." }),
    text: z.string().nullable().meta({ description: "The comparison in words, as the app shows it." }),
  })
  .meta({ id: "ExperimentVariantResult" });

const ZRestMetricResult = z
  .object({
    metricId: z.string(),
    name: z.string(),
    isPrimary: z.boolean(),
    verdict: z.object({ kind: z.enum(VERDICT_KINDS), variantId: z.string().nullable() }),
    verdictText: z.string(),
    leadingVariantId: z.string().nullable(),
    sampleRatio: z
      .object({ chiSquare: z.number(), degreesOfFreedom: z.number().int(), pValue: z.number(), mismatch: z.boolean() })
      .nullable()
      .meta({ description: "Chi-square of the exposures against the planned split; a mismatch below p = 0.001." }),
    gateFailures: z.array(z.string()).meta({ description: "Why no verdict is given yet; empty once the gates pass." }),
    requiredPerVariant: z.number().int().nullable(),
    stillNeeded: z.number().int().nullable(),
    horizonReached: z.boolean(),
    variants: z.array(ZRestVariantResult),
  })
  .meta({ id: "ExperimentMetricResult" });

const ZRestExperiment = z
  .object({
    ...summaryFields,
    hypothesis: z.string(),
    decisionReason: z.string().nullable(),
    plan: z
      .object({
        minimumDetectableEffect: z.number().meta({ description: "Relative: 0.1 is +10 %." }),
        alpha: z.number(),
        power: z.number(),
        baselineRate: z.number().nullable(),
      })
      .meta({ description: "As fractions." }),
    confidence: z.number().meta({ description: "1 − alpha: the level of the intervals." }),
    keyResult: z.object({ id: z.string(), title: z.string(), objectiveId: z.string() }).nullable(),
    kpi: z.object({ id: z.string(), name: z.string() }).nullable(),
    campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: zInstant(),
    concludedAt: zInstant().nullable(),
    variants: z.array(
      z.object({ id: z.string(), name: z.string(), isControl: z.boolean(), weight: z.number() }).meta({
        id: "ExperimentVariant",
      }),
    ),
    results: z.array(ZRestMetricResult).meta({ description: "Per metric, the primary one first when it is first." }),
  })
  .meta({ id: "Experiment" });

const read = apiProcedure("marketing:read", "experiment.read");

export const experimentsRest = router({
  list: read
    .meta({
      openapi: {
        method: "GET",
        path: "/experiments",
        tags: ["Marketing"],
        summary: "List A/B experiments with their leading variant and verdict",
        description: "A page of experiments, newest first, filtered by status, team or words in the name.",
        protect: true,
      },
    })
    .input(ZExperimentListSchema.unwrap().strict())
    .output(restPage(ZRestExperimentSummary))
    .query(async ({ ctx, input }) => {
      const page = await listExperiments(ctx, input);
      return {
        items: page.experiments.map((e) => ({
          id: e.id,
          name: e.name,
          status: e.status,
          decision: e.decision,
          team: e.team,
          owner: e.owner,
          startDate: e.startDate,
          endDate: e.endDate,
          daysRunning: e.daysRunning,
          leadingVariant: e.leadingVariant,
          verdict: e.verdict,
          verdictText: e.verdictText,
        })),
        nextCursor: page.nextCursor,
      };
    }),
  get: read
    .meta({
      openapi: {
        method: "GET",
        path: "/experiments/{experimentId}",
        tags: ["Marketing"],
        summary: "One experiment with its results per variant and the statistics of each metric",
        description:
          "Per metric and variant: exposures, conversions and rate; per treatment its uplift over control, the z-test's p-value (Holm-adjusted across treatments) and the intervals; and the sample-ratio check, the gates and the sample size still needed, as the app shows them.",
        protect: true,
      },
    })
    .input(ZExperimentGetSchema.strict())
    .output(ZRestExperiment)
    .query(async ({ ctx, input }) => {
      const page = await getExperiment(ctx, input.experimentId);
      const e = page.experiment;
      return {
        id: e.id,
        name: e.name,
        status: e.status,
        decision: e.decision,
        team: e.team,
        owner: e.owner,
        startDate: e.startDate,
        endDate: e.endDate,
        daysRunning: e.daysRunning,
        hypothesis: e.hypothesis,
        decisionReason: e.decisionReason,
        plan: planOf(e),
        confidence: page.confidence,
        keyResult: e.keyResult,
        kpi: e.kpi,
        campaign: e.campaign,
        createdAt: e.createdAt,
        concludedAt: e.concludedAt,
        variants: page.variants.map((v) => ({ id: v.id, name: v.name, isControl: v.isControl, weight: v.weight })),
        results: page.results.map(({ metric, analysis, verdictText, treatmentTexts }) => ({
          metricId: metric.id,
          name: metric.name,
          isPrimary: metric.isPrimary,
          verdict: analysis.verdict,
          verdictText,
          leadingVariantId: analysis.leadingVariantId,
          sampleRatio: analysis.srm
            ? {
                chiSquare: analysis.srm.chiSquare,
                degreesOfFreedom: analysis.srm.degreesOfFreedom,
                pValue: analysis.srm.pValue,
                mismatch: analysis.srm.mismatch,
              }
            : null,
          gateFailures: analysis.gateFailures,
          requiredPerVariant: analysis.requiredPerVariant,
          stillNeeded: analysis.stillNeeded,
          horizonReached: analysis.horizonReached,
          variants: [
            ...(analysis.control
              ? [
                  {
                    variantId: analysis.control.id,
                    name: analysis.control.name,
                    isControl: true,
                    exposures: analysis.control.exposures,
                    conversions: analysis.control.conversions,
                    rate: variantRate(analysis.control),
                    comparison: null,
                    text: null,
                  },
                ]
              : []),
            ...analysis.treatments.map((t) => ({
              variantId: t.variant.id,
              name: t.variant.name,
              isControl: false,
              exposures: t.variant.exposures,
              conversions: t.variant.conversions,
              rate: t.rate,
              comparison: t.comparison
                ? {
                    absoluteUplift: t.comparison.absoluteUplift,
                    relativeUplift: t.comparison.relativeUplift,
                    z: t.comparison.z,
                    pValue: t.comparison.pValue,
                    adjustedP: t.adjustedP,
                    significant: t.significant,
                    differenceInterval: t.comparison.differenceInterval,
                    relativeInterval: t.comparison.relativeInterval,
                  }
                : null,
              text: treatmentTexts.find((x) => x.variantId === t.variant.id)?.text ?? null,
            })),
          ],
        })),
      };
    }),
});
