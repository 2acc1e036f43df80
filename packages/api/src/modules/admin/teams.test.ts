import { activityLog, and, desc, eq, objectives, teamMembers, teams } from "@meridian/db";
import { describe, expect, it } from "vitest";
import {
  type Caller,
  callerFor,
  clientErrorOf,
  createCycle,
  createMember,
  createObjective,
  createOrganization,
  createOrganizationWithOkr,
  createTeam,
  DEMO,
  objectiveByTitle,
  openDashboard,
  outcomeOf,
  teamByName,
  trpcErrorOf,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";

const demo = useDemoDatabase();

describe("teams.list", () => {
  it("returns the five demo teams as a tree under Executive", async () => {
    const teams = await (await callerFor(demo.db, DEMO.viewer)).teams.list();
    expect(teams.map((t) => t.name)).toEqual(["Customer Success", "Engineering", "Executive", "Marketing", "Sales"]);
    const roots = teams.filter((t) => t.parentId === null);
    expect(roots.map((t) => t.name)).toEqual(["Executive"]);
    const executiveId = roots[0]?.id;
    expect(
      teams
        .filter((t) => t.parentId === executiveId)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["Customer Success", "Engineering", "Marketing", "Sales"]);
  });

  it("answers each team lean: its head count and the caller's own role, no people", async () => {
    const teams = await (await callerFor(demo.db, DEMO.manager)).teams.list();
    const view = Object.fromEntries(teams.map((t) => [t.name, [t.memberCount, t.myRole]]));
    // Maya Chen leads Marketing and is on no other team.
    expect(view).toEqual({
      "Customer Success": [2, null],
      Engineering: [3, null],
      Executive: [3, null],
      Marketing: [2, "lead"],
      Sales: [2, null],
    });
    for (const team of teams) {
      expect(Object.keys(team).sort()).toEqual(["id", "memberCount", "myRole", "name", "parentId", "version"]);
    }
    const asMember = await (await callerFor(demo.db, DEMO.member)).teams.list();
    expect(asMember.filter((t) => t.myRole !== null).map((t) => [t.name, t.myRole])).toEqual([["Marketing", "member"]]);
  });

  it("counts a team without people as 0 and leaves archived teams uncounted", async () => {
    const { org, admin, caller } = await workspace();
    const people = await Promise.all([1, 2, 3].map(() => createMember(demo.db, org.id, "member")));
    const [a, b, c] = people.map((p) => p.id) as [string, string, string];
    await createTeam(demo.db, org.id, { name: "Alpha", leads: [admin.id], members: [a, b] });
    await createTeam(demo.db, org.id, { name: "Beta", members: [admin.id, c] });
    await createTeam(demo.db, org.id, { name: "Gamma" });
    await createTeam(demo.db, org.id, { name: "Delta", leads: [c], archivedAt: new Date() });
    const list = await caller.teams.list();
    expect(list.map((t) => [t.name, t.memberCount, t.myRole])).toEqual([
      ["Alpha", 3, "lead"],
      ["Beta", 2, "member"],
      ["Gamma", 0, null],
    ]);
  });

  it("keeps organizations apart and leaves archived teams out", async () => {
    const other = await createOrganizationWithOkr(demo.db, { name: "Globex" });
    const lead = await createMember(demo.db, other.organization.id, "manager");
    await createTeam(demo.db, other.organization.id, { name: "Disbanded", archivedAt: new Date(), leads: [lead.id] });

    const demoTeams = await (await callerFor(demo.db, DEMO.admin)).teams.list();
    expect(demoTeams).toHaveLength(5);
    expect(demoTeams.map((t) => t.id)).not.toContain(other.team.id);

    const otherTeams = await (await callerFor(demo.db, other.admin.email)).teams.list();
    expect(otherTeams).toEqual([
      { id: other.team.id, name: other.team.name, parentId: null, version: 1, memberCount: 2, myRole: "lead" },
    ]);
  });
});

describe("teams.search", () => {
  it("pages the teams in tree order with their depth, the names above them and their head count", async () => {
    const caller = await callerFor(demo.db, DEMO.manager);
    const list = await caller.teams.list();
    const first = await caller.teams.search({ limit: 2 });
    expect(first.teams.map((t) => [t.name, t.depth, t.path])).toEqual([
      ["Executive", 0, []],
      ["Customer Success", 1, ["Executive"]],
    ]);
    expect(first.nextCursor).toBe("2");
    const rest = await caller.teams.search({ limit: 10, cursor: first.nextCursor });
    expect(rest.teams.map((t) => t.name)).toEqual(["Engineering", "Marketing", "Sales"]);
    expect(rest.nextCursor).toBeNull();
    for (const team of [...first.teams, ...rest.teams]) {
      const listed = list.find((t) => t.id === team.id);
      expect(team).toMatchObject({ ...listed, memberCount: listed?.memberCount });
    }
  });

  it("finds teams by a part of their name (case aside, % literal) or by id", async () => {
    const caller = await callerFor(demo.db, DEMO.viewer);
    expect((await caller.teams.search({ q: "ING" })).teams.map((t) => t.name)).toEqual(["Engineering", "Marketing"]);
    expect((await caller.teams.search({ q: "%" })).teams).toEqual([]);
    const sales = (await caller.teams.list()).find((t) => t.name === "Sales");
    expect((await caller.teams.search({ ids: [sales?.id ?? ""] })).teams.map((t) => t.name)).toEqual(["Sales"]);
  });

  it("refuses a cursor it did not hand out with BAD_REQUEST", async () => {
    const caller = await callerFor(demo.db, DEMO.viewer);
    expect(await outcomeOf(() => caller.teams.search({ cursor: "x" }))).toBe("BAD_REQUEST");
  });
});

describe("teams.members", () => {
  it("lists one team's people, leads first, then by name", async () => {
    const caller = await callerFor(demo.db, DEMO.member);
    const people = async (name: string) => {
      const team = await teamByName(demo.db, demo.orgId, name);
      return (await caller.teams.members({ teamId: team.id })).map((m) => `${m.role}:${m.name}`);
    };
    expect(await people("Executive")).toEqual(["lead:Priya Nair", "member:Alex Morgan", "member:Victor Hale"]);
    expect(await people("Engineering")).toEqual(["lead:Lena Fischer", "member:Nina Park", "member:Ravi Patel"]);
    const sales = await teamByName(demo.db, demo.orgId, "Sales");
    for (const m of await caller.teams.members({ teamId: sales.id })) {
      expect(Object.keys(m).sort()).toEqual(["id", "name", "role"]);
      expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("orders several leads by name before the members, and answers an empty team with []", async () => {
    const { org, caller } = await workspace();
    const named = (name: string) => createMember(demo.db, org.id, "member", { name });
    const [zoe, adam, mia, bob] = await Promise.all(["Zoe Lead", "Adam Lead", "Mia Member", "Bob Member"].map(named));
    if (!zoe || !adam || !mia || !bob) throw new Error("people were not created");
    const team = await createTeam(demo.db, org.id, { leads: [zoe.id, adam.id], members: [mia.id, bob.id] });
    expect(await caller.teams.members({ teamId: team.id })).toEqual([
      { id: adam.id, name: "Adam Lead", role: "lead" },
      { id: zoe.id, name: "Zoe Lead", role: "lead" },
      { id: bob.id, name: "Bob Member", role: "member" },
      { id: mia.id, name: "Mia Member", role: "member" },
    ]);
    const empty = await caller.teams.create({ name: "Empty" });
    expect(await caller.teams.members({ teamId: empty.id })).toEqual([]);
  });

  it("lets a viewer read any team's people, as teams.list allows", async () => {
    const viewer = await callerFor(demo.db, DEMO.viewer);
    const marketing = await teamByName(demo.db, demo.orgId, "Marketing");
    expect((await viewer.teams.members({ teamId: marketing.id })).map((m) => m.name)).toEqual([
      "Maya Chen",
      "Sam Rivera",
    ]);
  });

  it("answers NOT_FOUND for another organization's team, an archived one or an unknown id", async () => {
    const globex = await createOrganizationWithOkr(demo.db);
    const archived = await createTeam(demo.db, demo.orgId, {
      archivedAt: new Date(),
      members: [await userIdOf(demo.db, DEMO.member)],
    });
    const caller = await callerFor(demo.db, DEMO.admin);
    for (const teamId of [globex.team.id, archived.id, crypto.randomUUID()]) {
      expect(await outcomeOf(() => caller.teams.members({ teamId }))).toBe("NOT_FOUND");
    }
    // And the other organization's admin cannot read ours.
    const marketing = await teamByName(demo.db, demo.orgId, "Marketing");
    const outsider = await callerFor(demo.db, globex.admin.email);
    expect(await outcomeOf(() => outsider.teams.members({ teamId: marketing.id }))).toBe("NOT_FOUND");
  });

  it.each([[{}], [{ teamId: "marketing" }], [{ teamId: 42 }]])("refuses %j with BAD_REQUEST", async (input) => {
    const caller = await callerFor(demo.db, DEMO.member);
    const error = await trpcErrorOf(() => caller.teams.members(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorOf(error, "teams.members").httpStatus).toBe(400);
  });
});

/** A fresh organization with an admin, so that tree changes never disturb the demo's teams. */
async function workspace() {
  const org = await createOrganization(demo.db);
  const admin = await createMember(demo.db, org.id, "admin");
  const caller = await callerFor(demo.db, admin.email);
  return { org, admin, caller };
}

async function teamRow(id: string) {
  const [row] = await demo.db.select().from(teams).where(eq(teams.id, id));
  if (!row) throw new Error(`no team ${id}`);
  return row;
}

async function lastActivity(entityId: string) {
  const [row] = await demo.db
    .select()
    .from(activityLog)
    .where(eq(activityLog.entityId, entityId))
    .orderBy(desc(activityLog.createdAt))
    .limit(1);
  return row;
}

/** name → parent name, for the caller's active teams. */
async function tree(caller: Caller) {
  const list = await caller.teams.list();
  const nameOf = new Map(list.map((t) => [t.id, t.name]));
  return Object.fromEntries(list.map((t) => [t.name, t.parentId ? (nameOf.get(t.parentId) ?? "?") : null]));
}

describe("teams.create", () => {
  it("creates a root team and a sub-team, trimming the name and writing an activity record", async () => {
    const { org, admin, caller } = await workspace();
    const company = await caller.teams.create({ name: "  Company  " });
    expect(company).toMatchObject({ name: "Company", parentId: null, version: 1 });
    const product = await caller.teams.create({ name: "Product", parentId: company.id });
    expect(product.parentId).toBe(company.id);
    expect(await tree(caller)).toEqual({ Company: null, Product: "Company" });
    expect(await lastActivity(product.id)).toMatchObject({
      organizationId: org.id,
      actorId: admin.id,
      entityType: "team",
      action: "team.created",
      details: { name: "Product", parentId: company.id },
    });
  });

  it("answers NOT_FOUND for a parent of another organization or an archived parent, writing nothing", async () => {
    const { org, caller } = await workspace();
    const globex = await createOrganizationWithOkr(demo.db);
    const archived = await createTeam(demo.db, org.id, { archivedAt: new Date() });
    for (const parentId of [globex.team.id, archived.id, crypto.randomUUID()]) {
      const before = await writeFingerprint(demo.db);
      expect(await outcomeOf(() => caller.teams.create({ name: "Orphan", parentId }))).toBe("NOT_FOUND");
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
  });

  it.each([
    [{ name: "   " }, { name: ["Enter the team name."] }],
    [{ name: "x".repeat(121) }, { name: ["Keep the team name under 120 characters."] }],
    [{ name: "Ok", parentId: "root" }, { parentId: ["Must be a valid id."] }],
  ])("refuses %j with BAD_REQUEST and the field's message, writing nothing", async (input, fieldErrors) => {
    const { caller } = await workspace();
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(() => caller.teams.create(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorOf(error, "teams.create").shape.data.fieldErrors).toEqual(fieldErrors);
    expect(await writeFingerprint(demo.db)).toEqual(before);
  });
});

describe("teams.update", () => {
  it("renames a team, bumping its version and recording from and to", async () => {
    const { caller } = await workspace();
    const team = await caller.teams.create({ name: "Growth" });
    const renamed = await caller.teams.update({ teamId: team.id, version: team.version, name: "Growth Marketing" });
    expect(renamed).toEqual({ id: team.id, name: "Growth Marketing", parentId: null, version: 2 });
    expect(await lastActivity(team.id)).toMatchObject({
      action: "team.updated",
      details: { from: { name: "Growth", parentId: null }, to: { name: "Growth Marketing", parentId: null } },
    });
  });

  it("moves a team with its sub-teams under another team, and back to the top with parentId null", async () => {
    const { caller } = await workspace();
    const company = await caller.teams.create({ name: "Company" });
    const sales = await caller.teams.create({ name: "Sales", parentId: company.id });
    const emea = await caller.teams.create({ name: "EMEA", parentId: sales.id });
    const marketing = await caller.teams.create({ name: "Marketing", parentId: company.id });

    const moved = await caller.teams.update({ teamId: sales.id, version: sales.version, parentId: marketing.id });
    expect(moved).toMatchObject({ name: "Sales", parentId: marketing.id, version: 2 });
    expect(await tree(caller)).toEqual({ Company: null, Marketing: "Company", Sales: "Marketing", EMEA: "Sales" });

    const top = await caller.teams.update({ teamId: sales.id, version: moved.version, parentId: null });
    expect(top.parentId).toBeNull();
    expect(await tree(caller)).toEqual({ Company: null, Marketing: "Company", Sales: null, EMEA: "Sales" });
    // Leaving parentId out keeps the parent.
    const renamed = await caller.teams.update({ teamId: emea.id, version: emea.version, name: "Europe" });
    expect(renamed.parentId).toBe(sales.id);
  });

  it("refuses to move a team under itself or under one of its own sub-teams, writing nothing", async () => {
    const { caller } = await workspace();
    const company = await caller.teams.create({ name: "Company" });
    const dept = await caller.teams.create({ name: "Dept", parentId: company.id });
    const squad = await caller.teams.create({ name: "Squad", parentId: dept.id });
    for (const parentId of [company.id, dept.id, squad.id]) {
      const before = await writeFingerprint(demo.db);
      const error = await trpcErrorOf(() =>
        caller.teams.update({ teamId: company.id, version: company.version, parentId }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toBe("A team cannot be moved under itself or its own sub-teams.");
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
    expect(await tree(caller)).toEqual({ Company: null, Dept: "Company", Squad: "Dept" });
  });

  it("refuses the demo's Executive team moving under Marketing, its own sub-team", async () => {
    const caller = await callerFor(demo.db, DEMO.admin);
    const executive = await teamByName(demo.db, demo.orgId, "Executive");
    const marketing = await teamByName(demo.db, demo.orgId, "Marketing");
    const error = await trpcErrorOf(() =>
      caller.teams.update({ teamId: executive.id, version: executive.version, parentId: marketing.id }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect((await teamRow(executive.id)).parentId).toBeNull();
  });

  it("answers a stale version with CONFLICT carrying the team as it is now, writing nothing", async () => {
    const { caller } = await workspace();
    const team = await caller.teams.create({ name: "Ops" });
    const current = await caller.teams.update({ teamId: team.id, version: team.version, name: "Operations" });

    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(() =>
      caller.teams.update({ teamId: team.id, version: team.version, name: "Ops 2" }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(
      "Someone else changed this team after you opened it. Review the current values and try again.",
    );
    const { shape, httpStatus } = clientErrorOf(error, "teams.update");
    expect(httpStatus).toBe(409);
    expect(shape.data.current).toEqual({ id: team.id, name: "Operations", parentId: null, version: current.version });
    expect(await writeFingerprint(demo.db)).toEqual(before);
    expect((await teamRow(team.id)).name).toBe("Operations");
  });

  it("answers NOT_FOUND for another organization's team or an archived one, and leaves them alone", async () => {
    const { org, caller } = await workspace();
    const globex = await createOrganizationWithOkr(demo.db);
    const archived = await createTeam(demo.db, org.id, { archivedAt: new Date() });
    for (const team of [globex.team, archived]) {
      const before = await writeFingerprint(demo.db);
      expect(
        await outcomeOf(() => caller.teams.update({ teamId: team.id, version: team.version, name: "Taken" })),
      ).toBe("NOT_FOUND");
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
    // Nor can a team of one's own be moved under another organization's team.
    const mine = await caller.teams.create({ name: "Mine" });
    expect(
      await outcomeOf(() => caller.teams.update({ teamId: mine.id, version: mine.version, parentId: globex.team.id })),
    ).toBe("NOT_FOUND");
    expect((await teamRow(mine.id)).parentId).toBeNull();
  });
});

describe("teams.archive", () => {
  it("takes the team out of the tree, moves its sub-teams up to its parent and keeps its objectives", async () => {
    const { org, admin, caller } = await workspace();
    const company = await caller.teams.create({ name: "Company" });
    const dept = await caller.teams.create({ name: "Dept", parentId: company.id });
    await caller.teams.create({ name: "Squad A", parentId: dept.id });
    await caller.teams.create({ name: "Squad B", parentId: dept.id });
    const cycle = await createCycle(demo.db, org.id);
    const objective = await createObjective(
      demo.db,
      { organizationId: org.id, cycleId: cycle.id, ownerId: admin.id },
      { title: "Dept objective", teamId: dept.id },
    );

    expect(await caller.teams.archive({ teamId: dept.id, version: dept.version })).toMatchObject({
      archived: true,
      team: { id: dept.id, name: "Dept", version: dept.version + 1 },
    });
    expect(await tree(caller)).toEqual({ Company: null, "Squad A": "Company", "Squad B": "Company" });
    expect((await teamRow(dept.id)).archivedAt).toBeInstanceOf(Date);
    const [kept] = await demo.db.select().from(objectives).where(eq(objectives.id, objective.id));
    expect(kept).toMatchObject({ teamId: dept.id, status: "active" });
    const dashboard = await caller.objectives.dashboard();
    expect(JSON.stringify(dashboard)).toContain("Dept objective");
    expect(await lastActivity(dept.id)).toMatchObject({ action: "team.archived", details: { name: "Dept" } });

    // Archived is gone for every team procedure.
    expect(await outcomeOf(() => caller.teams.archive({ teamId: dept.id, version: dept.version + 1 }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcomeOf(() => caller.teams.setMember({ teamId: dept.id, userId: admin.id, role: "lead" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("moves the sub-teams of an archived root team to the top", async () => {
    const { caller } = await workspace();
    const root = await caller.teams.create({ name: "Root" });
    await caller.teams.create({ name: "Child", parentId: root.id });
    await caller.teams.archive({ teamId: root.id, version: root.version });
    expect(await tree(caller)).toEqual({ Child: null });
  });

  it("answers a stale version with CONFLICT carrying the current team, archiving nothing", async () => {
    const { caller } = await workspace();
    const team = await caller.teams.create({ name: "Legacy" });
    const renamed = await caller.teams.update({ teamId: team.id, version: team.version, name: "Legacy Systems" });
    const before = await writeFingerprint(demo.db);
    const error = await trpcErrorOf(() => caller.teams.archive({ teamId: team.id, version: team.version }));
    expect(error.code).toBe("CONFLICT");
    expect(clientErrorOf(error, "teams.archive").shape.data.current).toEqual(renamed);
    expect(await writeFingerprint(demo.db)).toEqual(before);
    expect((await teamRow(team.id)).archivedAt).toBeNull();
  });
});

describe("teams.setMember", () => {
  it("adds a lead, changes a role and removes a person, recording each change", async () => {
    const { org, caller } = await workspace();
    const person = await createMember(demo.db, org.id, "member");
    const team = await caller.teams.create({ name: "Platform" });
    const roleIn = async () => {
      const [row] = await demo.db
        .select({ role: teamMembers.role })
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.userId, person.id)));
      return row?.role ?? null;
    };

    expect(await caller.teams.setMember({ teamId: team.id, userId: person.id, role: "lead" })).toEqual({
      role: "lead",
    });
    expect(await roleIn()).toBe("lead");
    expect(await lastActivity(team.id)).toMatchObject({
      action: "team.member_set",
      details: { userId: person.id, role: "lead" },
    });
    await caller.teams.setMember({ teamId: team.id, userId: person.id, role: "member" });
    expect(await roleIn()).toBe("member");
    expect(await caller.teams.members({ teamId: team.id })).toEqual([
      { id: person.id, name: person.name, role: "member" },
    ]);
    expect((await caller.teams.list()).find((t) => t.id === team.id)).toMatchObject({ memberCount: 1, myRole: null });

    await caller.teams.setMember({ teamId: team.id, userId: person.id, role: null });
    expect(await roleIn()).toBeNull();
    expect(await lastActivity(team.id)).toMatchObject({
      action: "team.member_removed",
      details: { userId: person.id, role: null },
    });
  });

  it("gives a new lead the team's private objectives on their next request", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const engineering = await teamByName(demo.db, demo.orgId, "Engineering");
    const nina = await userIdOf(demo.db, DEMO.nina);
    const privateObjective = await objectiveByTitle(demo.db, demo.orgId, "Grow into a team lead role");
    const seen = async () => JSON.stringify(await openDashboard(await callerFor(demo.db, DEMO.nina)));

    expect(await seen()).not.toContain(privateObjective.id);
    await admin.teams.setMember({ teamId: engineering.id, userId: nina, role: "lead" });
    expect(await seen()).toContain(privateObjective.id);
    await admin.teams.setMember({ teamId: engineering.id, userId: nina, role: "member" });
    expect(await seen()).not.toContain(privateObjective.id);
  });

  it("answers NOT_FOUND for a person or a team of another organization and for a deactivated person", async () => {
    const { org, caller } = await workspace();
    const globex = await createOrganizationWithOkr(demo.db);
    const team = await caller.teams.create({ name: "Mine" });
    const gone = await createMember(demo.db, org.id, "member");
    await caller.users.deactivate({ userId: gone.id });
    const mine = await createMember(demo.db, org.id, "member");
    for (const input of [
      { teamId: team.id, userId: globex.member.id, role: "member" as const },
      { teamId: globex.team.id, userId: mine.id, role: "member" as const },
      { teamId: globex.team.id, userId: globex.member.id, role: null },
      { teamId: team.id, userId: gone.id, role: "lead" as const },
    ]) {
      const before = await writeFingerprint(demo.db);
      expect(await outcomeOf(() => caller.teams.setMember(input))).toBe("NOT_FOUND");
      expect(await writeFingerprint(demo.db)).toEqual(before);
    }
  });

  it("refuses an unknown team role with BAD_REQUEST", async () => {
    const { org, caller } = await workspace();
    const person = await createMember(demo.db, org.id, "member");
    const team = await caller.teams.create({ name: "T" });
    const error = await trpcErrorOf(() =>
      caller.teams.setMember({ teamId: team.id, userId: person.id, role: "owner" as never }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(clientErrorOf(error, "teams.setMember").shape.data.fieldErrors).toEqual({
      role: ["Team role must be lead or member."],
    });
  });
});
