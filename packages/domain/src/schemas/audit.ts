// Zod input schema for reading the audit log, shared by the API and the page's filters.
import { z } from "zod";
import { ZId, ZIsoDate, zPageSize, zText } from "./common";

export const ZAuditQuerySchema = z
  .object({
    actorId: ZId.optional(),
    entityType: z
      .string()
      .trim()
      .max(40)
      .regex(/^[a-z_]*$/, "Entity type is lower-case letters and underscores.")
      .optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    limit: zPageSize(200, 50),
    /** Opaque position from the previous page. */
    cursor: zText().max(200).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: "The end date is before the start date.",
  })
  .default({ limit: 50 });
export type TAuditQuery = z.input<typeof ZAuditQuerySchema>;
