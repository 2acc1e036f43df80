import { describe, expect, it } from "vitest";
import { canManageCampaign } from "./campaign-permissions";

describe("canManageCampaign", () => {
  const team = "team-a";
  it("lets admins and managers manage every campaign, with or without a team", () => {
    for (const role of ["admin", "manager"] as const) {
      expect(canManageCampaign({ role, teamIds: [], campaignTeamId: team })).toBe(true);
      expect(canManageCampaign({ role, teamIds: [], campaignTeamId: null })).toBe(true);
    }
  });
  it("lets members manage only the campaigns of teams they belong to", () => {
    expect(canManageCampaign({ role: "member", teamIds: [team], campaignTeamId: team })).toBe(true);
    expect(canManageCampaign({ role: "member", teamIds: ["team-b"], campaignTeamId: team })).toBe(false);
    expect(canManageCampaign({ role: "member", teamIds: [team], campaignTeamId: null })).toBe(false);
  });
  it("never lets viewers or unknown roles manage", () => {
    expect(canManageCampaign({ role: "viewer", teamIds: [team], campaignTeamId: team })).toBe(false);
    expect(canManageCampaign({ role: "owner" as never, teamIds: [team], campaignTeamId: team })).toBe(false);
  });
});
