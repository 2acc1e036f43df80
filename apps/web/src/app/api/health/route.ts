import { observed } from "~/server/observed-route";

/**
 * Liveness for a load balancer or orchestrator: the process answers. It asks
 * no database, so an outage of the database never gets the app restarted.
 */
function handler() {
  return Response.json(
    { status: "ok", uptimeSeconds: Math.round(process.uptime()) },
    {
      headers: { "cache-control": "no-store" },
    },
  );
}

export const dynamic = "force-dynamic";
export const GET = observed(handler);
