import {
  AGGREGATIONS,
  CAMPAIGN_CHANNELS,
  CURRENCIES,
  KPI_ACTUAL_SOURCES,
  KPI_CAMPAIGN_MEASURES,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_KINDS,
  KPI_STATUSES,
  type KpiStatus,
  type Period,
  quarterCode,
  quarterLabel,
  type TargetShare,
  ZKpiActualsPutSchema,
  ZKpiActualsWindowSchema,
  ZKpiListSchema,
} from "@meridian/domain";
import { z } from "zod";
import { AppError } from "../../lib/errors";
import { apiProcedure } from "../../rest/rest-procedure";
import { instant, restPage, ZPersonRef, zDate, zInstant } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { saveActuals } from "./kpi-actuals.commands";
import { kpiWithActuals } from "./kpi-page.queries";
import { listKpis } from "./kpis.queries";

export const ZRestTargetShare = z
  .object({ reported: z.number().int(), total: z.number().int(), basis: z.enum(["to_date", "full"]) })
  .meta({
    id: "TargetShare",
    description:
      "A summed KPI with data for only some of the quarter's reporting periods: while the quarter is open (`to_date`) it is held to that share of its goal and red flag; once it has ended (`full`) to the whole of them.",
  });

/** A KPI's score in one quarter, as the scorecard scores it. */
export const ZRestKpiQuarterScore = z
  .object({
    quarter: z.string().meta({ description: "The quarter, like 2026-Q3." }),
    start: zDate(),
    end: zDate(),
    label: z.string().meta({ description: "Like Q3 2026." }),
    actual: z.number().nullable().meta({ description: "The quarter's value, aggregated as the KPI declares." }),
    goal: z.number(),
    redFlag: z.number(),
    targetShare: ZRestTargetShare.nullable(),
    score: z.number().nullable().meta({ description: "0–10 by the goal / red-flag method; null with no data." }),
    status: z.enum(KPI_STATUSES),
  })
  .meta({ id: "KpiQuarterScore" });

const ZRestCampaignSource = z
  .object({
    measure: z.enum(KPI_CAMPAIGN_MEASURES),
    channel: z.enum(CAMPAIGN_CHANNELS).nullable().meta({ description: "Null: campaigns of every channel." }),
    currency: z.enum(CURRENCIES).nullable().meta({ description: "Money measures only: campaigns in it are summed." }),
  })
  .meta({
    id: "KpiCampaignSource",
    description: "What a KPI of kind `campaigns` sums from campaign results; its values cannot be written.",
  });

const definitionFields = {
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(KPI_DIRECTIONS),
  frequency: z.enum(KPI_FREQUENCIES),
  aggregation: z.enum(AGGREGATIONS),
  kind: z
    .enum(KPI_KINDS)
    .meta({ description: "manual: values are entered; ratio and roi: computed from two KPIs; campaigns: summed." }),
  goal: z.number(),
  redFlag: z.number(),
  weight: z.number(),
  campaignSource: ZRestCampaignSource.nullable(),
  owner: ZPersonRef,
};

const ZRestKpi = z
  .object({
    ...definitionFields,
    strategicObjective: z.object({ id: z.string(), name: z.string() }).nullable(),
    latestActual: z
      .object({ period: zDate(), value: z.number() })
      .nullable()
      .meta({ description: "The most recent value up to today, named by its period's first day." }),
    currentQuarter: ZRestKpiQuarterScore,
  })
  .meta({ id: "Kpi" });

const ZRestKpiActual = z
  .object({
    period: zDate().meta({ description: "The reporting period's first day: what PUT …/actuals takes." }),
    periodEnd: zDate(),
    label: z.string(),
    value: z.number().nullable().meta({ description: "Null: no value for this period (missing, never zero)." }),
    source: z.enum(KPI_ACTUAL_SOURCES).nullable().meta({ description: "How an entered value came in." }),
    updatedAt: zInstant().nullable(),
  })
  .meta({ id: "KpiActual" });

const ZRestKpiWithActuals = z
  .object({
    ...definitionFields,
    description: z.string(),
    archivedAt: zInstant().nullable(),
    strategicObjective: z
      .object({ id: z.string(), name: z.string(), perspective: z.object({ id: z.string(), name: z.string() }) })
      .nullable(),
    inputKpiIds: z
      .object({ a: z.string(), b: z.string() })
      .nullable()
      .meta({ description: "A computed KPI's inputs: numerator (a) and denominator (b), or return and cost." }),
    window: z.object({ from: zDate(), to: zDate() }),
    actuals: z
      .array(ZRestKpiActual)
      .meta({ description: "Each of the KPI's reporting periods starting in the window, oldest first." }),
    quarters: z
      .array(ZRestKpiQuarterScore)
      .meta({ description: "Each quarter the window touches, scored, oldest first." }),
  })
  .meta({ id: "KpiWithActuals" });

const ZRestActualsWritten = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    deleted: z.number().int(),
  })
  .meta({ id: "ActualsWritten" });

interface ScoredQuarter {
  period: Period;
  actual: number | null;
  goal: number;
  redFlag: number;
  targetShare: TargetShare | null;
  score: number | null;
  status: KpiStatus;
}

export const toRestQuarterScore = (q: ScoredQuarter): z.output<typeof ZRestKpiQuarterScore> => ({
  quarter: quarterCode(q.period.start),
  start: q.period.start,
  end: q.period.end,
  label: quarterLabel(q.period),
  actual: q.actual,
  goal: q.goal,
  redFlag: q.redFlag,
  targetShare: q.targetShare,
  score: q.score,
  status: q.status,
});

type KpiListItem = NonNullable<Awaited<ReturnType<typeof listKpis>>>["kpis"][number];

const definitionOf = (k: KpiListItem | Awaited<ReturnType<typeof kpiWithActuals>>["kpi"]) => ({
  id: k.id,
  name: k.name,
  unit: k.unit,
  direction: k.direction,
  frequency: k.frequency,
  aggregation: k.aggregation,
  kind: k.kind,
  goal: k.goal,
  redFlag: k.redFlag,
  weight: k.weight,
  campaignSource: k.campaignSource,
  owner: k.owner,
});

/** The app's list filters, strict. */
const ZRestKpiList = ZKpiListSchema.unwrap().strict();

const read = apiProcedure("kpis:read", "scorecard.read");
const write = apiProcedure("kpis:write", "kpi.actuals.write");

export const kpisRest = router({
  list: read
    .meta({
      openapi: {
        method: "GET",
        path: "/kpis",
        tags: ["KPIs"],
        summary: "List KPIs with their latest actual and this quarter's score",
        description:
          "A page of the live KPIs, alphabetical, filtered by perspective, strategic objective, owner, kind or words in the KPI's, its owner's or its objective's name.",
        protect: true,
      },
    })
    .input(ZRestKpiList)
    .output(restPage(ZRestKpi))
    .query(async ({ ctx, input }) => {
      const page = await listKpis(ctx, input);
      return {
        items: page.kpis.map((k) => ({
          ...definitionOf(k),
          strategicObjective: k.strategicObjective,
          latestActual: k.latestActual ? { period: k.latestActual.periodStart, value: k.latestActual.value } : null,
          currentQuarter: toRestQuarterScore({
            period: k.quarter,
            actual: k.actual,
            goal: k.quarterGoal,
            redFlag: k.quarterRedFlag,
            targetShare: k.targetShare,
            score: k.score,
            status: k.status,
          }),
        })),
        nextCursor: page.nextCursor,
      };
    }),
  get: read
    .meta({
      openapi: {
        method: "GET",
        path: "/kpis/{kpiId}",
        tags: ["KPIs"],
        summary: "One KPI with its actuals and quarterly scores in a window",
        description:
          "The KPI's definition, its value in each of its reporting periods starting from `from` to `to` (YYYY-MM-DD; by default today's quarter and the seven before, at most 20 quarters), and each quarter the window touches scored. Archived KPIs can be read too.",
        protect: true,
      },
    })
    .input(ZKpiActualsWindowSchema.strict())
    .output(ZRestKpiWithActuals)
    .query(async ({ ctx, input }) => {
      const found = await kpiWithActuals(ctx, input);
      const { kpi } = found;
      return {
        ...definitionOf(kpi),
        description: kpi.description,
        archivedAt: instant(kpi.archivedAt),
        strategicObjective: kpi.strategicObjective,
        inputKpiIds: kpi.inputAId && kpi.inputBId ? { a: kpi.inputAId, b: kpi.inputBId } : null,
        window: found.window,
        actuals: found.periods.map((p) => ({
          period: p.periodStart,
          periodEnd: p.periodEnd,
          label: p.label,
          value: p.value,
          source: p.source,
          updatedAt: instant(p.updatedAt),
        })),
        quarters: found.quarters.map(toRestQuarterScore),
      };
    }),
  putActuals: write
    .meta({
      openapi: {
        method: "PUT",
        path: "/kpis/{kpiId}/actuals",
        tags: ["KPIs"],
        summary: "Write a KPI's actuals for many periods at once",
        description:
          "Each item names a reporting period by its first day and its value (null clears it). All items or none: one bad item refuses the request and nothing is written. Sending the same values again changes nothing. Only KPIs of kind `manual` take values; the creator of the token must own the KPI unless they are an admin.",
        protect: true,
      },
    })
    .input(ZKpiActualsPutSchema.strict())
    .output(ZRestActualsWritten)
    .mutation(async ({ ctx, input }) => {
      try {
        return await saveActuals(
          ctx,
          { kpiId: input.kpiId, values: input.actuals.map((a) => ({ periodStart: a.period, value: a.value })) },
          { source: "api", details: { token: ctx.apiToken.prefix, tokenName: ctx.apiToken.name } },
        );
      } catch (error) {
        // The app's command names its list "values"; this route's body calls it "actuals".
        if (error instanceof AppError && error.fieldErrors?.values) {
          throw new AppError(error.code, error.message, { actuals: error.fieldErrors.values });
        }
        throw error;
      }
    }),
});
