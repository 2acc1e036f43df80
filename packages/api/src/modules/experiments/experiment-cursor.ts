import { experiments, sql } from "@meridian/db";
import { z } from "zod";
import { badRequest } from "../../lib/errors";

/* The experiments list pages newest first by (created_at, id); a cursor is the last row's key, opaque to the client. */

const ZKey = z.object({ c: z.iso.datetime({ offset: true }), i: z.uuid() });

/** created_at to the microsecond (a JavaScript Date keeps only milliseconds, which would skip or repeat rows). */
export const cursorTime = sql<string>`to_char(${experiments.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export function encodeExperimentCursor(row: { id: string; cursorAt: string }): string {
  return Buffer.from(JSON.stringify({ c: row.cursorAt, i: row.id })).toString("base64url");
}

/** The cursor's key, for a statement that takes it as placeholders: the last row's created_at and id. */
export function experimentCursorKey(cursor: string): { cursorAt: string; cursorId: string } {
  const key = decode(cursor);
  return { cursorAt: key.c, cursorId: key.i };
}

function decode(cursor: string) {
  try {
    const parsed = ZKey.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw badRequest("This page link is not valid any more; start from the first page.");
}
