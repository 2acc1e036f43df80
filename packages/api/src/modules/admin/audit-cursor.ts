import { ZId } from "@meridian/domain";
import { badRequest } from "../../lib/errors";

/** Where a page of the activity log ends: the exact instant (to the microsecond) and id of its last entry. */
export interface AuditCursor {
  createdAt: string;
  id: string;
}

export const encodeCursor = (c: AuditCursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

/** The cursor a client sent back; anything else (edited, truncated, made up) is a clear 400. */
export function decodeCursor(raw: string): AuditCursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<AuditCursor>;
    const at = typeof parsed.createdAt === "string" ? Date.parse(parsed.createdAt) : Number.NaN;
    // Within the years Postgres timestamps hold, and an id shaped like a uuid.
    const inRange = at >= Date.UTC(1900, 0, 1) && at < Date.UTC(3000, 0, 1);
    if (
      typeof parsed.createdAt === "string" &&
      typeof parsed.id === "string" &&
      inRange &&
      ZId.safeParse(parsed.id).success
    ) {
      return { createdAt: parsed.createdAt, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest("That page position is not valid; start from the first page.");
}
