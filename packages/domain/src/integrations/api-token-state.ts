/**
 * Where a token stands, as the settings page shows it and as the API decides: revoked (for good),
 * expired (its `expiresAt` has come: the midnight, UTC, after the last day it works), or active.
 */
export type ApiTokenState = "active" | "expired" | "revoked";

type Instant = Date | string | null;

export function apiTokenState(token: { revokedAt: Instant; expiresAt: Instant }, now = Date.now()): ApiTokenState {
  if (token.revokedAt !== null) return "revoked";
  if (token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now) return "expired";
  return "active";
}

/** The last day a token works: the day before the midnight it stops at, as "YYYY-MM-DD" (UTC). */
export function apiTokenLastDay(expiresAt: Date | string): string {
  return new Date(new Date(expiresAt).getTime() - 1).toISOString().slice(0, 10);
}
