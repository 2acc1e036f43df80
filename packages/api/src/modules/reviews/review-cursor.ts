import { cycles, reviews, type SQL, sql } from "@meridian/db";
import { z } from "zod";
import { badRequest } from "../../lib/errors";

/* The paged review list runs newest cycle first, ties by id. A cursor is the last row's key, opaque to the client. */

const ZKey = z.object({ s: z.iso.date(), i: z.uuid() });

export function encodeReviewCursor(row: { id: string; cycleStartsOn: string }): string {
  return Buffer.from(JSON.stringify({ s: row.cycleStartsOn, i: row.id })).toString("base64url");
}

/** Reviews after the cursor, or nothing to add on the first page. A cursor that is not ours is a 400. */
export function afterReviewCursor(cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  let key: z.infer<typeof ZKey> | undefined;
  try {
    const parsed = ZKey.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) key = parsed.data;
  } catch {
    // falls through to the error below
  }
  if (!key) throw badRequest("This page link is not valid any more; start from the first page.");
  return sql`(${cycles.startsOn} < ${key.s}::date or (${cycles.startsOn} = ${key.s}::date and ${reviews.id} > ${key.i}::uuid))`;
}
