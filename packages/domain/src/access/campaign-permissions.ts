import { can } from "./policy";
import type { Role } from "./roles";

export interface CampaignManageScope {
  role: Role;
  /** The teams the caller belongs to. */
  teamIds: readonly string[];
  /** The campaign's team; null for a campaign of no team. */
  campaignTeamId: string | null;
}

/**
 * Who may create, edit, move and enter results of a campaign: admins and
 * managers every campaign; members those of a team they belong to; viewers none.
 */
export function canManageCampaign(scope: CampaignManageScope): boolean {
  if (!can(scope.role, "campaign.write")) return false;
  if (scope.role === "admin" || scope.role === "manager") return true;
  return scope.campaignTeamId !== null && scope.teamIds.includes(scope.campaignTeamId);
}
