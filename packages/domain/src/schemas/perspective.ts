// Zod input schemas for the scorecard's perspectives, shared by the API and the forms.
import { z } from "zod";
import { ZId, ZVersion, ZWeight, zText } from "./common";

const ZPerspectiveName = zText()
  .trim()
  .min(1, "Name the perspective.")
  .max(60, "Keep the perspective name under 60 characters.");

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
