import { can } from "./policy";
import type { Role } from "./roles";

export interface KpiActualsScope {
  role: Role;
  userId: string;
  kpiOwnerId: string;
}

/**
 * Who may enter a KPI's actuals: admins for any KPI; managers and members for
 * the KPIs they own (the owner answers for the number). Viewers never.
 */
export function canEnterKpiActuals(scope: KpiActualsScope): boolean {
  if (!can(scope.role, "kpi.actuals.write")) return false;
  if (scope.role === "admin") return true;
  return scope.userId === scope.kpiOwnerId;
}

export interface KpiManageScope {
  role: Role;
  userId: string;
  kpiOwnerId: string;
}

/** Who may edit a KPI's definition, targets and benchmarks: admins any; managers the KPIs they own. */
export function canManageKpi(scope: KpiManageScope): boolean {
  if (!can(scope.role, "kpi.manage")) return false;
  if (scope.role === "admin") return true;
  return scope.userId === scope.kpiOwnerId;
}
