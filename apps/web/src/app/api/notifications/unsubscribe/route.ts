import { handleUnsubscribe } from "@meridian/api/mail";
import { getDatabase } from "@meridian/api/server";
import { observed } from "~/server/observed-route";

/**
 * The one-click unsubscribe link of every email (ADR 0021): no session, the
 * signed token in the URL is the only credential. GET is the link clicked;
 * POST is a mail client's own unsubscribe button (RFC 8058), sent from no
 * page of ours, so no Origin check applies.
 */
async function handler(request: Request) {
  return handleUnsubscribe(await getDatabase(), request);
}

export const dynamic = "force-dynamic";
export const GET = observed(handler);
export const POST = observed(handler);
