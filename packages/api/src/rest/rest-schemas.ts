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

/**
 * A REST route's query input from a domain schema, strict. trpc-to-openapi coerces an input's
 * number and boolean fields (query text is all strings) by switching `coerce` on in the schema
 * objects themselves, on every request; on a domain schema that would leak into the app's own
 * procedures, which then took "5" (or null, as 0) for a number. So the route gets copies of its own.
 * A boolean field is refused here: coerced, "false" would be true; use `zQueryFlag`.
 */
export function restQuery<T extends z.ZodObject>(schema: T): T {
  return ownCopy(schema, "query").strict() as T;
}

/**
 * A REST route's JSON body from a domain schema, strict. A body arrives typed, so no field is
 * coerced: its copies ignore the switch trpc-to-openapi flips (see `restQuery`), and "12", true or
 * null where a number belongs stay a 400, as they are in the app.
 */
export function restBody<T extends z.ZodObject>(schema: T): T {
  return ownCopy(schema, "body").strict() as T;
}

const COERCIBLE = new Set(["number", "boolean", "bigint", "date"]);

/**
 * A copy of the parts of `schema` that trpc-to-openapi's coercion reaches: object fields, through
 * optional, nullable, default and array wrappers, down to number, boolean, bigint and date. Every
 * copy keeps its original as parent, so descriptions and examples carry over to the document.
 */
function ownCopy<T extends z.core.$ZodType>(schema: T, place: "query" | "body"): T {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const copy = (changes: Record<string, unknown>) =>
    (schema as unknown as z.ZodType).clone(z.core.util.mergeDefs(def, changes), { parent: true }) as unknown as T;
  if (def.type === "object") {
    const shape = (schema as unknown as z.ZodObject).shape;
    return copy({ shape: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, ownCopy(v, place)])) });
  }
  if (def.type === "array") return copy({ element: ownCopy(def.element as z.core.$ZodType, place) });
  if (def.innerType) return copy({ innerType: ownCopy(def.innerType as z.core.$ZodType, place) });
  if (!COERCIBLE.has(def.type)) return schema;
  if (place === "query" && def.type === "boolean") {
    throw new Error(
      "A boolean query parameter is coerced by JavaScript's truthiness ('false' is true): use zQueryFlag.",
    );
  }
  if (place === "query") return copy({});
  const locked = copy({});
  Object.defineProperty(locked._zod.def, "coerce", { get: () => false, set: () => {}, enumerable: true });
  return locked;
}
