// Zod input schema for reading the strategy map, shared by the API and the page's quarter selector.
import { z } from "zod";
import { ZIsoDate } from "./common";

/** The strategy map of the quarter holding `period` (any day of it); today's quarter when absent. */
export const ZStrategyMapInputSchema = z.object({ period: ZIsoDate.optional() }).default({});
export type TStrategyMapInput = z.input<typeof ZStrategyMapInputSchema>;
