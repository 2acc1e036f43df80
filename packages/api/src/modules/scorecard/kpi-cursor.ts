import { z } from "zod";
import { badRequest } from "../../lib/errors";

/*
 * The KPI list pages by (name, id): alphabetical, ties by id. A cursor is the
 * last row's key, opaque to the client.
 */

const ZKpiCursorKey = z.object({ n: z.string().max(500), i: z.uuid() });

export function encodeKpiCursor(row: { id: string; name: string }): string {
  return Buffer.from(JSON.stringify({ n: row.name, i: row.id })).toString("base64url");
}

/** The cursor's key, for a statement that takes it as placeholders: the last row's name and id. A cursor that is not ours is a 400. */
export function kpiCursorKey(cursor: string): { cursorName: string; cursorId: string } {
  const key = decode(cursor);
  return { cursorName: key.n, cursorId: key.i };
}

function decode(cursor: string) {
  try {
    const parsed = ZKpiCursorKey.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw badRequest("This page link is not valid any more; start from the first page.");
}
