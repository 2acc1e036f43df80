import { describe, expect, it } from "vitest";
import { canSeeObjective, countsTowardRollup, type Viewer } from "./objective-visibility";
import type { Role } from "./roles";

const viewer = (role: Role, teams: string[] = [], led: string[] = [], userId = "me"): Viewer => ({
  role,
  userId,
  teamIds: new Set([...teams, ...led]),
  ledTeamIds: new Set(led),
});
const objective = (over: Partial<Parameters<typeof canSeeObjective>[1]> = {}) => ({
  ownerId: "owner",
  teamId: "eng",
  visibility: "public" as const,
  status: "active" as const,
  ...over,
});

describe("canSeeObjective", () => {
  it("shows a public active objective to every role", () => {
    for (const role of ["admin", "manager", "member", "viewer"] as const) {
      expect(canSeeObjective(viewer(role), objective())).toBe(true);
    }
  });

  it("shows a private objective only to its owner, the leads of its team and admins", () => {
    const priv = objective({ visibility: "private" });
    expect(canSeeObjective(viewer("member", [], [], "owner"), priv)).toBe(true);
    expect(canSeeObjective(viewer("manager", [], ["eng"]), priv)).toBe(true);
    expect(canSeeObjective(viewer("admin"), priv)).toBe(true);
    expect(canSeeObjective(viewer("member", ["eng"]), priv)).toBe(false);
    expect(canSeeObjective(viewer("manager", [], ["sales"]), priv)).toBe(false);
    expect(canSeeObjective(viewer("viewer"), priv)).toBe(false);
    expect(canSeeObjective(viewer("manager", [], ["eng"]), { ...priv, teamId: null })).toBe(false);
  });

  it("shows a draft to its team, its owner and admins, not to other teams", () => {
    const draft = objective({ status: "draft" });
    expect(canSeeObjective(viewer("member", ["eng"]), draft)).toBe(true);
    expect(canSeeObjective(viewer("member", [], [], "owner"), draft)).toBe(true);
    expect(canSeeObjective(viewer("admin"), draft)).toBe(true);
    expect(canSeeObjective(viewer("manager", [], ["sales"]), draft)).toBe(false);
    expect(canSeeObjective(viewer("viewer"), draft)).toBe(false);
  });
});

describe("countsTowardRollup", () => {
  it("counts active and closed objectives, not drafts or archived ones", () => {
    expect(countsTowardRollup("active")).toBe(true);
    expect(countsTowardRollup("closed")).toBe(true);
    expect(countsTowardRollup("draft")).toBe(false);
    expect(countsTowardRollup("archived")).toBe(false);
  });
});
