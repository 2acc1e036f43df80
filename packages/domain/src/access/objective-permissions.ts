import type { ObjectiveLevel, ObjectiveStatus } from "../okr/objective";
import type { Viewer } from "./objective-visibility";
import { can } from "./policy";

export interface ObjectiveWriteFacts {
  level: ObjectiveLevel;
  ownerId: string;
  teamId: string | null;
  status?: ObjectiveStatus;
}

/**
 * Who may create or edit an objective (and its key results). Admins: any.
 * Managers: their own, and team or personal objectives of a team they lead.
 * Members: their own personal objectives. Viewers: none. Company objectives
 * belong to admins alone.
 */
export function canWriteObjective(viewer: Viewer, objective: ObjectiveWriteFacts): boolean {
  if (!can(viewer.role, "objective.write")) return false;
  if (viewer.role === "admin") return true;
  if (objective.level === "company") return false;
  const ownPersonal = objective.level === "personal" && objective.ownerId === viewer.userId;
  if (viewer.role === "member") return ownPersonal;
  const leadsTeam = objective.teamId !== null && viewer.ledTeamIds.has(objective.teamId);
  return ownPersonal || leadsTeam;
}

/**
 * Who may publish a draft (make it active): a lead of its team or an admin,
 * and anyone for their own personal objective.
 */
export function canPublishObjective(viewer: Viewer, objective: ObjectiveWriteFacts): boolean {
  if (!canWriteObjective(viewer, objective)) return false;
  if (viewer.role === "admin") return true;
  if (objective.level === "personal" && objective.ownerId === viewer.userId) return true;
  return objective.teamId !== null && viewer.ledTeamIds.has(objective.teamId);
}
