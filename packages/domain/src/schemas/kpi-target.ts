// Zod input schemas for a KPI's per-quarter targets, shared by the API and the forms.
import { z } from "zod";
import { ZId, ZIsoDate, zKpiNumber } from "./common";

/** A goal / red-flag override for one quarter; any day of the quarter names it. */
export const ZKpiSetTargetSchema = z
  .object({
    kpiId: ZId,
    periodStart: ZIsoDate,
    goal: zKpiNumber("Goal"),
    redFlag: zKpiNumber("Red flag"),
  })
  .refine((v) => v.goal !== v.redFlag, { path: ["redFlag"], message: "Goal and red flag must differ." });
export type TKpiSetTarget = z.infer<typeof ZKpiSetTargetSchema>;

export const ZKpiRemoveTargetSchema = z.object({ kpiId: ZId, periodStart: ZIsoDate });
export type TKpiRemoveTarget = z.infer<typeof ZKpiRemoveTargetSchema>;
