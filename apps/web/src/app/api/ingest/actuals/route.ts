import { handleIngestActuals } from "@meridian/api";
import { getDatabase } from "@meridian/api/server";
import { closingConnection, watchBody } from "~/server/request-limits";

/**
 * The ingestion endpoint for other systems. It is authenticated by an API
 * token in the Authorization header, never by cookies, so the Origin guard of
 * the app's own mutations does not apply: there is no browser session to misuse.
 * The handler caps the body (1 MB); an answer given before the body was read to
 * its end (a bad token, a body too large) closes the connection, so the rest is never read.
 */
async function handler(request: Request) {
  const watched = watchBody(request);
  const response = await handleIngestActuals(watched.request, await getDatabase());
  return watched.readToEnd() ? response : closingConnection(response);
}

export const dynamic = "force-dynamic";
export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
