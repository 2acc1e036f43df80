export interface AuditFilters {
  actorId?: string;
  entityType?: string;
  from?: string;
  to?: string;
}

export const FILTER_KEYS = ["actorId", "entityType", "from", "to"] as const;

/** The filters live in the URL, so a filtered view can be shared and survives a reload. */
export function auditFiltersFrom(params: Record<string, string | undefined>): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params[key];
    if (value) filters[key] = value;
  }
  return filters;
}
