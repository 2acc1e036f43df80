import { handleIngestExperimentResults } from "@meridian/api";
import { getDatabase } from "@meridian/api/server";
import { observed } from "~/server/observed-route";
import { closingConnection, watchBody } from "~/server/request-limits";

/**
 * The ingestion endpoint for experiment results (daily exposures and conversions per variant). It is authenticated by an API
 * token in the Authorization header, never by cookies, so the Origin guard of
 * the app's own mutations does not apply: there is no browser session to misuse.
 * The handler caps the body (1 MB); an answer given before the body was read to
 * its end (a bad token, a body too large) closes the connection, so the rest is never read.
 */
async function handler(request: Request) {
  const watched = watchBody(request);
  const response = await handleIngestExperimentResults(watched.request, await getDatabase());
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
