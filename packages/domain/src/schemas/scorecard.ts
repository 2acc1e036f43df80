// Zod input schema for the scorecard views (tree table, heat map), shared by the API and the page's quarter selector.
import { z } from "zod";
import { ZId, ZIsoDate } from "./common";

/** The quarter holding `period` (any day of it); today's quarter when absent. */
export const ZScorecardPeriodSchema = z.object({ period: ZIsoDate.optional() }).default({});
export type TScorecardPeriod = z.input<typeof ZScorecardPeriodSchema>;

/** The KPIs of one strategic objective, or (null) those linked to none, scored for a quarter. */
export const ZScorecardKpisSchema = z.object({ strategicObjectiveId: ZId.nullable(), period: ZIsoDate.optional() });
export type TScorecardKpis = z.input<typeof ZScorecardKpisSchema>;
