import { describe, expect, it } from "vitest";
import { canManageExperiment } from "./experiment-permissions";

const marketing = "team-marketing";
const mine = new Set([marketing]);

describe("canManageExperiment", () => {
  it("lets admins and managers manage any team's experiment", () => {
    expect(canManageExperiment({ role: "admin", teamIds: new Set(), experimentTeamId: marketing })).toBe(true);
    expect(canManageExperiment({ role: "manager", teamIds: new Set(), experimentTeamId: marketing })).toBe(true);
  });
  it("lets members manage only their teams' experiments", () => {
    expect(canManageExperiment({ role: "member", teamIds: mine, experimentTeamId: marketing })).toBe(true);
    expect(canManageExperiment({ role: "member", teamIds: mine, experimentTeamId: "team-sales" })).toBe(false);
  });
  it("never lets a viewer, even on their own team", () => {
    expect(canManageExperiment({ role: "viewer", teamIds: mine, experimentTeamId: marketing })).toBe(false);
  });
});
