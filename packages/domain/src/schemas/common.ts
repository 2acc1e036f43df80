import { z } from "zod";

/**
 * A row id. Lower-cased, because Postgres compares uuids case-insensitively
 * while our own checks (self-guards, loop checks, idempotent replays) compare strings.
 */
export const ZId = z.uuid({ error: "Must be a valid id." }).transform((id) => id.toLowerCase());

/** The optimistic-concurrency version an update read; within Postgres' integer range. */
export const ZVersion = z
  .number({ error: "Version must be a number." })
  .int("Version must be a whole number.")
  .positive("Version must be a positive whole number.")
  .max(2_147_483_647, "Version is out of range.");

/** Any text a person types. Postgres text cannot hold NUL characters, so they are refused here, not by the database. */
export const zText = () => z.string().refine((s) => !s.includes("\u0000"), "Text cannot contain NUL characters.");

/** A calendar date, "YYYY-MM-DD", in the years Postgres and JavaScript both hold comfortably. */
export const ZIsoDate = z.iso
  .date({ error: "Use a date like 2026-01-31.", abort: true })
  .refine((d) => d >= "1900-01-01" && d <= "2999-12-31", "Use a date between 1900 and 2999.");

/** The weight of anything in a weighted mean (key results, objectives, perspectives, strategic objectives, KPIs). */
export const ZWeight = z
  .number({ error: "Weight must be a number." })
  .min(0, "Weight cannot be negative.")
  .max(100, "Weight is at most 100.");
