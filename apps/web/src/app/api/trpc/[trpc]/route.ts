import { appRouter } from "@meridian/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "~/server/context";
import { observed, requestLog } from "~/server/observed-route";
import { requestLimits } from "~/server/request-limits";
import { checkTrpcRequest, TRPC_ENDPOINT } from "~/server/trpc-request";

async function handler(request: Request) {
  const limits = requestLimits();
  const checked = await checkTrpcRequest(request, limits);
  if (checked instanceof Response) return checked;
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req: checked,
    router: appRouter,
    createContext: createRequestContext,
    // Checked above with a message of ours; kept here as a second line.
    maxBatchSize: limits.maxBatchCalls,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        requestLog().error({ procedure: path, err: error.cause ?? error }, "tRPC procedure failed");
      if (error.code === "SERVICE_UNAVAILABLE")
        requestLog().warn({ procedure: path, err: error.cause ?? error }, "database unavailable");
    },
  });
}

const observedHandler = observed(handler);

export {
  observedHandler as DELETE,
  observedHandler as GET,
  observedHandler as PATCH,
  observedHandler as POST,
  observedHandler as PUT,
};
