import { z } from "zod";

/**
 * Pieces every REST route's schemas share. Inputs are strict (an unknown field is a 400, not
 * silently dropped); instants are ISO 8601 strings, dates "YYYY-MM-DD".
 */

/** The error body of every failing call: a stable `code`, a sentence, and what is wrong per field. */
export const ZRestError = z
  .object({
    code: z.string().meta({ description: "Stable and machine-readable, such as BAD_REQUEST or NOT_FOUND." }),
    message: z.string().meta({ description: "What went wrong, in a sentence meant for people." }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .meta({ description: "One entry per field that is wrong; empty when no single field is to blame." }),
  })
  .meta({ id: "Error" });

/** A page of a list: its items and the cursor of the next page (null on the last). */
export function restPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` to read the next page; null on the last page." }),
  });
}

/** Query parameters arrive as text: a flag is "true" or "false", never JavaScript's truthiness of a string. */
export const zQueryFlag = z
  .enum(["true", "false"], "Use true or false.")
  .transform((v) => v === "true")
  .optional();

export const zInstant = () => z.string().meta({ format: "date-time" });
export const zDate = () => z.string().meta({ format: "date", description: "A calendar date, YYYY-MM-DD." });

/** Dates from the database as the REST API answers them. */
export const instant = (value: Date | string | null): string | null =>
  value === null ? null : typeof value === "string" ? new Date(value).toISOString() : value.toISOString();

export const ZPersonRef = z.object({ id: z.string(), name: z.string() }).meta({ id: "PersonRef" });
export const ZTeamRef = z.object({ id: z.string(), name: z.string() }).meta({ id: "TeamRef" });
