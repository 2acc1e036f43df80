import { checkCredentials } from "@meridian/auth";
import { verifyPassword } from "@meridian/auth/password";
import { activityLog, and, desc, eq, keyResults, memberships, objectives, users } from "@meridian/db";
import { DEMO_PASSWORD } from "@meridian/db/seed";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMembership,
  callerFor,
  callerForClaims,
  clientErrorOf,
  createMember,
  createOrganization,
  createOrganizationWithOkr,
  createTeam,
  DEMO,
  objectiveByTitle,
  openDashboard,
  outcomeOf,
  sessionClaimsFor,
  trpcErrorOf,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";

const demo = useDemoDatabase();
let adminId: string;

const TEMPORARY_PASSWORD = /^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/;

beforeAll(async () => {
  adminId = await userIdOf(demo.db, DEMO.admin);
});

const admin = () => callerFor(demo.db, DEMO.admin);

async function accountOf(email: string) {
  const [row] = await demo.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no account ${email}`);
  return row;
}

async function membershipOf(organizationId: string, userId: string) {
  const [row] = await demo.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** The newest activity rows about `entityId`, newest first. */
async function activityAbout(entityId: string) {
  return demo.db
    .select()
    .from(activityLog)
    .where(eq(activityLog.entityId, entityId))
    .orderBy(desc(activityLog.createdAt));
}

const signIn = (email: string, password: string) => checkCredentials(demo.db, { email, password }, { address: null });

describe("users.create", () => {
  it("returns a one-time temporary password, stores only its argon2id hash and makes the person change it", async () => {
    const result = await (await admin()).users.create({
      email: "  Grace.Hopper@Example.COM ",
      name: "Grace Hopper",
      role: "manager",
    });
    expect(result.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    const temporary = result.temporaryPassword ?? "";

    expect(Object.keys(result)).toEqual(["temporaryPassword"]);
    const account = await accountOf("grace.hopper@example.com");
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
    expect(account.passwordHash).not.toContain(temporary);
    expect(await verifyPassword(account.passwordHash, temporary)).toBe(true);
    expect(account.mustChangePassword).toBe(true);
    expect(await membershipOf(demo.orgId, account.id)).toMatchObject({ role: "manager", deactivatedAt: null });

    const [entry] = await activityAbout(account.id);
    expect(entry).toMatchObject({
      organizationId: demo.orgId,
      actorId: adminId,
      entityType: "user",
      action: "user.invited",
      details: { email: "grace.hopper@example.com", role: "manager" },
    });
    expect(JSON.stringify(entry)).not.toContain(temporary);

    const listed = (await (await admin()).users.list()).users.find((p) => p.id === account.id);
    expect(listed).toMatchObject({ role: "manager", active: true, mustChangePassword: true, teams: [] });
    expect(JSON.stringify(listed)).not.toContain(temporary);
  });

  it("lets the new person sign in with the temporary password into me.get only, until they replace it", async () => {
    const { temporaryPassword } = await (await admin()).users.create({
      email: "ada.lovelace@example.com",
      name: "Ada Lovelace",
      role: "member",
    });
    const signedIn = await signIn("ada.lovelace@example.com", temporaryPassword ?? "");
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.reason}`);
    const caller = await callerForClaims(demo.db, signedIn.claims);
    expect((await caller.me.get()).user.mustChangePassword).toBe(true);
    expect(await outcomeOf(() => caller.objectives.dashboard())).toBe("FORBIDDEN");
    expect(await outcomeOf(() => caller.teams.list())).toBe("FORBIDDEN");
  });

  it("invites someone who already has an account elsewhere, who joins once they accept, keeping their password", async () => {
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex" });
    const before = await accountOf(globex.member.email);

    const result = await (await admin()).users.create({ email: globex.member.email, name: "Ignored", role: "manager" });
    expect(result.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    expect(await membershipOf(demo.orgId, globex.member.id)).toBeNull();
    const joiner = await callerFor(demo.db, globex.member.email);
    const [invitation] = await joiner.invitations.list();
    await joiner.invitations.accept({ invitationId: invitation?.id ?? "" });

    const after = await accountOf(globex.member.email);
    expect(after).toMatchObject({
      passwordHash: before.passwordHash,
      mustChangePassword: false,
      name: before.name,
      sessionVersion: before.sessionVersion,
    });
    expect(await membershipOf(demo.orgId, globex.member.id)).toMatchObject({ role: "manager" });
    expect(await membershipOf(globex.organization.id, globex.member.id)).toMatchObject({ role: "member" });
    const [entry] = await activityAbout(globex.member.id);
    expect(entry).toMatchObject({ organizationId: demo.orgId, action: "user.invitation_accepted" });

    // One person, two organizations, a role in each — and nothing of one visible from the other.
    const inDemo = await callerFor(demo.db, globex.member.email, demo.orgId);
    const inGlobex = await callerFor(demo.db, globex.member.email, globex.organization.id);
    expect((await inDemo.me.get()).organization).toMatchObject({ id: demo.orgId, role: "manager" });
    expect((await inGlobex.me.get()).organization).toMatchObject({ id: globex.organization.id, role: "member" });
    const demoTeams = (await inDemo.teams.list()).map((t) => t.id);
    const globexTeams = (await inGlobex.teams.list()).map((t) => t.id);
    expect(demoTeams).not.toContain(globex.team.id);
    expect(globexTeams).toEqual([globex.team.id]);
    const demoDashboard = JSON.stringify(await openDashboard(inDemo));
    expect(demoDashboard).not.toContain(globex.objective.id);
    expect(JSON.stringify(await openDashboard(inGlobex))).toContain(globex.objective.id);
    // Their own key result in Globex does not exist for them while they act in Northwind.
    expect(await outcomeOf(() => inDemo.checkIns.create(checkInOn(globex.keyResult.id)))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => inGlobex.checkIns.create(checkInOn(globex.keyResult.id)))).toBe("allow");
  });

  it("refuses someone already in the organization (active or deactivated) with CONFLICT, writing nothing", async () => {
    const deactivated = await createMember(demo.db, demo.orgId, "member");
    await demo.db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, deactivated.id));
    const caller = await admin();
    for (const email of [DEMO.member, DEMO.member.toUpperCase(), deactivated.email]) {
      const before = await writeFingerprint(demo.db);
      const error = await trpcErrorOf(() => caller.users.create({ email, name: "Again", role: "admin" }));
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toBe(`${email.toLowerCase()} is already in this organization.`);
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
    expect(await membershipOf(demo.orgId, await userIdOf(demo.db, DEMO.member))).toMatchObject({ role: "member" });
  });

  it.each([
    [{ email: "not-an-email", name: "X", role: "member" }, "email", "Enter a valid email address."],
    [{ email: "x@example.com", name: "   ", role: "member" }, "name", "Enter the name."],
    [{ email: "x@example.com", name: "X", role: "owner" }, "role", "Role must be admin, manager, member or viewer."],
  ])("refuses %j with BAD_REQUEST on the field, writing nothing", async (input, field, message) => {
    const caller = await admin();
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(() => caller.users.create(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    const { shape, httpStatus } = clientErrorOf(error, "users.create");
    expect(httpStatus).toBe(400);
    expect(shape.data.fieldErrors).toEqual({ [field]: [message] });
    expect(await writeFingerprint(demo.db)).toEqual(before);
  });
});

function checkInOn(keyResultId: string) {
  return { keyResultId, value: 1, confidence: 5, idempotencyKey: crypto.randomUUID() };
}

describe("users.changeRole", () => {
  it("takes effect on the next call of the same session: a promoted member can list users, a demoted admin cannot", async () => {
    const person = await createMember(demo.db, demo.orgId, "member");
    const claims = await sessionClaimsFor(demo.db, person.email);
    const session = () => callerForClaims(demo.db, claims);
    expect(await outcomeOf(async () => (await session()).users.list())).toBe("FORBIDDEN");

    expect(await (await admin()).users.changeRole({ userId: person.id, role: "admin" })).toEqual({ role: "admin" });
    expect(await outcomeOf(async () => (await session()).users.list())).toBe("allow");
    expect((await (await session()).me.get()).permissions).toContain("user.manage");

    await (await admin()).users.changeRole({ userId: person.id, role: "viewer" });
    expect(await outcomeOf(async () => (await session()).users.list())).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await session()).checkIns.create(checkInOn(crypto.randomUUID())))).toBe(
      "FORBIDDEN",
    );

    const entries = await activityAbout(person.id);
    expect(entries.map((e) => [e.action, e.details])).toEqual([
      ["user.role_changed", { from: "admin", to: "viewer" }],
      ["user.role_changed", { from: "member", to: "admin" }],
    ]);
    expect(entries.every((e) => e.actorId === adminId && e.organizationId === demo.orgId)).toBe(true);
  });

  it("writes nothing when the role does not change", async () => {
    const person = await createMember(demo.db, demo.orgId, "manager");
    const before = await writeFingerprint(demo.db);
    expect(await (await admin()).users.changeRole({ userId: person.id, role: "manager" })).toEqual({
      role: "manager",
    });
    expect(await writeFingerprint(demo.db)).toEqual(before);
  });

  it("keeps the objectives of a person whose role changes", async () => {
    const member = await userIdOf(demo.db, DEMO.member);
    const ownedBefore = await demo.db.select().from(objectives).where(eq(objectives.ownerId, member));
    await (await admin()).users.changeRole({ userId: member, role: "viewer" });
    await (await admin()).users.changeRole({ userId: member, role: "member" });
    const ownedAfter = await demo.db.select().from(objectives).where(eq(objectives.ownerId, member));
    expect(ownedAfter.map((o) => o.id).sort()).toEqual(ownedBefore.map((o) => o.id).sort());
  });

  it("never demotes the last active admin, who may step down once there is another", async () => {
    const org = await createOrganization(demo.db);
    const first = await createMember(demo.db, org.id, "admin");
    const firstCaller = () => callerFor(demo.db, first.email);

    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(async () =>
      (await firstCaller()).users.changeRole({ userId: first.id, role: "member" }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The organization needs at least one other active admin first.");
    expect(await writeFingerprint(demo.db)).toEqual(before);

    // A deactivated admin does not count.
    const dormant = await createMember(demo.db, org.id, "admin");
    await demo.db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, dormant.id));
    expect(
      (await trpcErrorOf(async () => (await firstCaller()).users.changeRole({ userId: first.id, role: "member" })))
        .code,
    ).toBe("BAD_REQUEST");

    const second = await createMember(demo.db, org.id, "member");
    await (await firstCaller()).users.changeRole({ userId: second.id, role: "admin" });
    expect(await (await firstCaller()).users.changeRole({ userId: first.id, role: "member" })).toEqual({
      role: "member",
    });
    expect(await outcomeOf(async () => (await firstCaller()).users.list())).toBe("FORBIDDEN");
    const secondCaller = await callerFor(demo.db, second.email);
    expect((await trpcErrorOf(() => secondCaller.users.changeRole({ userId: second.id, role: "viewer" }))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("answers NOT_FOUND for someone of another organization and leaves their role there alone", async () => {
    const globex = await createOrganizationWithOkr(demo.db);
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(async () =>
      (await admin()).users.changeRole({ userId: globex.admin.id, role: "viewer" }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(await writeFingerprint(demo.db)).toEqual(before);
    expect(await membershipOf(globex.organization.id, globex.admin.id)).toMatchObject({ role: "admin" });
  });
});

describe("users.deactivate and users.reactivate", () => {
  it("ends the person's sessions at once, refuses them every organization procedure, and keeps their data", async () => {
    const ravi = await accountOf(DEMO.ravi);
    const oldClaims = await sessionClaimsFor(demo.db, DEMO.ravi);
    const privateObjective = await objectiveByTitle(demo.db, demo.orgId, "Grow into a team lead role");
    expect(await outcomeOf(async () => (await callerForClaims(demo.db, oldClaims)).objectives.dashboard())).toBe(
      "allow",
    );

    expect(await (await admin()).users.deactivate({ userId: ravi.id })).toEqual({ active: false });

    // The session they had is over…
    const old = await callerForClaims(demo.db, oldClaims);
    expect(await outcomeOf(() => old.me.get())).toBe("UNAUTHORIZED");
    expect(await outcomeOf(() => old.objectives.dashboard())).toBe("UNAUTHORIZED");
    expect((await accountOf(DEMO.ravi)).sessionVersion).toBe(ravi.sessionVersion + 1);
    // …a new one (signed before the sign-in check could refuse it) reaches no organization procedure…
    const fresh = await callerFor(demo.db, DEMO.ravi, demo.orgId);
    expect(await fresh.me.get()).toMatchObject({ organization: null, organizations: [], permissions: [] });
    for (const call of [
      () => fresh.objectives.dashboard(),
      () => fresh.teams.list(),
      () => fresh.cycles.list(),
      () => fresh.organizations.settings(),
    ]) {
      expect(await outcomeOf(call)).toBe("FORBIDDEN");
    }
    // …and signing in is refused like a wrong password.
    expect(await signIn(DEMO.ravi, DEMO_PASSWORD)).toEqual({ ok: false, reason: "invalid" });

    // Their objectives, key results and memberships stay, and others still see their public work.
    expect(await objectiveByTitle(demo.db, demo.orgId, privateObjective.title)).toMatchObject({ ownerId: ravi.id });
    const owned = await demo.db.select().from(keyResults).where(eq(keyResults.ownerId, ravi.id));
    expect(owned.length).toBeGreaterThan(0);
    expect(await membershipOf(demo.orgId, ravi.id)).toMatchObject({ role: "member" });
    const listed = (await (await admin()).users.list()).users.find((p) => p.id === ravi.id);
    expect(listed).toMatchObject({ active: false, role: "member" });
    expect(listed?.deactivatedAt).toBeInstanceOf(Date);
    const dashboard = JSON.stringify(await openDashboard(await callerFor(demo.db, DEMO.lena)));
    expect(dashboard).toContain("P1 incidents per month");

    const [entry] = await activityAbout(ravi.id);
    expect(entry).toMatchObject({ actorId: adminId, action: "user.deactivated", organizationId: demo.orgId });

    // Reactivation restores access (with a new session) and signing in.
    expect(await (await admin()).users.reactivate({ userId: ravi.id })).toEqual({ active: true });
    const back = await callerFor(demo.db, DEMO.ravi);
    expect(await outcomeOf(() => back.objectives.dashboard())).toBe("allow");
    expect(JSON.stringify(await openDashboard(back))).toContain(privateObjective.id);
    expect((await signIn(DEMO.ravi, DEMO_PASSWORD)).ok).toBe(true);
    expect((await activityAbout(ravi.id))[0]).toMatchObject({ action: "user.reactivated", actorId: adminId });
  });

  it("leaves the person's other organizations open to them", async () => {
    const other = await createOrganization(demo.db, { name: "Side Project" });
    const person = await createMember(demo.db, demo.orgId, "member");
    await addMembership(demo.db, other.id, person.id, "admin");
    const oldClaims = await sessionClaimsFor(demo.db, person.email);
    const sessionVersion = (await accountOf(person.email)).sessionVersion;
    await (await admin()).users.deactivate({ userId: person.id });

    // The session they already had goes on in the other organization, and reaches nothing here.
    expect((await accountOf(person.email)).sessionVersion).toBe(sessionVersion);
    for (const requested of [other.id, demo.orgId]) {
      const old = await callerForClaims(demo.db, oldClaims, requested);
      expect((await old.me.get()).organization).toMatchObject({ id: other.id, role: "admin" });
      expect((await old.organizations.settings()).id).toBe(other.id);
      expect((await old.me.get()).organizations.map((o) => o.id)).toEqual([other.id]);
    }

    const fresh = await callerFor(demo.db, person.email, demo.orgId);
    const me = await fresh.me.get();
    expect(me.organization).toMatchObject({ id: other.id, role: "admin" });
    expect(me.organizations.map((o) => o.id)).toEqual([other.id]);
    // Whatever they request, they act in the organization that still has them.
    expect((await fresh.organizations.settings()).id).toBe(other.id);
    expect((await signIn(person.email, "factory-password")).ok).toBe(true);
  });

  it("is idempotent: deactivating twice or reactivating an active person writes nothing", async () => {
    const person = await createMember(demo.db, demo.orgId, "member");
    const caller = await admin();
    await caller.users.deactivate({ userId: person.id });
    let before = await writeFingerprint(demo.db);
    expect(await caller.users.deactivate({ userId: person.id })).toEqual({ active: false });
    expect(await writeFingerprint(demo.db)).toEqual(before);
    await caller.users.reactivate({ userId: person.id });
    before = await writeFingerprint(demo.db);
    expect(await caller.users.reactivate({ userId: person.id })).toEqual({ active: true });
    expect(await writeFingerprint(demo.db)).toEqual(before);
  });

  it("refuses to deactivate oneself with BAD_REQUEST, writing nothing", async () => {
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(async () => (await admin()).users.deactivate({ userId: adminId }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("You cannot deactivate yourself.");
    expect(await writeFingerprint(demo.db)).toEqual(before);
  });

  it("answers NOT_FOUND for someone of another organization", async () => {
    const globex = await createOrganizationWithOkr(demo.db);
    for (const call of ["deactivate", "reactivate"] as const) {
      const before = await writeFingerprint(demo.db);
      expect((await trpcErrorOf(async () => (await admin()).users[call]({ userId: globex.member.id }))).code).toBe(
        "NOT_FOUND",
      );
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
  });

  it("always leaves an active admin, even when two admins deactivate each other at the same moment", async () => {
    const org = await createOrganization(demo.db);
    const a = await createMember(demo.db, org.id, "admin");
    const b = await createMember(demo.db, org.id, "admin");
    const [callerA, callerB] = await Promise.all([callerFor(demo.db, a.email), callerFor(demo.db, b.email)]);
    const results = await Promise.allSettled([
      callerA.users.deactivate({ userId: b.id }),
      callerB.users.deactivate({ userId: a.id }),
    ]);
    const active = await demo.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, org.id), eq(memberships.role, "admin")));
    expect(active.filter((m) => m.deactivatedAt === null)).toHaveLength(1);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    const reason = refused[0]?.status === "rejected" ? refused[0].reason : null;
    expect(reason).toBeInstanceOf(TRPCError);
    // Refused by the last-admin rule, or — when the other call committed first — as no longer an admin here.
    expect(["BAD_REQUEST", "FORBIDDEN"]).toContain((reason as TRPCError).code);
  });
});

describe("users.resetPassword", () => {
  it("replaces the password with a temporary one and ends the person's sessions", async () => {
    const person = await createMember(demo.db, demo.orgId, "member");
    const oldClaims = await sessionClaimsFor(demo.db, person.email);
    const { temporaryPassword } = await (await admin()).users.resetPassword({ userId: person.id });
    expect(temporaryPassword).toMatch(TEMPORARY_PASSWORD);

    expect(await outcomeOf(async () => (await callerForClaims(demo.db, oldClaims)).me.get())).toBe("UNAUTHORIZED");
    expect(await signIn(person.email, "factory-password")).toEqual({ ok: false, reason: "invalid" });
    const signedIn = await signIn(person.email, temporaryPassword);
    if (!signedIn.ok) throw new Error("the temporary password does not sign in");
    const caller = await callerForClaims(demo.db, signedIn.claims);
    expect((await caller.me.get()).user.mustChangePassword).toBe(true);
    expect(await outcomeOf(() => caller.objectives.dashboard())).toBe("FORBIDDEN");

    const account = await accountOf(person.email);
    expect(account.passwordHash).not.toContain(temporaryPassword);
    const [entry] = await activityAbout(person.id);
    expect(entry).toMatchObject({ action: "user.password_reset", actorId: adminId, organizationId: demo.orgId });
    expect(JSON.stringify(entry)).not.toContain(temporaryPassword);
  });

  it("is FORBIDDEN for someone who also belongs to another organization, writing nothing", async () => {
    const globex = await createOrganizationWithOkr(demo.db);
    await (await admin()).users.create({ email: globex.member.email, name: "Shared", role: "member" });
    const joiner = await callerFor(demo.db, globex.member.email);
    const [invitation] = await joiner.invitations.list();
    await joiner.invitations.accept({ invitationId: invitation?.id ?? "" });
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(async () => (await admin()).users.resetPassword({ userId: globex.member.id }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/also belongs to another organization/);
    expect(await writeFingerprint(demo.db)).toEqual(before);
    expect((await signIn(globex.member.email, "factory-password")).ok).toBe(true);
  });

  it("refuses oneself (BAD_REQUEST) and someone of another organization (NOT_FOUND), writing nothing", async () => {
    const globex = await createOrganizationWithOkr(demo.db);
    const before = await writeFingerprint(demo.db);
    const self = await trpcErrorOf(async () => (await admin()).users.resetPassword({ userId: adminId }));
    expect(self.code).toBe("BAD_REQUEST");
    expect(self.message).toBe("Change your own password from your account page.");
    const stranger = await trpcErrorOf(async () => (await admin()).users.resetPassword({ userId: globex.admin.id }));
    expect(stranger.code).toBe("NOT_FOUND");
    expect(await writeFingerprint(demo.db)).toEqual(before);
  });
});

describe("users.list", () => {
  /** A small organization of its own, so that counts and orders are the test's. */
  async function company() {
    const org = await createOrganization(demo.db);
    const boss = await createMember(demo.db, org.id, "admin", { name: "Bea Boss", email: `bea-${org.id}@acme.test` });
    const people = [boss];
    for (const [name, role] of [
      ["Al Member", "member"],
      ["Cy Viewer", "viewer"],
      ["Di Manager", "manager"],
      ["Ed 50% Member", "member"],
      ["Fe Gone", "member"],
    ] as const) {
      people.push(
        await createMember(demo.db, org.id, role, { name, email: `${name.split(" ")[0]}-${org.id}@acme.test` }),
      );
    }
    const gone = people[5];
    if (!gone) throw new Error("people were not created");
    await demo.db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, gone.id));
    return { org, people, gone, caller: await callerFor(demo.db, boss.email, org.id) };
  }
  type Page = Awaited<ReturnType<Awaited<ReturnType<typeof company>>["caller"]["users"]["list"]>>;

  it("pages everyone by name with a cursor, each person once, with their teams", async () => {
    const { org, people, caller } = await company();
    const [boss, al] = people;
    if (!boss || !al) throw new Error("people were not created");
    await createTeam(demo.db, org.id, { name: "Ops", leads: [boss.id], members: [al.id] });
    await createTeam(demo.db, org.id, { name: "Archived", members: [al.id], archivedAt: new Date() });
    await createTeam(demo.db, org.id, { name: "Apps", members: [al.id] });

    const seen: Page["users"] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await caller.users.list({ limit: 4, cursor });
      seen.push(...page.users);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen.map((p) => p.name)).toEqual([
      "Al Member",
      "Bea Boss",
      "Cy Viewer",
      "Di Manager",
      "Ed 50% Member",
      "Fe Gone",
    ]);
    expect(seen.find((p) => p.id === al.id)?.teams).toEqual([
      { name: "Apps", role: "member" },
      { name: "Ops", role: "member" },
    ]);
    expect(seen.find((p) => p.id === boss.id)).toMatchObject({
      email: boss.email,
      role: "admin",
      active: true,
      deactivatedAt: null,
      teams: [{ name: "Ops", role: "lead" }],
    });
    expect(seen.find((p) => p.name === "Fe Gone")).toMatchObject({ active: false, teams: [] });
  });

  it("searches name and email in SQL (literal %), and filters by role, status and id", async () => {
    const { people, gone, caller } = await company();
    const names = async (input: Parameters<typeof caller.users.list>[0]) =>
      (await caller.users.list(input)).users.map((p) => p.name);
    expect(await names({ q: "boss" })).toEqual(["Bea Boss"]);
    expect(await names({ q: "DI-" })).toEqual(["Di Manager"]);
    expect(await names({ q: "50%" })).toEqual(["Ed 50% Member"]);
    expect(await names({ q: "%" })).toEqual(["Ed 50% Member"]);
    expect(await names({ q: "_" })).toEqual([]);
    expect(await names({ q: "acme.test", role: "member" })).toEqual(["Al Member", "Ed 50% Member", "Fe Gone"]);
    expect(await names({ role: "member", active: true })).toEqual(["Al Member", "Ed 50% Member"]);
    expect(await names({ active: false })).toEqual(["Fe Gone"]);
    expect(await names({ role: "viewer" })).toEqual(["Cy Viewer"]);
    expect(await names({ ids: [gone.id, people[1]?.id ?? "", adminId] })).toEqual(["Al Member", "Fe Gone"]);
  });

  it("never answers another organization's people, and refuses forged cursors and huge pages with 400", async () => {
    const { caller } = await company();
    const answers = JSON.stringify([
      await caller.users.list(),
      await caller.users.list({ q: "northwind" }),
      await caller.users.list({ ids: [adminId] }),
    ]);
    expect(answers).not.toContain(DEMO.admin);
    expect(answers).not.toContain(adminId);

    for (const cursor of ["nope", Buffer.from(JSON.stringify({ n: "A", i: "1" })).toString("base64url")]) {
      const error = await trpcErrorOf(() => caller.users.list({ cursor }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorOf(error, "users.list").httpStatus).toBe(400);
    }
    const huge = await trpcErrorOf(() => caller.users.list({ limit: 1000 }));
    expect(clientErrorOf(huge, "users.list")).toMatchObject({
      httpStatus: 400,
      shape: { data: { fieldErrors: { limit: ["Ask for at most 100 at a time."] } } },
    });
    expect(await outcomeOf(() => caller.users.list({ role: "owner" as never }))).toBe("BAD_REQUEST");
  });
});

describe("users: input validation", () => {
  it.each([
    ["changeRole", { userId: "not-a-uuid", role: "member" }, { userId: ["Must be a valid id."] }],
    [
      "changeRole",
      { userId: crypto.randomUUID(), role: "root" },
      { role: ["Role must be admin, manager, member or viewer."] },
    ],
    ["deactivate", { userId: "42" }, { userId: ["Must be a valid id."] }],
    ["reactivate", {}, { userId: ["Must be a valid id."] }],
    ["resetPassword", { userId: null }, { userId: ["Must be a valid id."] }],
  ] as const)(
    "users.%s(%j) is BAD_REQUEST with the field's message and writes nothing",
    async (name, input, fields) => {
      const caller = await admin();
      const before = await writeFingerprint(demo.db);
      const error = await trpcErrorOf(() => (caller.users[name] as (i: unknown) => Promise<unknown>)(input));
      expect(error.code).toBe("BAD_REQUEST");
      expect(clientErrorOf(error, `users.${name}`).shape.data.fieldErrors).toEqual(fields);
      expect(await writeFingerprint(demo.db)).toEqual(before);
    },
  );

  it("answers NOT_FOUND for a well-formed id nobody has", async () => {
    const caller = await admin();
    for (const call of [
      () => caller.users.changeRole({ userId: crypto.randomUUID(), role: "member" }),
      () => caller.users.deactivate({ userId: crypto.randomUUID() }),
      () => caller.users.reactivate({ userId: crypto.randomUUID() }),
      () => caller.users.resetPassword({ userId: crypto.randomUUID() }),
    ]) {
      expect(await outcomeOf(call)).toBe("NOT_FOUND");
    }
  });
});
