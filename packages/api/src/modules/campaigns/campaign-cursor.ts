import { campaigns, type SQL, sql } from "@meridian/db";
import { z } from "zod";
import { badRequest } from "../../lib/errors";

/* The campaign list pages by (starts_on desc, id desc): newest first. A cursor is the last row's key, opaque to the client. */

const ZKey = z.object({ s: z.iso.date(), i: z.uuid() });

export function encodeCampaignCursor(row: { id: string; startsOn: string }): string {
  return Buffer.from(JSON.stringify({ s: row.startsOn, i: row.id })).toString("base64url");
}

export function afterCampaignCursor(cursor: string | null | undefined): SQL | undefined {
  if (!cursor) return undefined;
  let key: z.infer<typeof ZKey> | undefined;
  try {
    const parsed = ZKey.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) key = parsed.data;
  } catch {
    // falls through to the error below
  }
  if (!key) throw badRequest("This page link is not valid any more; start from the first page.");
  return sql`(${campaigns.startsOn}, ${campaigns.id}) < (${key.s}::date, ${key.i}::uuid)`;
}
