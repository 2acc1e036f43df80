import { describe, expect, it } from "vitest";
import {
  type CheckInScope,
  can,
  canCheckInOnKeyResult,
  canWriteAnything,
  PERMISSIONS,
  type Permission,
} from "./policy";
import { isRole, ROLES } from "./roles";

const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
const allowedFor = (role: unknown) => ALL_PERMISSIONS.filter((p) => can(role, p)).sort();

describe("can", () => {
  it("admin holds every permission", () => {
    expect(allowedFor("admin")).toEqual([...ALL_PERMISSIONS].sort());
  });

  it("viewers only read", () => {
    expect(allowedFor("viewer")).toEqual([
      "campaign.read",
      "cycle.read",
      "experiment.read",
      // One's own notification centre and choices.
      "notification.read",
      "objective.read",
      "organization.read",
      "review.read",
      "scorecard.read",
      "team.read",
    ]);
  });

  it("members read, write objectives, check in and keep their KPIs and actions current, but manage nothing", () => {
    const member = [
      "action.update",
      "campaign.read",
      "campaign.write",
      "checkin.create",
      "comment.create",
      "cycle.read",
      "experiment.read",
      "experiment.write",
      "kpi.actuals.write",
      "notification.read",
      "objective.read",
      "objective.write",
      "organization.read",
      "review.read",
      "scorecard.read",
      "team.read",
    ];
    expect(allowedFor("member")).toEqual(member);
    // Managers also own KPIs and run reviews; the organization's set-up stays the admin's.
    expect(allowedFor("manager")).toEqual([...member, "kpi.manage", "review.manage"].sort());
  });

  it.each([["owner"], [""], ["Admin"], [" admin"], [null], [undefined], [42], [{ role: "admin" }]])(
    "fails closed for unknown role %j",
    (role) => {
      expect(can(role, "objective.read")).toBe(false);
      expect(allowedFor(role)).toEqual([]);
    },
  );

  it("fails closed for a permission missing from the table", () => {
    expect(can("admin", "objective.delete" as Permission)).toBe(false);
  });
});

describe("canWriteAnything", () => {
  it("is false for viewers and unknown roles, true for every other role", () => {
    expect(canWriteAnything("viewer")).toBe(false);
    expect(canWriteAnything("guest")).toBe(false);
    expect(canWriteAnything(undefined)).toBe(false);
    expect(canWriteAnything("member")).toBe(true);
    expect(canWriteAnything("manager")).toBe(true);
    expect(canWriteAnything("admin")).toBe(true);
  });
});

describe("canCheckInOnKeyResult", () => {
  const scope = (overrides: Partial<CheckInScope>): CheckInScope => ({
    role: "member",
    userId: "u1",
    keyResultOwnerId: "owner",
    leadsObjectiveTeam: false,
    ...overrides,
  });

  it("an admin may check in on anything", () => {
    expect(canCheckInOnKeyResult(scope({ role: "admin" }))).toBe(true);
  });

  it("a member may check in only on a key result they own, even if flagged as team lead", () => {
    expect(canCheckInOnKeyResult(scope({ role: "member", userId: "owner" }))).toBe(true);
    expect(canCheckInOnKeyResult(scope({ role: "member" }))).toBe(false);
    expect(canCheckInOnKeyResult(scope({ role: "member", leadsObjectiveTeam: true }))).toBe(false);
  });

  it("a manager may check in as owner or as lead of the objective's team, not otherwise", () => {
    expect(canCheckInOnKeyResult(scope({ role: "manager", userId: "owner" }))).toBe(true);
    expect(canCheckInOnKeyResult(scope({ role: "manager", leadsObjectiveTeam: true }))).toBe(true);
    expect(canCheckInOnKeyResult(scope({ role: "manager" }))).toBe(false);
  });

  it("a viewer may never check in, even on their own key result as team lead", () => {
    expect(canCheckInOnKeyResult(scope({ role: "viewer", userId: "owner", leadsObjectiveTeam: true }))).toBe(false);
  });
});

describe("isRole", () => {
  it("accepts exactly the four roles", () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole("ADMIN")).toBe(false);
    expect(isRole("superuser")).toBe(false);
    expect(isRole(null)).toBe(false);
  });
});

describe("can with names inherited from Object", () => {
  it("refuses them instead of throwing", () => {
    for (const name of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(can("admin", name as Permission)).toBe(false);
    }
  });
});
