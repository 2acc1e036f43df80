import { handleRestRequest } from "@meridian/api";
import { getDatabase } from "@meridian/api/server";
import { observed, requestLog } from "~/server/observed-route";
import { closingConnection, watchBody } from "~/server/request-limits";

/**
 * The public REST API and its OpenAPI document (ADR 0025). Authenticated by an API token in the
 * Authorization header, never by cookies, so the Origin guard of the app's own mutations does not
 * apply. An answer given before the body was read to its end (too large) closes the connection.
 */
async function handler(request: Request) {
  const watched = watchBody(request);
  const response = await handleRestRequest(watched.request, await getDatabase(), {
    onError(error, procedure) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        requestLog().error({ procedure, err: error.cause ?? error }, "REST procedure failed");
    },
  });
  return watched.readToEnd() ? response : closingConnection(response);
}

export const dynamic = "force-dynamic";
const observedHandler = observed(handler);

export {
  observedHandler as DELETE,
  observedHandler as GET,
  observedHandler as HEAD,
  observedHandler as PATCH,
  observedHandler as POST,
  observedHandler as PUT,
};
