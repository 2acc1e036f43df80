// Zod input schemas for the scorecard's strategic objectives, shared by the API and the forms.
import { z } from "zod";
import { ZId, ZVersion, ZWeight, zText } from "./common";

const ZStrategicObjectiveName = zText()
  .trim()
  .min(3, "Write a name of at least 3 characters.")
  .max(200, "Keep the name under 200 characters.");
const ZDescription = zText().trim().max(2000, "Keep the description under 2000 characters.");

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
