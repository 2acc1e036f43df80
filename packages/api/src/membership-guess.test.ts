import { and, cycles, eq, memberships, teamMembers } from "@meridian/db";
import { describe, expect, it } from "vitest";
import {
  callerFor,
  createCycle,
  createMember,
  createObjective,
  createOrganization,
  createTeam,
  outcomeOf,
  statementsOf,
  useTestDatabase,
} from "../test/support";

/*
 * A query starts on the membership this process last saw for its user while the membership is
 * read again, inside the query's own first statement (ADR 0031) or beside it (ADR 0030). These
 * check that the guess never decides: a change to the role, the teams, the cycles or the
 * membership itself is in force on the very next query, and what a query costs either way.
 */
const database = useTestDatabase();

async function company() {
  const organization = await createOrganization(database.db);
  const person = await createMember(database.db, organization.id, "admin");
  const owner = await createMember(database.db, organization.id, "admin");
  const team = await createTeam(database.db, organization.id, { leads: [owner.id] });
  const cycle = await createCycle(database.db, organization.id);
  const scope = { organizationId: organization.id, cycleId: cycle.id, ownerId: owner.id };
  const privateObjective = await createObjective(database.db, scope, { teamId: team.id, visibility: "private" });
  const draft = await createObjective(database.db, scope, { teamId: team.id, status: "draft" });
  const setRole = (role: "admin" | "member" | "viewer") =>
    database.db
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.organizationId, organization.id), eq(memberships.userId, person.id)));
  const deactivate = () =>
    database.db
      .update(memberships)
      .set({ deactivatedAt: new Date() })
      .where(and(eq(memberships.organizationId, organization.id), eq(memberships.userId, person.id)));
  return { organization, person, team, cycle, privateObjective, draft, setRole, deactivate };
}

describe("a query started on the last membership seen", () => {
  it("answers under the role read now: an admin demoted between two reads no longer sees a private objective", async () => {
    const c = await company();
    const caller = await callerFor(database.db, c.person.email);
    const read = () => caller.objectives.get({ objectiveId: c.privateObjective.id });
    expect((await read())?.objective.id).toBe(c.privateObjective.id);
    expect((await read())?.objective.id).toBe(c.privateObjective.id);

    await c.setRole("member");
    expect(await outcomeOf(read)).toBe("NOT_FOUND");
    expect(await outcomeOf(() => caller.users.list({}))).toBe("FORBIDDEN");

    await c.setRole("admin");
    expect((await read())?.objective.id).toBe(c.privateObjective.id);
  });

  it("refuses a query the role read now does not allow, though the last one did", async () => {
    const c = await company();
    const caller = await callerFor(database.db, c.person.email);
    expect(await outcomeOf(() => caller.users.list({}))).toBe("allow");
    await c.setRole("viewer");
    expect(await outcomeOf(() => caller.users.list({}))).toBe("FORBIDDEN");
  });

  it("follows the teams read now: taken off a team, a member no longer sees its draft", async () => {
    const c = await company();
    await c.setRole("member");
    await database.db
      .insert(teamMembers)
      .values({ organizationId: c.organization.id, teamId: c.team.id, userId: c.person.id, role: "member" });
    const caller = await callerFor(database.db, c.person.email);
    const read = () => caller.objectives.get({ objectiveId: c.draft.id });
    expect((await read())?.objective.id).toBe(c.draft.id);
    expect((await read())?.objective.id).toBe(c.draft.id);

    await database.db
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, c.team.id), eq(teamMembers.userId, c.person.id)));
    expect(await outcomeOf(read)).toBe("NOT_FOUND");
  });

  it("refuses every query once the membership is deactivated", async () => {
    const c = await company();
    const caller = await callerFor(database.db, c.person.email);
    expect(await outcomeOf(() => caller.teams.list())).toBe("allow");
    expect(await outcomeOf(() => caller.teams.list())).toBe("allow");
    await c.deactivate();
    expect(await outcomeOf(() => caller.teams.list())).toBe("FORBIDDEN");
    expect(await outcomeOf(() => caller.objectives.dashboard({}))).toBe("FORBIDDEN");
  });

  it("costs one statement when the guess holds, the membership riding in the read, and one more when it did not", async () => {
    const c = await company();
    const caller = await callerFor(database.db, c.person.email);
    const read = () => caller.objectives.list({ teamId: c.team.id });
    const first = await statementsOf(database.db, read);
    const again = await statementsOf(database.db, read);
    // Unseen: the membership, then the read. Seen: the read with the membership in the same statement.
    expect(first.sent).toHaveLength(2);
    expect(again.sent).toHaveLength(1);
    expect(again.result?.objectives).toEqual(first.result?.objectives);

    // A renamed cycle is a different membership row: the early answer (old name) is dropped and the
    // read runs again on the membership that statement brought back.
    await database.db.update(cycles).set({ name: "Renamed" }).where(eq(cycles.id, c.cycle.id));
    const changed = await statementsOf(database.db, read);
    expect(changed.sent).toHaveLength(2);
    expect(changed.result?.cycle.name).toBe("Renamed");
  });

  it("reads the membership on its own after an answer with no rows to carry it, and still refuses a member who left", async () => {
    const c = await company();
    const caller = await callerFor(database.db, c.person.email);
    // The organization has no experiments: the list's statement answers no rows.
    const read = () => caller.experiments.list({});
    await read();
    const again = await statementsOf(database.db, read);
    // Nothing carried the membership back: it is read after the read, and this process goes on
    // folding it into reads (the next answer with rows carries it again).
    expect(again.result?.experiments).toEqual([]);
    expect(again.sent).toHaveLength(2);
    expect(again.sent.filter((t) => t.includes("__rider"))).toHaveLength(1);
    await caller.teams.list();
    const withRows = await statementsOf(database.db, () => caller.teams.list());
    expect(withRows.sent).toHaveLength(1);

    await c.deactivate();
    expect(await outcomeOf(read)).toBe("FORBIDDEN");
  });

  it("reads the membership beside a query whose handler runs no statement it can ride in", async () => {
    const c = await company();
    const caller = await callerFor(database.db, c.person.email);
    const standalone = (sent: string[]) => sent.filter((t) => t.includes('"memberOf"') && !t.includes("__rider"));
    const riding = (sent: string[]) => sent.filter((t) => t.includes("__rider"));
    // webhooks.list reads with Drizzle's query builder only: learned on its first run, read beside after.
    await caller.webhooks.list();
    const seen = await statementsOf(database.db, () => caller.webhooks.list());
    expect(standalone(seen.sent)).toHaveLength(1);
    expect(riding(seen.sent)).toEqual([]);
    // A shaped read carries it instead.
    await caller.teams.list();
    const shaped = await statementsOf(database.db, () => caller.teams.list());
    expect(standalone(shaped.sent)).toEqual([]);
    expect(riding(shaped.sent)).toHaveLength(1);
    // A change is in force on the next call either way.
    await c.setRole("member");
    expect(await outcomeOf(() => caller.webhooks.list())).toBe("FORBIDDEN");
    expect(await outcomeOf(() => caller.teams.list())).toBe("allow");
    await c.deactivate();
    expect(await outcomeOf(() => caller.teams.list())).toBe("FORBIDDEN");
  });
});
