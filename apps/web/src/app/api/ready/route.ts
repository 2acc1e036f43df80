import { checkReadiness } from "@meridian/api/server";
import { observed } from "~/server/observed-route";
import { RETRY_AFTER_SECONDS } from "~/server/unavailable";

/**
 * Readiness: 200 when the database answers and every committed migration is
 * applied, else 503 (within 2.5 s, never a hang), so a load balancer sends
 * traffic only to instances that can serve it.
 */
async function handler() {
  const readiness = await checkReadiness();
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (!readiness.ready) headers["retry-after"] = String(RETRY_AFTER_SECONDS);
  return Response.json(
    { status: readiness.ready ? "ready" : "unavailable", ...readiness },
    { status: readiness.ready ? 200 : 503, headers },
  );
}

export const dynamic = "force-dynamic";
export const GET = observed(handler);
