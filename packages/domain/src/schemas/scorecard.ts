// Zod input schema for the scorecard views (tree table, heat map), shared by the API and the page's quarter selector.
import { z } from "zod";
import { ZId, ZIsoDate } from "./common";

/** The quarter holding `period` (any day of it); today's quarter when absent. */
export const ZScorecardPeriodSchema = z.object({ period: ZIsoDate.optional() }).default({});
export type TScorecardPeriod = z.input<typeof ZScorecardPeriodSchema>;

/** The KPIs of one strategic objective, or (null) those linked to none, scored for a quarter. */
export const ZScorecardKpisSchema = z.object({ strategicObjectiveId: ZId.nullable(), period: ZIsoDate.optional() });
export type TScorecardKpis = z.input<typeof ZScorecardKpisSchema>;

/** A quarter as integrations write it, "2026-Q3"; read as the quarter's first day. */
export const ZQuarterCode = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, { error: "Write the quarter like 2026-Q3.", abort: true })
  .refine((q) => q >= "1900" && q < "3000", "Use a quarter between 1900 and 2999.")
  .transform((q) => `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, "0")}-01`);

/** "2026-Q3" for any day of that quarter: the code `ZQuarterCode` reads. */
export function quarterCode(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** One quarter of the scorecard (the REST API's `GET /scorecard`); today's quarter when absent. */
export const ZScorecardQuarterSchema = z.object({ quarter: ZQuarterCode.optional() });
export type TScorecardQuarter = z.output<typeof ZScorecardQuarterSchema>;
