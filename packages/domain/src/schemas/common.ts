import { z } from "zod";
import { REVIEW_SUBJECT_TYPES } from "../review/review-status";

// Primitives that several of the per-object schema files share live here, so those files need not import one another.

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

/**
 * The page size of a list: a whole number from 1 to `max`, `fallback` when absent.
 * Every list procedure takes one, so that no single read asks for unbounded work.
 */
export const zPageSize = (max: number, fallback: number) =>
  z
    .number({ error: "The page size must be a number." })
    .int("The page size must be a whole number.")
    .min(1, "Ask for at least one.")
    .max(max, `Ask for at most ${max} at a time.`)
    .meta({ description: `How many to answer: 1 to ${max}, ${fallback} when absent.` })
    .default(fallback);

/** A calendar date, "YYYY-MM-DD", in the years Postgres and JavaScript both hold comfortably. */
export const ZIsoDate = z.iso
  .date({ error: "Use a date like 2026-01-31.", abort: true })
  .refine((d) => d >= "1900-01-01" && d <= "2999-12-31", "Use a date between 1900 and 2999.");

/**
 * The weight of anything in a weighted mean (key results, objectives, perspectives, strategic objectives, KPIs).
 * Weights are relative; 0 keeps an item on the scorecard but out of the averages.
 */
export const ZWeight = z
  .number({ error: "Weight must be a number." })
  .min(0, "Weight cannot be negative.")
  .max(100, "Weight is at most 100.");

/** An email address, trimmed and lower-cased: the sign-in name and a new user's address. */
export const ZEmail = zText()
  .max(254, "Use an email address of at most 254 characters.")
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

/** A required name of a user, team or organization; `what` names it in the messages. */
export const ZName = (what: string) =>
  zText().trim().min(1, `Enter the ${what}.`).max(120, `Keep the ${what} under 120 characters.`);

/** The title of an objective or a key result. */
export const ZTitle = zText()
  .trim()
  .min(3, "Write a title of at least 3 characters.")
  .max(200, "Keep the title under 200 characters.");

/**
 * A KPI number (actual, goal, red flag, benchmark). Bounded well inside a double's
 * range so sums over many periods stay finite and charts stay readable.
 */
export const zKpiNumber = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .refine(Number.isFinite, `${what} must be a finite number.`)
    .refine((n) => Math.abs(n) <= 1e15, `${what} is out of range (at most 10^15 either way).`);

/** What a review's commentary or a corrective action is about. */
export const ZReviewSubjectType = z.enum(REVIEW_SUBJECT_TYPES, { error: "Choose a perspective, objective or KPI." });

/** An opaque page cursor the API handed out; null or absent asks for the first page. */
export const ZCursor = z
  .string()
  .max(512, "This page link is not valid.")
  .meta({ description: "The `nextCursor` of the previous page; absent for the first page." })
  .nullish();
