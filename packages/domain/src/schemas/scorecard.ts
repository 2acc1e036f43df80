// Zod input schema for the scorecard views (tree table, heat map), shared by the API and the page's quarter selector.
import { z } from "zod";
import { ZIsoDate } from "./common";

/** The quarter holding `period` (any day of it); today's quarter when absent. */
export const ZScorecardPeriodSchema = z.object({ period: ZIsoDate.optional() }).default({});
export type TScorecardPeriod = z.input<typeof ZScorecardPeriodSchema>;
