import { isRole, type Role } from "./roles";

/**
 * Every action a procedure may require. A procedure names exactly one; the
 * table below is the single place that says which roles hold it.
 */
export const PERMISSIONS = {
  "organization.read": ["admin", "manager", "member", "viewer"],
  "organization.manage": ["admin"],
  "user.manage": ["admin"],
  "team.read": ["admin", "manager", "member", "viewer"],
  "team.manage": ["admin"],
  "cycle.read": ["admin", "manager", "member", "viewer"],
  "cycle.manage": ["admin"],
  "objective.read": ["admin", "manager", "member", "viewer"],
  "objective.write": ["admin", "manager", "member"],
  "checkin.create": ["admin", "manager", "member"],
  "comment.create": ["admin", "manager", "member"],
  "settings.view": ["admin"],
  "audit.read": ["admin"],
  // Balanced scorecard: everyone reads it; admins shape the strategy (perspectives,
  // strategic objectives, the map's links); managers own KPIs and their numbers.
  "scorecard.read": ["admin", "manager", "member", "viewer"],
  "strategy.manage": ["admin"],
  "kpi.manage": ["admin", "manager"],
  "kpi.actuals.write": ["admin", "manager", "member"],
  "token.manage": ["admin"],
  // Webhook endpoints send the organization's events out: only admins register them.
  "webhook.manage": ["admin"],
  // Quarterly reviews: managers and admins run them; members read them all,
  // viewers only finalized ones (a row rule in the reviews router).
  "review.read": ["admin", "manager", "member", "viewer"],
  "review.manage": ["admin", "manager"],
  "action.update": ["admin", "manager", "member"],
  // A/B experiments: everyone reads them; admins and managers run any, members their teams' (a row rule).
  "experiment.read": ["admin", "manager", "member", "viewer"],
  "experiment.write": ["admin", "manager", "member"],
  // Campaigns: everyone reads the calendar; members write those of their teams (a row rule, campaign-permissions.ts).
  "campaign.read": ["admin", "manager", "member", "viewer"],
  "campaign.write": ["admin", "manager", "member"],
  // Notifications: everyone keeps their own inbox and chooses what they get (their rows only, a row rule);
  // admins set the organization's defaults and its check-in day.
  "notification.read": ["admin", "manager", "member", "viewer"],
  "notification.settings": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Fails closed: an unknown role or permission is never allowed. */
export function can(role: unknown, permission: Permission): boolean {
  if (!isRole(role)) return false;
  // Own keys only: "toString" and friends are not permissions.
  if (!Object.hasOwn(PERMISSIONS, permission)) return false;
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return allowed.includes(role);
}

/** A viewer never writes; nobody but the UI needs this shortcut for hiding edit controls. */
export function canWriteAnything(role: unknown): boolean {
  return can(role, "objective.write") || can(role, "checkin.create");
}

export interface CheckInScope {
  role: Role;
  userId: string;
  keyResultOwnerId: string;
  /** The user leads the team that owns the key result's objective. */
  leadsObjectiveTeam: boolean;
}

/**
 * Who may check in on a key result: its owner, a lead of the objective's team
 * (managers keep their team's numbers current), or an admin.
 */
export function canCheckInOnKeyResult(scope: CheckInScope): boolean {
  if (!can(scope.role, "checkin.create")) return false;
  if (scope.role === "admin") return true;
  if (scope.userId === scope.keyResultOwnerId) return true;
  return scope.role === "manager" && scope.leadsObjectiveTeam;
}
