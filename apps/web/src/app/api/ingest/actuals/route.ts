import { handleIngestActuals } from "@meridian/api";
import { getDatabase } from "@meridian/api/server";

/**
 * The ingestion endpoint for other systems. It is authenticated by an API
 * token in the Authorization header, never by cookies, so the Origin guard of
 * the app's own mutations does not apply: there is no browser session to misuse.
 */
async function handler(request: Request) {
  return handleIngestActuals(request, await getDatabase());
}

export const dynamic = "force-dynamic";
export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
