import { can } from "./policy";
import type { Role } from "./roles";

export interface ExperimentScope {
  role: Role;
  /** The teams the caller belongs to (leading one is belonging to it). */
  teamIds: ReadonlySet<string>;
  experimentTeamId: string;
}

/** Who may change an experiment, its results and its conclusion: admins and managers any; members their teams'. Viewers never. */
export function canManageExperiment(scope: ExperimentScope): boolean {
  if (!can(scope.role, "experiment.write")) return false;
  if (scope.role === "admin" || scope.role === "manager") return true;
  return scope.teamIds.has(scope.experimentTeamId);
}
