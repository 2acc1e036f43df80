import { activityLog, count, desc, eq, objectives, organizations } from "@meridian/db";
import { DEMO_USERS } from "@meridian/db/seed";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import {
  addMembership,
  callerFor,
  clientErrorOf,
  createCycle,
  createMember,
  createObjective,
  createOrganization,
  createOrganizationWithOkr,
  createTeam,
  DEMO,
  outcomeOf,
  trpcErrorOf,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";

const demo = useDemoDatabase();

/** A fresh organization with one admin (and their caller), so that settings changes stay out of the demo. */
async function workspace(name = "Initech") {
  const org = await createOrganization(demo.db, { name });
  const admin = await createMember(demo.db, org.id, "admin");
  return { org, admin, caller: await callerFor(demo.db, admin.email) };
}

describe("organizations.settings", () => {
  it.each([DEMO.viewer, DEMO.member, DEMO.manager, DEMO.admin])(
    "shows %s the organization's settings",
    async (email) => {
      const settings = await (await callerFor(demo.db, email)).organizations.settings();
      expect(settings).toEqual({
        id: demo.orgId,
        name: "Northwind Labs",
        fiscalYearStartMonth: expect.any(Number),
        defaultCycleMonths: 3,
        version: 1,
      });
    },
  );
});

describe("organizations.updateSettings", () => {
  it("saves name, fiscal-year start and default cycle length, bumping the version and recording the change", async () => {
    const { org, admin, caller } = await workspace();
    const before = await caller.organizations.settings();
    const updated = await caller.organizations.updateSettings({
      version: before.version,
      name: "  Initech Global  ",
      fiscalYearStartMonth: 4,
      defaultCycleMonths: 6,
    });
    expect(updated).toEqual({
      id: org.id,
      name: "Initech Global",
      fiscalYearStartMonth: 4,
      defaultCycleMonths: 6,
      version: before.version + 1,
    });
    expect(await caller.organizations.settings()).toEqual(updated);
    const [entry] = await demo.db
      .select()
      .from(activityLog)
      .where(eq(activityLog.entityId, org.id))
      .orderBy(desc(activityLog.createdAt))
      .limit(1);
    expect(entry).toMatchObject({
      organizationId: org.id,
      actorId: admin.id,
      entityType: "organization",
      action: "organization.settings_updated",
      details: { name: "Initech Global", fiscalYearStartMonth: 4, defaultCycleMonths: 6 },
    });
    // The switcher shows the new name.
    expect((await caller.me.get()).organization?.name).toBe("Initech Global");
  });

  it("answers a stale version with CONFLICT carrying the current values, writing nothing", async () => {
    const { org, caller } = await workspace();
    const read = await caller.organizations.settings();
    const theirs = await caller.organizations.updateSettings({ ...read, name: "Renamed by someone else" });

    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(() =>
      caller.organizations.updateSettings({
        version: read.version,
        name: "My stale edit",
        fiscalYearStartMonth: 7,
        defaultCycleMonths: 1,
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "Someone else changed this organization after you opened it. Review the current values and try again.",
    );
    const { shape, httpStatus } = clientErrorOf(error, "organizations.updateSettings");
    expect(httpStatus).toBe(409);
    expect(shape.data.current).toEqual(theirs);
    expect(shape.data.current).toMatchObject({ id: org.id, name: "Renamed by someone else", version: 2 });
    expect(await writeFingerprint(demo.db)).toEqual(before);
    expect(await caller.organizations.settings()).toEqual(theirs);
  });

  it("lets exactly one of two simultaneous saves of the same version win; the other gets CONFLICT", async () => {
    const { caller } = await workspace();
    const read = await caller.organizations.settings();
    const results = await Promise.allSettled([
      caller.organizations.updateSettings({ ...read, name: "First" }),
      caller.organizations.updateSettings({ ...read, name: "Second" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = lost[0]?.status === "rejected" ? lost[0].reason : null;
    expect(reason).toBeInstanceOf(TRPCError);
    expect((reason as TRPCError).code).toBe("CONFLICT");
    const now = await caller.organizations.settings();
    expect(now.version).toBe(read.version + 1);
    expect(now.name).toBe(won[0]?.status === "fulfilled" ? won[0].value.name : "?");
  });

  it.each([
    [{ fiscalYearStartMonth: 13 }, { fiscalYearStartMonth: ["Month is 1 to 12."] }],
    [{ fiscalYearStartMonth: 0 }, { fiscalYearStartMonth: ["Month is 1 to 12."] }],
    [{ defaultCycleMonths: 0 }, { defaultCycleMonths: ["A cycle lasts 1 to 12 months."] }],
    [{ defaultCycleMonths: 2.5 }, { defaultCycleMonths: ["Use whole months."] }],
    [{ defaultCycleMonths: "3" }, { defaultCycleMonths: ["Enter a number of months."] }],
    [{ version: 0 }, { version: ["Version must be a positive whole number."] }],
  ])("refuses %j with BAD_REQUEST and the field's message, writing nothing", async (change, fieldErrors) => {
    const { caller } = await workspace();
    const read = await caller.organizations.settings();
    const before = await writeFingerprint(demo.db);
    const { id: _, ...input } = read;
    const error = await trpcErrorOf(() => caller.organizations.updateSettings({ ...input, ...change } as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorOf(error, "organizations.updateSettings").shape.data.fieldErrors).toEqual(fieldErrors);
    expect(await writeFingerprint(demo.db)).toEqual(before);
  });

  it("refuses an empty name with a message about the name, writing nothing", async () => {
    const { caller } = await workspace();
    const { id: _, ...read } = await caller.organizations.settings();
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(() => caller.organizations.updateSettings({ ...read, name: "   " }));
    expect(error.code).toBe("BAD_REQUEST");
    const { shape } = clientErrorOf(error, "organizations.updateSettings");
    expect(Object.keys(shape.data.fieldErrors ?? {})).toEqual(["name"]);
    expect(shape.message).toBe("Enter the organization name.");
    expect(await writeFingerprint(demo.db)).toEqual(before);
  });

  it("changes only the caller's organization, whichever organization the request names", async () => {
    const { org, admin } = await workspace("Initech");
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex" });
    const [globexBefore] = await demo.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, globex.organization.id));
    const forged = await callerFor(demo.db, admin.email, globex.organization.id);
    const read = await forged.organizations.settings();
    expect(read.id).toBe(org.id);
    await forged.organizations.updateSettings({ ...read, name: "Initech (renamed)" });
    const [globexAfter] = await demo.db
      .select()
      .from(organizations)
      .where(eq(organizations.id, globex.organization.id));
    expect(globexAfter).toEqual(globexBefore);
  });
});

describe("organizations.overview", () => {
  it("counts the demo organization and says which set-up tasks are done", async () => {
    const overview = await (await callerFor(demo.db, DEMO.admin)).organizations.overview();
    const [objectiveCount] = await demo.db
      .select({ n: count() })
      .from(objectives)
      .where(eq(objectives.organizationId, demo.orgId));
    expect(overview.counts).toEqual({
      people: DEMO_USERS.length,
      admins: 1,
      teams: 5,
      cycles: 2,
      openCycles: 1,
      objectives: objectiveCount?.n,
      pendingPasswords: 0,
    });
    expect(Object.fromEntries(overview.setupTasks.map((t) => [t.key, t.done]))).toEqual({
      people: true,
      teams: true,
      "second-admin": false,
      cycle: true,
      objectives: true,
    });
    for (const task of overview.setupTasks) {
      expect(task.label.length).toBeGreaterThan(0);
      expect(task.href).toMatch(/^\//);
    }
  });

  it("starts a new organization with every task open and ticks each off as it is done", async () => {
    const { org, admin, caller } = await workspace();
    const done = async () =>
      Object.fromEntries((await caller.organizations.overview()).setupTasks.map((t) => [t.key, t.done]));
    expect((await caller.organizations.overview()).counts).toEqual({
      people: 1,
      admins: 1,
      teams: 0,
      cycles: 0,
      openCycles: 0,
      objectives: 0,
      pendingPasswords: 0,
    });
    expect(await done()).toEqual({
      people: false,
      teams: false,
      "second-admin": false,
      cycle: false,
      objectives: false,
    });

    await caller.users.create({ email: "new.hire@initech.test", name: "New Hire", role: "admin" });
    const userId = await userIdOf(demo.db, "new.hire@initech.test");
    await caller.teams.create({ name: "Company" });
    await createCycle(demo.db, org.id, { status: "planning" });
    expect(await done()).toEqual({ people: true, teams: true, "second-admin": true, cycle: false, objectives: false });
    expect((await caller.organizations.overview()).counts).toMatchObject({
      people: 2,
      admins: 2,
      pendingPasswords: 1,
      cycles: 1,
      openCycles: 0,
    });

    const open = await createCycle(demo.db, org.id);
    await createObjective(demo.db, { organizationId: org.id, cycleId: open.id, ownerId: admin.id });
    expect(await done()).toEqual({ people: true, teams: true, "second-admin": true, cycle: true, objectives: true });

    // Deactivated people, archived teams and a changed password leave the counts.
    await caller.users.deactivate({ userId });
    await createTeam(demo.db, org.id, { archivedAt: new Date() });
    const counts = (await caller.organizations.overview()).counts;
    expect(counts).toMatchObject({ people: 1, admins: 1, teams: 1, pendingPasswords: 0 });
  });
});

describe("one person in two organizations", () => {
  it("acts with the role of the organization they are in, and sees nothing of the other", async () => {
    const globex = await createOrganizationWithOkr(demo.db, { name: "Globex" });
    const nina = await userIdOf(demo.db, DEMO.nina);
    await addMembership(demo.db, globex.organization.id, nina, "admin");

    const inDemo = await callerFor(demo.db, DEMO.nina, demo.orgId);
    const inGlobex = await callerFor(demo.db, DEMO.nina, globex.organization.id);

    // Admin in Globex, member in Northwind.
    expect(await outcomeOf(() => inGlobex.users.list())).toBe("allow");
    expect(await outcomeOf(() => inDemo.users.list())).toBe("FORBIDDEN");
    expect(await outcomeOf(() => inDemo.organizations.overview())).toBe("FORBIDDEN");

    const globexIds = [
      globex.organization.id,
      globex.team.id,
      globex.cycle.id,
      globex.objective.id,
      globex.keyResult.id,
    ];
    const demoAnswers = JSON.stringify([
      await inDemo.organizations.settings(),
      await inDemo.teams.list(),
      await inDemo.cycles.list(),
      await inDemo.objectives.dashboard(),
    ]);
    for (const id of globexIds) expect(demoAnswers).not.toContain(id);

    const globexAnswers = JSON.stringify([
      await inGlobex.organizations.settings(),
      await inGlobex.teams.list(),
      await inGlobex.cycles.list(),
      await inGlobex.objectives.dashboard(),
      await inGlobex.users.list(),
      await inGlobex.audit.list(),
    ]);
    expect(globexAnswers).toContain(globex.objective.id);
    expect(globexAnswers).not.toContain(demo.orgId);
    expect(globexAnswers).not.toContain("Northwind");
    for (const email of [DEMO.admin, DEMO.member, DEMO.ravi]) expect(globexAnswers).not.toContain(email);

    // As Globex's admin she cannot reach Northwind's people.
    const sam = await userIdOf(demo.db, DEMO.member);
    expect(await outcomeOf(() => inGlobex.users.changeRole({ userId: sam, role: "admin" }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => inGlobex.users.deactivate({ userId: sam }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => inGlobex.users.resetPassword({ userId: sam }))).toBe("NOT_FOUND");
  });
});
