import { type SQL, sql, teams } from "@meridian/db";
import { z } from "zod";
import { badRequest } from "../../lib/errors";

/*
 * The REST list of teams pages by (name, id): alphabetical, ties by id, as the app lists them.
 * A cursor is the last team's key, opaque to the client.
 */

const ZTeamCursorKey = z.object({ n: z.string().max(500), i: z.uuid() });

function encodeTeamCursor(row: { id: string; name: string }): string {
  return Buffer.from(JSON.stringify({ n: row.name, i: row.id })).toString("base64url");
}

/** Teams after the cursor, or nothing to add on the first page. A cursor that is not ours is a 400. */
export function afterTeamCursor(cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const key = decode(cursor);
  return sql`(${teams.name}, ${teams.id}) > (${key.n}, ${key.i}::uuid)`;
}

function decode(cursor: string) {
  try {
    const parsed = ZTeamCursorKey.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // falls through to the error below
  }
  throw badRequest("This page link is not valid any more; start from the first page.");
}

/** One page out of `limit + 1` rows read: the page, and the cursor of the next one if there is more. */
export function teamPageOf<T extends { id: string; name: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeTeamCursor(last) : null };
}
