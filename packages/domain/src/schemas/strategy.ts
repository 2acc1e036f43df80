import { z } from "zod";
import { ZId, ZIsoDate, ZVersion, ZWeight, zText } from "./common";

// Zod input schemas for the strategy (perspectives, strategic objectives, strategy map), shared by the API and the forms.

const ZPerspectiveName = zText()
  .trim()
  .min(1, "Name the perspective.")
  .max(60, "Keep the perspective name under 60 characters.");
const ZStrategicObjectiveName = zText()
  .trim()
  .min(3, "Write a name of at least 3 characters.")
  .max(200, "Keep the name under 200 characters.");
const ZDescription = zText().trim().max(2000, "Keep the description under 2000 characters.");
/** Weights are relative; 0 keeps an item on the scorecard but out of the averages. */

export const ZPerspectiveCreateSchema = z.object({ name: ZPerspectiveName, weight: ZWeight.default(1) });
export type TPerspectiveCreate = z.input<typeof ZPerspectiveCreateSchema>;

export const ZPerspectiveUpdateSchema = z.object({
  perspectiveId: ZId,
  version: ZVersion,
  name: ZPerspectiveName.optional(),
  weight: ZWeight.optional(),
});
export type TPerspectiveUpdate = z.input<typeof ZPerspectiveUpdateSchema>;

export const ZPerspectiveReorderSchema = z.object({
  perspectiveIds: z.array(ZId).min(1, "Name the perspectives in their new order.").max(50, "At most 50 perspectives."),
});
export type TPerspectiveReorder = z.input<typeof ZPerspectiveReorderSchema>;

export const ZPerspectiveRefSchema = z.object({ perspectiveId: ZId, version: ZVersion });
export type TPerspectiveRef = z.input<typeof ZPerspectiveRefSchema>;

/** The strategy map of the quarter holding `period` (any day of it); today's quarter when absent. */
export const ZStrategyMapInputSchema = z.object({ period: ZIsoDate.optional() }).default({});
export type TStrategyMapInput = z.input<typeof ZStrategyMapInputSchema>;

export const ZStrategicObjectiveCreateSchema = z.object({
  perspectiveId: ZId,
  name: ZStrategicObjectiveName,
  description: ZDescription.default(""),
  ownerId: ZId,
  weight: ZWeight.default(1),
});
export type TStrategicObjectiveCreate = z.input<typeof ZStrategicObjectiveCreateSchema>;

export const ZStrategicObjectiveUpdateSchema = z.object({
  strategicObjectiveId: ZId,
  version: ZVersion,
  name: ZStrategicObjectiveName.optional(),
  description: ZDescription.optional(),
  ownerId: ZId.optional(),
  weight: ZWeight.optional(),
  /** Moves the objective into another band. */
  perspectiveId: ZId.optional(),
});
export type TStrategicObjectiveUpdate = z.input<typeof ZStrategicObjectiveUpdateSchema>;

export const ZStrategicObjectiveRefSchema = z.object({ strategicObjectiveId: ZId, version: ZVersion });
export type TStrategicObjectiveRef = z.input<typeof ZStrategicObjectiveRefSchema>;

/** A cause → effect arrow between two strategic objectives. */
export const ZStrategyLinkSchema = z.object({ causeId: ZId, effectId: ZId }).refine((l) => l.causeId !== l.effectId, {
  path: ["effectId"],
  message: "A strategic objective cannot be its own cause; choose two different objectives.",
});
export type TStrategyLink = z.input<typeof ZStrategyLinkSchema>;

export const ZStrategyUnlinkSchema = z.object({ linkId: ZId });
export type TStrategyUnlink = z.input<typeof ZStrategyUnlinkSchema>;
