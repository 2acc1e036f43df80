import { objectives, type SQL, sql } from "@meridian/db";
import { OBJECTIVE_LEVELS, type ObjectiveLevel } from "@meridian/domain";
import { z } from "zod";
import { badRequest } from "../../lib/errors";

/*
 * Objective lists page by (level, created_at, id): company before team before
 * personal, then oldest first. A cursor is the last row's key, opaque to the
 * client; created_at travels as Postgres text so no microsecond is lost.
 */

// Postgres' text form of a timestamptz, e.g. "2026-12-02 22:51:46.123456+00".
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)$/;
const isCalendarDate = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
};
const ZTimestampText = z.string().refine((s) => {
  const day = TIMESTAMP.exec(s)?.[1];
  return day !== undefined && isCalendarDate(day);
});
const ZCursor = z.object({ l: z.enum(OBJECTIVE_LEVELS), c: ZTimestampText, i: z.uuid() });
type CursorKey = z.infer<typeof ZCursor>;

export const OBJECTIVE_ORDER = [objectives.level, objectives.createdAt, objectives.id] as const;

/** The text key of a row, selected beside it. */
export const cursorKeyColumns = {
  cursorLevel: sql<ObjectiveLevel>`${objectives.level}`.as("cursor_level"),
  cursorCreatedAt: sql<string>`${objectives.createdAt}::text`.as("cursor_created_at"),
};

export function encodeCursor(row: { id: string; cursorLevel: ObjectiveLevel; cursorCreatedAt: string }): string {
  const key: CursorKey = { l: row.cursorLevel, c: row.cursorCreatedAt, i: row.id };
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** Rows after the cursor, or nothing to add on the first page. A cursor that is not ours is a 400. */
export function afterCursor(cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const key = decode(cursor);
  return sql`(${objectives.level}, ${objectives.createdAt}, ${objectives.id}) > (${key.l}::objective_level, ${key.c}::timestamptz, ${key.i}::uuid)`;
}

/** afterCursor with the cursor's key as placeholders, filled by cursorValues: for runShaped. */
export const AFTER_CURSOR_PLACEHOLDERS = sql`(${objectives.level}, ${objectives.createdAt}, ${objectives.id}) > (${sql.placeholder("cursorLevel")}::objective_level, ${sql.placeholder("cursorCreatedAt")}::timestamptz, ${sql.placeholder("cursorId")}::uuid)`;

/** The values of AFTER_CURSOR_PLACEHOLDERS; a cursor that is not ours is a 400. */
export function cursorValues(cursor: string) {
  const key = decode(cursor);
  return { cursorLevel: key.l, cursorCreatedAt: key.c, cursorId: key.i };
}

function decode(cursor: string): CursorKey {
  try {
    const parsed = ZCursor.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw badRequest("This page link is not valid any more; start from the first page.");
}
