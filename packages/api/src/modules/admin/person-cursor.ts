import { type SQL, sql, users } from "@meridian/db";
import { z } from "zod";
import { badRequest } from "../../lib/errors";

/*
 * people.list and users.list page by (name, id): alphabetical, ties by id. A
 * cursor is the last person's key, opaque to the client.
 */

const ZPersonCursorKey = z.object({ n: z.string().max(500), i: z.uuid() });

export function encodePersonCursor(row: { id: string; name: string }): string {
  return Buffer.from(JSON.stringify({ n: row.name, i: row.id })).toString("base64url");
}

/** People after the cursor, or nothing to add on the first page. A cursor that is not ours is a 400. */
export function afterPersonCursor(cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const key = decode(cursor);
  return sql`(${users.name}, ${users.id}) > (${key.n}, ${key.i}::uuid)`;
}

function decode(cursor: string) {
  try {
    const parsed = ZPersonCursorKey.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw badRequest("This page link is not valid any more; start from the first page.");
}

/** One page out of `limit + 1` rows read: the page, and the cursor of the next one if there is more. */
export function pageOf<T extends { id: string; name: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodePersonCursor(last) : null };
}
