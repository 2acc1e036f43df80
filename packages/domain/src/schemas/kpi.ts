// Zod input schemas for KPI definitions, shared by the API and the forms.
import { z } from "zod";
import { AGGREGATIONS } from "../scorecard/aggregation";
import { goalRedFlagError, KPI_DIRECTIONS, KPI_FREQUENCIES, KPI_KINDS } from "../scorecard/kpi-definition";
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
  kind: z.enum(KPI_KINDS, { error: "Choose entered, ratio or ROI." }).default("manual"),
  inputAId: ZId.nullish(),
  inputBId: ZId.nullish(),
};

interface KindFacts {
  kind?: (typeof KPI_KINDS)[number];
  inputAId?: string | null;
  inputBId?: string | null;
}

/** Computed KPIs name both inputs, distinct; entered ones name none. */
function checkInputs(v: KindFacts, ctx: z.RefinementCtx) {
  if (v.kind === undefined) return;
  if (v.kind === "manual") {
    if (v.inputAId) ctx.addIssue({ code: "custom", path: ["inputAId"], message: "An entered KPI has no inputs." });
    if (v.inputBId) ctx.addIssue({ code: "custom", path: ["inputBId"], message: "An entered KPI has no inputs." });
    return;
  }
  if (!v.inputAId) ctx.addIssue({ code: "custom", path: ["inputAId"], message: "Choose the first input KPI." });
  if (!v.inputBId) ctx.addIssue({ code: "custom", path: ["inputBId"], message: "Choose the second input KPI." });
  if (v.inputAId && v.inputAId === v.inputBId) {
    ctx.addIssue({ code: "custom", path: ["inputBId"], message: "The two inputs must be different KPIs." });
  }
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
    kind: z.enum(KPI_KINDS, { error: "Choose entered, ratio or ROI." }).optional(),
    inputAId: ZId.nullish(),
    inputBId: ZId.nullish(),
  })
  .superRefine((v, ctx) => {
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
