import { eq, memberships, users } from "@meridian/db";
import { PERMISSIONS, type Permission } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import {
  addMembership,
  callerFor,
  callerForClaims,
  createMember,
  createOrganization,
  createUser,
  DEMO,
  outcomeOf,
  sessionClaimsFor,
  sessionUserFor,
  useDemoDatabase,
} from "../../../test/support";

const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
const READ_ONLY: Permission[] = [
  "organization.read",
  "team.read",
  "cycle.read",
  "objective.read",
  "scorecard.read",
  "review.read",
  "experiment.read",
  "campaign.read",
  // One's own notification centre and choices: a viewer has them too.
  "notification.read",
];
/** Keeping one's own numbers and actions current: everyone who writes at all. */
const OWN_WORK: Permission[] = [
  "objective.write",
  "checkin.create",
  "comment.create",
  "kpi.actuals.write",
  "action.update",
  // Members run their own teams' experiments and campaigns (a row rule decides which).
  "experiment.write",
  "campaign.write",
];
const WRITE_PERMISSIONS = ALL_PERMISSIONS.filter((p) => !p.endsWith(".read") && p !== "settings.view");

const demo = useDemoDatabase();

describe("me.get", () => {
  it("returns the signed-in user as the session resolved them, and the demo organization as the active one", async () => {
    const me = await (await callerFor(demo.db, DEMO.member)).me.get();
    expect(me.user).toEqual(await sessionUserFor(demo.db, DEMO.member));
    expect(me.user).toMatchObject({ email: DEMO.member, name: "Sam Rivera", mustChangePassword: false });
    expect(me.organization).toEqual({ id: demo.orgId, name: "Northwind Labs", isDemo: true, role: "member" });
    expect(me.organizations).toEqual([{ id: demo.orgId, name: "Northwind Labs", role: "member" }]);
  });

  it.each([
    [DEMO.admin, "admin", [...ALL_PERMISSIONS]],
    [DEMO.manager, "manager", [...READ_ONLY, ...OWN_WORK, "kpi.manage", "review.manage"]],
    [DEMO.member, "member", [...READ_ONLY, ...OWN_WORK]],
    [DEMO.viewer, "viewer", READ_ONLY],
  ] as const)("%s is %s with exactly the role's permissions", async (email, role, expected) => {
    const me = await (await callerFor(demo.db, email)).me.get();
    expect(me.organization?.role).toBe(role);
    expect([...me.permissions].sort()).toEqual([...expected].sort());
  });

  it("gives the viewer no write permission at all", async () => {
    const me = await (await callerFor(demo.db, DEMO.viewer)).me.get();
    expect(WRITE_PERMISSIONS).toEqual(expect.arrayContaining(["objective.write", "checkin.create"]));
    expect(me.permissions.filter((p) => WRITE_PERMISSIONS.includes(p))).toEqual([]);
  });

  it("lists every organization of a person in two, and acts in the one requested", async () => {
    const other = await createOrganization(demo.db, { name: "Acme Holdings" });
    const nina = await sessionUserFor(demo.db, DEMO.nina);
    await addMembership(demo.db, other.id, nina.id, "admin");

    const byDefault = await (await callerFor(demo.db, DEMO.nina)).me.get();
    expect(byDefault.organizations).toEqual([
      { id: other.id, name: "Acme Holdings", role: "admin" },
      { id: demo.orgId, name: "Northwind Labs", role: "member" },
    ]);
    // No choice made: the first membership (the demo organization, joined first).
    expect(byDefault.organization).toMatchObject({ id: demo.orgId, role: "member" });

    const inOther = await (await callerFor(demo.db, DEMO.nina, other.id)).me.get();
    expect(inOther.organization).toEqual({ id: other.id, name: "Acme Holdings", isDemo: false, role: "admin" });
    expect(inOther.permissions).toEqual(expect.arrayContaining(["user.manage", "organization.manage"]));
  });

  it("never acts in an organization the person is not a member of, whatever they request", async () => {
    const other = await createOrganization(demo.db);
    await createMember(demo.db, other.id, "admin");
    for (const requested of [other.id, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const me = await (await callerFor(demo.db, DEMO.member, requested)).me.get();
      expect(me.organization).toMatchObject({ id: demo.orgId, role: "member" });
      expect(me.organizations.map((o) => o.id)).toEqual([demo.orgId]);
    }
  });

  it("answers a signed-in person without any membership with no organization and no permissions", async () => {
    const loner = await createUser(demo.db);
    const caller = await callerFor(demo.db, loner.email);
    const me = await caller.me.get();
    expect(me.user.id).toBe(loner.id);
    expect(me).toMatchObject({ organization: null, organizations: [], permissions: [] });
    // …and every organization-scoped procedure refuses them.
    expect(await outcomeOf(() => caller.cycles.list())).toBe("FORBIDDEN");
    expect(await outcomeOf(() => caller.objectives.dashboard())).toBe("FORBIDDEN");
  });

  it("re-reads the role on every request: a demotion takes effect on the next call with the same session", async () => {
    const user = await createMember(demo.db, demo.orgId, "manager");
    const claims = await sessionClaimsFor(demo.db, user.email);
    const before = await (await callerForClaims(demo.db, claims)).me.get();
    expect(before.permissions).toContain("checkin.create");

    await demo.db.update(memberships).set({ role: "viewer" }).where(eq(memberships.userId, user.id));
    const after = await (await callerForClaims(demo.db, claims)).me.get();
    expect(after.organization?.role).toBe("viewer");
    expect(after.permissions).not.toContain("checkin.create");
  });

  it("ends the session of a deactivated user and of a session signed before a password change", async () => {
    const deactivated = await createMember(demo.db, demo.orgId, "member");
    const deactivatedClaims = await sessionClaimsFor(demo.db, deactivated.email);
    await demo.db.update(users).set({ isActive: false }).where(eq(users.id, deactivated.id));
    const c1 = await callerForClaims(demo.db, deactivatedClaims);
    expect(await outcomeOf(() => c1.me.get())).toBe("UNAUTHORIZED");

    const rotated = await createMember(demo.db, demo.orgId, "member");
    const oldClaims = await sessionClaimsFor(demo.db, rotated.email);
    await demo.db
      .update(users)
      .set({ sessionVersion: oldClaims.sessionVersion + 1 })
      .where(eq(users.id, rotated.id));
    const c2 = await callerForClaims(demo.db, oldClaims);
    expect(await outcomeOf(() => c2.me.get())).toBe("UNAUTHORIZED");
    const fresh = await callerForClaims(demo.db, await sessionClaimsFor(demo.db, rotated.email));
    expect(await outcomeOf(() => fresh.me.get())).toBe("allow");
  });
});
