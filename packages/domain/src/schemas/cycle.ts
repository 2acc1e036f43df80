// Zod input schemas for OKR cycles (create, close, carry an objective over), shared by the API and the forms.
import { z } from "zod";
import { ZId, ZIsoDate, ZVersion, zText } from "./common";

export const ZCycleCreateSchema = z
  .object({
    name: zText().trim().min(1, "Name the cycle.").max(60, "Keep the name under 60 characters."),
    startsOn: ZIsoDate,
    endsOn: ZIsoDate,
  })
  .refine((c) => c.startsOn <= c.endsOn, { path: ["endsOn"], message: "The cycle must end on or after its start." });
export type TCycleCreate = z.input<typeof ZCycleCreateSchema>;
export const ZCycleRefSchema = z.object({ cycleId: ZId, version: ZVersion });

export const ZCarryOverSchema = z.object({
  objectiveId: ZId,
  targetCycleId: ZId,
  keyResultIds: z.array(ZId).max(10),
});
export type TCarryOver = z.input<typeof ZCarryOverSchema>;
