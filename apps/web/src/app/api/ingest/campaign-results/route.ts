import { handleIngestCampaignResults } from "@meridian/api";
import { getDatabase } from "@meridian/api/server";
import { observed } from "~/server/observed-route";
import { closingConnection, watchBody } from "~/server/request-limits";

/**
 * Campaign spend and results pushed by other systems, authenticated by an API
 * token like the actuals endpoint (no cookies, so no Origin guard).
 */
async function handler(request: Request) {
  const watched = watchBody(request);
  const response = await handleIngestCampaignResults(watched.request, await getDatabase());
  return watched.readToEnd() ? response : closingConnection(response);
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
