import { appRouter } from "@meridian/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "~/server/context";
import { observed, requestLog } from "~/server/observed-route";
import { refuseForeignMutation } from "~/server/request-guard";

function handler(request: Request) {
  const refused = refuseForeignMutation(request);
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: createRequestContext,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        requestLog().error({ procedure: path, err: error.cause ?? error }, "tRPC procedure failed");
      if (error.code === "SERVICE_UNAVAILABLE")
        requestLog().warn({ procedure: path, err: error.cause ?? error }, "database unavailable");
    },
  });
}

const observedHandler = observed(handler);

export { observedHandler as GET, observedHandler as POST };
