import { describe, expect, it } from "vitest";
import { canPublishObjective, canWriteObjective } from "./objective-permissions";
import type { Viewer } from "./objective-visibility";
import type { Role } from "./roles";

const viewer = (role: Role, led: string[] = [], userId = "me"): Viewer => ({
  role,
  userId,
  teamIds: new Set(led),
  ledTeamIds: new Set(led),
});
const personal = { level: "personal" as const, ownerId: "me", teamId: "marketing" };
const team = { level: "team" as const, ownerId: "someone", teamId: "marketing" };
const company = { level: "company" as const, ownerId: "someone", teamId: null };

describe("canWriteObjective", () => {
  it("lets members write only their own personal objectives", () => {
    expect(canWriteObjective(viewer("member"), personal)).toBe(true);
    expect(canWriteObjective(viewer("member"), { ...personal, ownerId: "other" })).toBe(false);
    expect(canWriteObjective(viewer("member", ["marketing"]), team)).toBe(false);
  });

  it("lets managers write their own and their led teams' objectives, never company ones", () => {
    expect(canWriteObjective(viewer("manager", ["marketing"]), team)).toBe(true);
    expect(canWriteObjective(viewer("manager", ["marketing"]), { ...personal, ownerId: "report" })).toBe(true);
    expect(canWriteObjective(viewer("manager", ["sales"]), team)).toBe(false);
    expect(canWriteObjective(viewer("manager", ["marketing"]), company)).toBe(false);
  });

  it("lets admins write anything and viewers nothing", () => {
    for (const o of [personal, team, company]) {
      expect(canWriteObjective(viewer("admin"), o)).toBe(true);
      expect(canWriteObjective(viewer("viewer", ["marketing"], "me"), o)).toBe(false);
    }
  });
});

describe("canPublishObjective", () => {
  it("lets a team's lead or an admin publish its drafts, and anyone their own personal objective", () => {
    expect(canPublishObjective(viewer("manager", ["marketing"]), team)).toBe(true);
    expect(canPublishObjective(viewer("admin"), team)).toBe(true);
    expect(canPublishObjective(viewer("member"), personal)).toBe(true);
    expect(canPublishObjective(viewer("member", ["marketing"]), team)).toBe(false);
    expect(canPublishObjective(viewer("manager", ["sales"]), team)).toBe(false);
  });
});
