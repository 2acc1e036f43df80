import { activityLog, type Executor } from "@meridian/db";
import { apiRateLimitPerMinute, countApiRequest, RateLimitedError } from "./api-rate-limit";

/** The token a call came with, as the audit log names it: never its secret. */
export interface ApiCallToken {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
}

/** One call through a token: its route, the procedure or endpoint that answered, and who acted. */
export interface ApiCall {
  method: string;
  path: string;
  procedure: string;
  /** The person the call acted as (REST: the token's creator); null when it acted for the organization (pushes). */
  actorId: string | null;
}

/**
 * Every call through a token is in the audit log: which route, for which token, and how it ended
 * (`outcome`, a tRPC error code such as OK, BAD_REQUEST or FORBIDDEN). REST procedures and the push
 * endpoints write the same row.
 */
export function recordApiCall(db: Executor, token: ApiCallToken, call: ApiCall & { outcome: string }) {
  const { actorId, ...details } = call;
  return db.insert(activityLog).values({
    organizationId: token.organizationId,
    actorId,
    entityType: "api_token",
    entityId: token.id,
    action: "api.request",
    details: { token: token.prefix, tokenName: token.name, ...details },
  });
}

/**
 * Counts a call against the token's rate limit (ADR 0025) and throws the 429 past it. The window's
 * first refused call is written to the audit log, so that reaching the limit shows there; the
 * ones after it are only counted, so that a flood of refused calls cannot fill the log.
 */
export async function admitApiCall(db: Executor, token: ApiCallToken, call: ApiCall): Promise<void> {
  try {
    await countApiRequest(db, token, apiRateLimitPerMinute());
  } catch (error) {
    if (error instanceof RateLimitedError && error.firstRefusal) {
      await recordApiCall(db, token, { ...call, outcome: error.code }).catch((failure: unknown) =>
        console.error("recording an API call failed", failure),
      );
    }
    throw error;
  }
}
