import { ZId } from "@meridian/domain";
import { badRequest } from "../../lib/errors";

/** Where a page of a delivery log ends: the last delivery's created_at (to the microsecond) and id. */
export interface DeliveryCursor {
  createdAt: string;
  id: string;
}

export const encodeDeliveryCursor = (c: DeliveryCursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

/** The cursor a client sent back; anything else (edited, truncated, made up) is a clear 400. */
export function decodeDeliveryCursor(raw: string): DeliveryCursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<DeliveryCursor>;
    const at = typeof parsed.createdAt === "string" ? Date.parse(parsed.createdAt) : Number.NaN;
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
    // falls through to the error below
  }
  throw badRequest("That page position is not valid; start from the first page.");
}
