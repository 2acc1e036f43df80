import { appRouter } from "@meridian/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "~/server/context";
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
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed`, error.cause ?? error);
    },
  });
}

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
