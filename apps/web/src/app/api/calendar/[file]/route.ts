import { handleCalendarFeed } from "@meridian/api";
import { getDatabase } from "@meridian/api/server";
import { observed } from "~/server/observed-route";

/**
 * A person's iCalendar feed of the campaigns, at a secret URL their calendar
 * app polls. The secret in the path is the only credential (no session cookie
 * travels with a calendar app's request).
 */
async function handler(request: Request, context: { params: Promise<{ file: string }> }) {
  const { file } = await context.params;
  return handleCalendarFeed(await getDatabase(), file, new URL(request.url).origin);
}

export const dynamic = "force-dynamic";
export const GET = observed(handler);
