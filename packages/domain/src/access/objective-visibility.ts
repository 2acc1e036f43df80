import type { ObjectiveStatus, Visibility } from "../okr/objective";
import type { Role } from "./roles";

export interface Viewer {
  role: Role;
  userId: string;
  /** Teams the viewer belongs to, as lead or member. */
  teamIds: ReadonlySet<string>;
  /** Teams the viewer leads. */
  ledTeamIds: ReadonlySet<string>;
}

export interface ObjectiveAccessFacts {
  ownerId: string;
  teamId: string | null;
  visibility: Visibility;
  status: ObjectiveStatus;
}

/**
 * Who sees an objective. Private: its owner, the leads of its team and admins.
 * Draft: its team (and owner and admins) until a lead publishes it. Otherwise
 * everyone in the organization.
 */
export function canSeeObjective(viewer: Viewer, objective: ObjectiveAccessFacts): boolean {
  if (viewer.role === "admin" || viewer.userId === objective.ownerId) return true;
  const team = objective.teamId;
  if (objective.visibility === "private") return team !== null && viewer.ledTeamIds.has(team);
  if (objective.status === "draft") return team !== null && viewer.teamIds.has(team);
  return true;
}

/** Drafts and archived objectives do not feed the progress of what they align to. */
export function countsTowardRollup(status: ObjectiveStatus): boolean {
  return status === "active" || status === "closed";
}
