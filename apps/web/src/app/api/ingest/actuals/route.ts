import { handleIngestActuals } from "@meridian/api";
import { getDatabase } from "@meridian/api/server";
import { observed } from "~/server/observed-route";

/**
 * The ingestion endpoint for other systems. It is authenticated by an API
 * token in the Authorization header, never by cookies, so the Origin guard of
 * the app's own mutations does not apply: there is no browser session to misuse.
 */
async function handler(request: Request) {
  return handleIngestActuals(request, await getDatabase());
}

export const dynamic = "force-dynamic";
const observedHandler = observed(handler);

export {
  observedHandler as DELETE,
  observedHandler as GET,
  observedHandler as PATCH,
  observedHandler as POST,
  observedHandler as PUT,
};
