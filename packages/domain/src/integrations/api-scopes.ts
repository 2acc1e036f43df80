/**
 * What an API token may do. A token acts only with the scopes it was given,
 * on top of its creator's role (ADR 0025): a scope never grants more than
 * the person who made the token holds.
 */
export const API_SCOPES = [
  "okrs:read",
  "checkins:write",
  "kpis:read",
  "kpis:write",
  "reports:read",
  "marketing:read",
  "marketing:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const API_SCOPE_INFO: Record<ApiScope, { label: string; description: string }> = {
  "okrs:read": {
    label: "Read OKRs",
    description: "Cycles, objectives with their key results and progress, and check-in history.",
  },
  "checkins:write": { label: "Write check-ins", description: "Record check-ins on key results." },
  "kpis:read": { label: "Read KPIs", description: "KPIs with their targets, thresholds and actuals." },
  "kpis:write": { label: "Write KPI actuals", description: "Enter or push KPI actuals." },
  "reports:read": { label: "Read reports", description: "Scorecard scores per quarter and quarterly reviews." },
  "marketing:read": { label: "Read marketing", description: "Campaigns and A/B experiments with their results." },
  "marketing:write": {
    label: "Write marketing",
    description: "Push campaign results and experiment counts.",
  },
};

/** What tokens made before scopes existed keep: the push endpoints they were made for. */
export const LEGACY_TOKEN_SCOPES: readonly ApiScope[] = ["kpis:write", "marketing:write"];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === "string" && (API_SCOPES as readonly string[]).includes(value);
}

/** Fails closed: a token holds a scope only when it was given that exact scope. */
export function tokenHasScope(scopes: readonly string[], scope: ApiScope): boolean {
  return scopes.includes(scope);
}
