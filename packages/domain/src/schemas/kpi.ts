// Zod input schemas for KPI definitions, shared by the API and the forms.
import { z } from "zod";
import { AGGREGATIONS } from "../scorecard/aggregation";
import { isMoneyMeasure, KPI_CAMPAIGN_MEASURES, type KpiCampaignMeasure } from "../scorecard/campaign-source";
import {
  goalRedFlagError,
  isComputedKpi,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_KINDS,
} from "../scorecard/kpi-definition";
import { ZCampaignChannel, ZCurrency } from "./campaign";
import { ZCursor, ZId, ZIsoDate, ZVersion, ZWeight, zKpiNumber, zPageSize, zText } from "./common";

const kpiFields = {
  name: zText().trim().min(1, "Name is required.").max(120, "Keep the name under 120 characters."),
  description: zText().trim().max(2000, "Keep the description under 2000 characters.").default(""),
  unit: zText().trim().max(20, "Keep the unit under 20 characters.").default(""),
  direction: z.enum(KPI_DIRECTIONS, { error: "Choose higher or lower is better." }),
  frequency: z.enum(KPI_FREQUENCIES, { error: "Choose weekly, monthly or quarterly." }),
  aggregation: z.enum(AGGREGATIONS, { error: "Choose sum, average or last value." }),
  goal: zKpiNumber("Goal"),
  redFlag: zKpiNumber("Red flag"),
  ownerId: ZId,
  strategicObjectiveId: ZId.nullable().default(null),
  weight: ZWeight.default(1),
  kind: z.enum(KPI_KINDS, { error: "Choose entered, ratio, ROI or from campaigns." }).default("manual"),
  inputAId: ZId.nullish(),
  inputBId: ZId.nullish(),
  /** Campaign-fed KPIs (ADR 0020): what they sum, from which channel (null: all), in which currency (money only). */
  campaignMeasure: z
    .enum(KPI_CAMPAIGN_MEASURES, { error: "Choose spend, attributed revenue or conversions." })
    .nullish(),
  campaignChannel: ZCampaignChannel.nullish(),
  currency: ZCurrency.nullish(),
};

interface KindFacts {
  kind?: (typeof KPI_KINDS)[number];
  inputAId?: string | null;
  inputBId?: string | null;
}

/** Computed KPIs name both inputs, distinct; entered and campaign-fed ones name none. */
function checkInputs(v: KindFacts, ctx: z.RefinementCtx) {
  if (v.kind === undefined) return;
  if (!isComputedKpi(v.kind)) {
    const message = v.kind === "manual" ? "An entered KPI has no inputs." : "A KPI fed by campaigns has no input KPIs.";
    if (v.inputAId) ctx.addIssue({ code: "custom", path: ["inputAId"], message });
    if (v.inputBId) ctx.addIssue({ code: "custom", path: ["inputBId"], message });
    return;
  }
  if (!v.inputAId) ctx.addIssue({ code: "custom", path: ["inputAId"], message: "Choose the first input KPI." });
  if (!v.inputBId) ctx.addIssue({ code: "custom", path: ["inputBId"], message: "Choose the second input KPI." });
  if (v.inputAId && v.inputAId === v.inputBId) {
    ctx.addIssue({ code: "custom", path: ["inputBId"], message: "The two inputs must be different KPIs." });
  }
}

interface CampaignFacts {
  kind?: (typeof KPI_KINDS)[number];
  aggregation?: (typeof AGGREGATIONS)[number];
  campaignMeasure?: KpiCampaignMeasure | null;
  campaignChannel?: string | null;
  currency?: string | null;
}

/**
 * Why a KPI's campaign source is wrong, or null: a campaign-fed KPI names its measure, sums
 * (results add up per period), and names a currency exactly when the measure is money; other
 * KPIs name none of these. The API checks the same on the merged definition of an update.
 */
export function campaignSourceError(v: CampaignFacts): { path: string; message: string } | null {
  if (v.kind !== "campaigns") {
    if (v.campaignMeasure) return { path: "campaignMeasure", message: "Only a KPI fed by campaigns has a measure." };
    if (v.campaignChannel) return { path: "campaignChannel", message: "Only a KPI fed by campaigns has a channel." };
    if (v.currency) return { path: "currency", message: "Only a KPI fed by campaigns has a currency." };
    return null;
  }
  if (!v.campaignMeasure) {
    return { path: "campaignMeasure", message: "Choose what the KPI sums: spend, attributed revenue or conversions." };
  }
  if (v.aggregation !== undefined && v.aggregation !== "sum") {
    return { path: "aggregation", message: "A KPI fed by campaigns adds their results up: choose Sum." };
  }
  if (isMoneyMeasure(v.campaignMeasure) && !v.currency) {
    return { path: "currency", message: "Choose the currency: only campaigns in it are summed." };
  }
  if (!isMoneyMeasure(v.campaignMeasure) && v.currency) {
    return { path: "currency", message: "Conversions are counted in every currency: leave the currency out." };
  }
  return null;
}

function checkCampaignSource(v: CampaignFacts, ctx: z.RefinementCtx) {
  const error = campaignSourceError(v);
  if (error) ctx.addIssue({ code: "custom", path: [error.path], message: error.message });
}

function checkTargets(
  v: { direction?: (typeof KPI_DIRECTIONS)[number]; goal?: number; redFlag?: number },
  ctx: z.RefinementCtx,
) {
  if (v.direction === undefined || v.goal === undefined || v.redFlag === undefined) return;
  const error = goalRedFlagError(v.direction, v.goal, v.redFlag);
  if (error) ctx.addIssue({ code: "custom", path: ["redFlag"], message: error });
}

export const ZKpiCreateSchema = z.object(kpiFields).superRefine((v, ctx) => {
  checkTargets(v, ctx);
  checkInputs(v, ctx);
  checkCampaignSource(v, ctx);
});
export type TKpiCreate = z.infer<typeof ZKpiCreateSchema>;
export type TKpiCreateInput = z.input<typeof ZKpiCreateSchema>;

/**
 * Changes to a KPI: any subset of its fields. Rules that span stored and new
 * values (direction vs targets, kind vs inputs) are checked again by the API on the merged result.
 */
export const ZKpiUpdateSchema = z
  .object({
    kpiId: ZId,
    version: ZVersion,
    name: kpiFields.name.optional(),
    description: zText().trim().max(2000, "Keep the description under 2000 characters.").optional(),
    unit: zText().trim().max(20, "Keep the unit under 20 characters.").optional(),
    direction: kpiFields.direction.optional(),
    frequency: kpiFields.frequency.optional(),
    aggregation: kpiFields.aggregation.optional(),
    goal: kpiFields.goal.optional(),
    redFlag: kpiFields.redFlag.optional(),
    ownerId: ZId.optional(),
    strategicObjectiveId: ZId.nullable().optional(),
    weight: ZWeight.optional(),
    kind: kpiFields.kind.unwrap().optional(),
    inputAId: ZId.nullish(),
    inputBId: ZId.nullish(),
    campaignMeasure: kpiFields.campaignMeasure,
    campaignChannel: kpiFields.campaignChannel,
    currency: kpiFields.currency,
  })
  .superRefine((v, ctx) => {
    // The campaign source spans stored and new values: the API checks it on the merged definition.
    checkTargets(v, ctx);
    checkInputs(v, ctx);
  });
export type TKpiUpdate = z.infer<typeof ZKpiUpdateSchema>;
export type TKpiUpdateInput = z.input<typeof ZKpiUpdateSchema>;

/** KPIs per page of the list, and the most one page may ask for. */
export const KPI_PAGE_SIZE = 50;

export const ZKpiListSchema = z
  .object({
    strategicObjectiveId: ZId.optional(),
    /** Only KPIs measuring a strategic objective of this perspective. */
    perspectiveId: ZId.optional(),
    ownerId: ZId.optional(),
    kind: z.enum(KPI_KINDS).optional(),
    /** Words in the KPI's, its owner's or its strategic objective's name. */
    q: zText().trim().max(100, "Search for at most 100 characters.").optional(),
    cursor: ZCursor,
    limit: zPageSize(100, KPI_PAGE_SIZE),
  })
  .default({ limit: KPI_PAGE_SIZE });
export type TKpiList = z.infer<typeof ZKpiListSchema>;

export const ZKpiGetSchema = z.object({
  kpiId: ZId,
  /** Any day of the quarter to look from; defaults to today. */
  period: ZIsoDate.optional(),
});
export type TKpiGet = z.infer<typeof ZKpiGetSchema>;

export const ZKpiArchiveSchema = z.object({ kpiId: ZId, version: ZVersion });
export type TKpiArchive = z.infer<typeof ZKpiArchiveSchema>;
