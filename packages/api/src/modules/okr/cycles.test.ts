import { randomUUID } from "node:crypto";
import { cycles, type Database, eq, keyResults, objectives } from "@meridian/db";
import type { TCycleCreate } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  activityRowsOf,
  callerFor,
  clientErrorOf,
  createCycle,
  createMember,
  createObjective,
  createOrganization,
  createOrganizationWithOkr,
  cycleByStatus,
  cycleRow,
  DEMO,
  keyResultByTitle,
  noWriteChecks,
  objectiveByTitle,
  objectiveRow,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { AppError } from "../../lib/errors";

const demo = useDemoDatabase();

const keyResultsOf = (objectiveId: string) =>
  demo.db.select().from(keyResults).where(eq(keyResults.objectiveId, objectiveId)).orderBy(keyResults.createdAt);

/** Beyond writeSnapshot (check-ins, activity, key results): every cycle's and objective's status and version. */
const statuses = async (db: Database) => {
  const [cycleRows, objectiveRows] = await Promise.all([
    db.select({ id: cycles.id, status: cycles.status, version: cycles.version }).from(cycles).orderBy(cycles.id),
    db
      .select({ id: objectives.id, status: objectives.status, version: objectives.version })
      .from(objectives)
      .orderBy(objectives.id),
  ]);
  return { cycles: cycleRows, objectives: objectiveRows };
};
const { state, rejected } = noWriteChecks(demo, statuses);

const Q1: TCycleCreate = { name: "Q1 2027", startsOn: "2027-01-01", endsOn: "2027-03-31" };

describe("cycles.list", () => {
  it("lists the organization's cycles, newest first, with inclusive dates and exclusive end instants", async () => {
    const cycles = await (await callerFor(demo.db, DEMO.viewer)).cycles.list();
    expect(cycles.map(({ id: _, ...c }) => c)).toEqual([
      {
        name: "Q4 2026",
        startsOn: "2026-10-01",
        endsOn: "2026-12-31",
        status: "open",
        version: 1,
        start: new Date("2026-10-01T00:00:00.000Z"),
        end: new Date("2027-01-01T00:00:00.000Z"),
      },
      {
        name: "Q3 2026",
        startsOn: "2026-07-01",
        endsOn: "2026-09-30",
        status: "closed",
        version: 1,
        start: new Date("2026-07-01T00:00:00.000Z"),
        end: new Date("2026-10-01T00:00:00.000Z"),
      },
    ]);
  });

  it("shows only the caller's organization", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const demoCycles = await (await callerFor(demo.db, DEMO.admin)).cycles.list();
    expect(demoCycles.map((c) => c.id)).not.toContain(other.cycle.id);

    const otherCycles = await (await callerFor(demo.db, other.member.email)).cycles.list();
    expect(otherCycles.map((c) => c.id)).toEqual([other.cycle.id]);
  });
});

describe("cycles.current", () => {
  it("is the demo organization's open quarter", async () => {
    const current = await (await callerFor(demo.db, DEMO.member)).cycles.current();
    expect(current).toMatchObject({ name: "Q4 2026", status: "open" });
  });

  it("prefers the open cycle containing today over a planning cycle that starts later", async () => {
    const org = await createOrganization(demo.db);
    const member = await createMember(demo.db, org.id);
    const open = await createCycle(demo.db, org.id, { status: "open" });
    await createCycle(demo.db, org.id, { status: "planning", startsOn: "2099-01-01", endsOn: "2099-03-31" });
    const current = await (await callerFor(demo.db, member.email)).cycles.current();
    expect(current?.id).toBe(open.id);
  });

  it("is null for an organization without cycles", async () => {
    const org = await createOrganization(demo.db);
    const member = await createMember(demo.db, org.id);
    expect(await (await callerFor(demo.db, member.email)).cycles.current()).toBeNull();
    expect(await (await callerFor(demo.db, member.email)).cycles.list()).toEqual([]);
  });
});

describe("cycles.create", () => {
  it("lets the admin create a cycle in planning, logged, listed, without changing the current cycle", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const before = await state();
    const created = await admin.cycles.create({ ...Q1, name: "  Q1 2027  " });
    expect(created).toEqual({ id: expect.any(String), name: "Q1 2027", version: 1 });
    expect(await cycleRow(demo.db, created.id)).toMatchObject({
      organizationId: demo.orgId,
      status: "planning",
      ...Q1,
    });
    expect((await state()).activity).toBe(before.activity + 1);
    expect(await activityRowsOf(demo.db, created.id)).toEqual([
      expect.objectContaining({
        action: "cycle.created",
        entityType: "cycle",
        actorId: await userIdOf(demo.db, DEMO.admin),
        details: Q1,
      }),
    ]);
    expect((await admin.cycles.list()).map((c) => [c.name, c.status])).toContainEqual(["Q1 2027", "planning"]);
    expect((await admin.cycles.current())?.name).toBe("Q4 2026");
  });

  it.each([
    ["an end before the start", { endsOn: "2026-12-31" }, "endsOn", "The cycle must end on or after its start."],
    ["a start that is not a calendar date", { startsOn: "2027-02-30" }, "startsOn", "Use a date like 2026-01-31."],
    ["a blank name", { name: "   " }, "name", "Name the cycle."],
    ["a 61-character name", { name: "x".repeat(61) }, "name", "Keep the name under 60 characters."],
  ])("rejects %s with BAD_REQUEST and a clear message, writing nothing", async (_, bad, field, message) => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const error = await rejected("BAD_REQUEST", () => admin.cycles.create({ ...Q1, ...bad }));
    const client = clientErrorOf(error, "cycles.create");
    expect(client.shape.message).toBe(message);
    expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
  });

  it.each([DEMO.manager, DEMO.priya, DEMO.member, DEMO.viewer])(
    "refuses %s with FORBIDDEN, writing nothing",
    async (email) => {
      const caller = await callerFor(demo.db, email);
      expect((await rejected("FORBIDDEN", () => caller.cycles.create(Q1))).message).toBe(
        "Your role does not allow this.",
      );
    },
  );
});

describe("cycles.open", () => {
  it("opens a cycle in planning: status open, version + 1, logged; opening it again is refused", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const created = await admin.cycles.create({ name: "Q2 2027", startsOn: "2027-04-01", endsOn: "2027-06-30" });
    expect(await admin.cycles.open({ cycleId: created.id, version: created.version })).toEqual({
      id: created.id,
      name: "Q2 2027",
      startsOn: "2027-04-01",
      endsOn: "2027-06-30",
      status: "open",
      version: created.version + 1,
    });
    expect(await cycleRow(demo.db, created.id)).toMatchObject({ status: "open", version: created.version + 1 });
    expect((await activityRowsOf(demo.db, created.id)).map((a) => a.action)).toEqual(["cycle.created", "cycle.opened"]);

    const again = await rejected("PRECONDITION_FAILED", () =>
      admin.cycles.open({ cycleId: created.id, version: created.version + 1 }),
    );
    expect(again.message).toBe("This cycle is already open.");
  });

  it("refuses a stale version with CONFLICT carrying the cycle as it is now, writing nothing", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const created = await admin.cycles.create({ name: "Q3 2027", startsOn: "2027-07-01", endsOn: "2027-09-30" });
    await demo.db.update(cycles).set({ name: "Q3 2027 (renamed)", version: 2 }).where(eq(cycles.id, created.id));
    const error = await rejected("CONFLICT", () => admin.cycles.open({ cycleId: created.id, version: 1 }));
    expect(error.cause).toBeInstanceOf(AppError);
    const current = { id: created.id, name: "Q3 2027 (renamed)", status: "planning", version: 2 };
    expect((error.cause as AppError).current).toMatchObject(current);
    expect(clientErrorOf(error, "cycles.open").shape.data.current).toMatchObject(current);
  });

  it("refuses a manager (FORBIDDEN) and another organization's cycle (NOT_FOUND), writing nothing", async () => {
    const planning = await createCycle(demo.db, demo.orgId, {
      status: "planning",
      startsOn: "2027-10-01",
      endsOn: "2027-12-31",
    });
    const manager = await callerFor(demo.db, DEMO.manager);
    await rejected("FORBIDDEN", () => manager.cycles.open({ cycleId: planning.id, version: 1 }));
    const other = await createOrganizationWithOkr(demo.db);
    const admin = await callerFor(demo.db, DEMO.admin);
    expect(
      (await rejected("NOT_FOUND", () => admin.cycles.open({ cycleId: other.cycle.id, version: 1 }))).message,
    ).toBe("No such cycle.");
  });
});

describe("cycles.open and cycles.close answer the new version", () => {
  it("lets the next change use the version the last one returned, with no read between", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const created = await admin.cycles.create({ name: "Q1 2028", startsOn: "2028-01-01", endsOn: "2028-03-31" });
    const opened = await admin.cycles.open({ cycleId: created.id, version: created.version });
    expect(opened).toMatchObject({ status: "open", version: created.version + 1 });
    const closed = await admin.cycles.close({ cycleId: created.id, version: opened.version });
    expect(closed).toMatchObject({
      id: created.id,
      status: "closed",
      version: opened.version + 1,
      objectivesClosed: 0,
    });
    expect(await cycleRow(demo.db, created.id)).toMatchObject({ status: "closed", version: closed.version });
  });
});

describe("cycles.close", () => {
  /** Another organization, so closing its open cycle leaves the demo quarter alone. */
  async function organizationToClose() {
    const org = await createOrganizationWithOkr(demo.db);
    const scope = { organizationId: org.organization.id, cycleId: org.cycle.id, ownerId: org.member.id };
    const draft = await createObjective(demo.db, scope, { level: "personal", status: "draft" });
    const personal = await createObjective(demo.db, scope, { level: "personal" });
    return { ...org, draft, personal };
  }

  it("closes an open cycle: its active objectives become closed, drafts stay drafts, one activity row", async () => {
    const org = await organizationToClose();
    const admin = await callerFor(demo.db, org.admin.email);
    const before = await state();
    expect(await admin.cycles.close({ cycleId: org.cycle.id, version: org.cycle.version })).toEqual({
      id: org.cycle.id,
      name: org.cycle.name,
      startsOn: org.cycle.startsOn,
      endsOn: org.cycle.endsOn,
      status: "closed",
      version: org.cycle.version + 1,
      objectivesClosed: 2,
    });
    expect(await cycleRow(demo.db, org.cycle.id)).toMatchObject({ status: "closed", version: org.cycle.version + 1 });
    expect(await objectiveRow(demo.db, org.objective.id)).toMatchObject({ status: "closed", version: 2 });
    expect(await objectiveRow(demo.db, org.personal.id)).toMatchObject({ status: "closed", version: 2 });
    expect(await objectiveRow(demo.db, org.draft.id)).toMatchObject({ status: "draft", version: 1 });
    expect((await state()).activity).toBe(before.activity + 1);
    expect(await activityRowsOf(demo.db, org.cycle.id)).toEqual([
      expect.objectContaining({ action: "cycle.closed", actorId: org.admin.id, details: { objectivesClosed: 2 } }),
    ]);
  });

  it("freezes what it closed: check-ins, objective and key result edits are PRECONDITION_FAILED, grading opens", async () => {
    const org = await organizationToClose();
    const admin = await callerFor(demo.db, org.admin.email);
    const member = await callerFor(demo.db, org.member.email);
    await admin.cycles.close({ cycleId: org.cycle.id, version: org.cycle.version });

    const checkIn = await rejected("PRECONDITION_FAILED", () =>
      member.checkIns.create({ keyResultId: org.keyResult.id, value: 40, confidence: 7, idempotencyKey: randomUUID() }),
    );
    expect(checkIn.message).toBe("Check-ins are open only on active objectives of an open cycle.");
    const closedObjective = await rejected("PRECONDITION_FAILED", () =>
      admin.objectives.update({ objectiveId: org.objective.id, version: 2, title: "Too late" }),
    );
    expect(closedObjective.message).toBe("A closed or archived objective cannot change.");
    const draft = await rejected("PRECONDITION_FAILED", () =>
      member.objectives.update({ objectiveId: org.draft.id, version: 1, title: "Too late" }),
    );
    expect(draft.message).toBe("This cycle is closed: its objectives are frozen.");
    await rejected("PRECONDITION_FAILED", () =>
      admin.keyResults.update({ keyResultId: org.keyResult.id, version: org.keyResult.version, title: "Too late" }),
    );
    await rejected("PRECONDITION_FAILED", () =>
      member.objectives.create({ cycleId: org.cycle.id, level: "personal", title: "Too late" }),
    );

    expect(
      await member.keyResults.grade({ keyResultId: org.keyResult.id, grade: 0.4, reason: "Started late." }),
    ).toEqual({
      gradeOverride: 0.4,
      gradeReason: "Started late.",
    });
  });

  it("refuses closing twice or closing a cycle in planning with PRECONDITION_FAILED, writing nothing", async () => {
    const org = await organizationToClose();
    const admin = await callerFor(demo.db, org.admin.email);
    await admin.cycles.close({ cycleId: org.cycle.id, version: org.cycle.version });
    const twice = await rejected("PRECONDITION_FAILED", () =>
      admin.cycles.close({ cycleId: org.cycle.id, version: org.cycle.version + 1 }),
    );
    expect(twice.message).toBe("Only an open cycle can be closed.");
    const planning = await createCycle(demo.db, org.organization.id, {
      status: "planning",
      startsOn: "2030-01-01",
      endsOn: "2030-03-31",
    });
    await rejected("PRECONDITION_FAILED", () => admin.cycles.close({ cycleId: planning.id, version: 1 }));
  });

  it("refuses a stale version with CONFLICT, non-admins with FORBIDDEN and another organization's cycle with NOT_FOUND", async () => {
    const org = await organizationToClose();
    const admin = await callerFor(demo.db, org.admin.email);
    const error = await rejected("CONFLICT", () => admin.cycles.close({ cycleId: org.cycle.id, version: 7 }));
    expect((error.cause as AppError).current).toMatchObject({ status: "open", version: org.cycle.version });

    const member = await callerFor(demo.db, org.member.email);
    await rejected("FORBIDDEN", () => member.cycles.close({ cycleId: org.cycle.id, version: org.cycle.version }));
    const demoOpen = await cycleByStatus(demo.db, demo.orgId, "open");
    for (const email of [DEMO.manager, DEMO.viewer]) {
      const caller = await callerFor(demo.db, email);
      await rejected("FORBIDDEN", () => caller.cycles.close({ cycleId: demoOpen.id, version: demoOpen.version }));
    }
    const demoAdmin = await callerFor(demo.db, DEMO.admin);
    await rejected("NOT_FOUND", () => demoAdmin.cycles.close({ cycleId: org.cycle.id, version: org.cycle.version }));
  });
});

describe("cycles.carryOver", () => {
  let nextCycleId: string;
  beforeAll(async () => {
    nextCycleId = (
      await createCycle(demo.db, demo.orgId, { name: "Q1 2027 (open)", startsOn: "2027-01-01", endsOn: "2027-03-31" })
    ).id;
  });

  it("copies the objective into the open cycle with the chosen key results, each linked to its original", async () => {
    const source = await objectiveByTitle(demo.db, demo.orgId, "Close more of the deals we create");
    const originals = await keyResultsOf(source.id);
    const before = await state();
    const admin = await callerFor(demo.db, DEMO.admin);
    const { objectiveId } = await admin.cycles.carryOver({
      objectiveId: source.id,
      targetCycleId: nextCycleId,
      keyResultIds: originals.map((k) => k.id),
    });

    expect(await objectiveRow(demo.db, objectiveId)).toMatchObject({
      cycleId: nextCycleId,
      carriedFromId: source.id,
      title: source.title,
      level: source.level,
      ownerId: source.ownerId,
      teamId: source.teamId,
      parentId: null,
      status: "active",
      version: 1,
    });
    const copies = await keyResultsOf(objectiveId);
    expect(copies).toHaveLength(2);
    for (const original of originals) {
      const copy = copies.find((c) => c.carriedFromId === original.id);
      expect(original.type === "increase_to" || original.type === "decrease_to").toBe(true);
      expect(original.currentValue).not.toBeNull();
      // The new cycle starts where the old one ended.
      expect(copy).toMatchObject({
        title: original.title,
        type: original.type,
        startValue: original.currentValue,
        targetValue: original.targetValue,
        unit: original.unit,
        ownerId: original.ownerId,
        currentValue: null,
        version: 1,
      });
    }
    // The originals keep their values, versions and history.
    expect(await objectiveRow(demo.db, source.id)).toEqual(source);
    expect(await keyResultsOf(source.id)).toEqual(originals);

    const after = await state();
    expect(after.activity).toBe(before.activity + 1);
    expect(after.checkIns).toBe(before.checkIns);
    expect(await activityRowsOf(demo.db, objectiveId)).toEqual([
      expect.objectContaining({
        action: "objective.carried_over",
        details: { from: source.id, toCycle: nextCycleId, keyResults: 2 },
      }),
    ]);
    const dashboard = await admin.objectives.dashboard({ cycleId: nextCycleId });
    expect(dashboard?.roots.find((r) => r.id === objectiveId)).toMatchObject({ hasData: false, keyResultCount: 2 });
  });

  it("keeps the start of a threshold key result and of one without check-ins, and copies only the chosen ones", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const people = await objectiveByTitle(demo.db, demo.orgId, "Be a place great people want to join");
    const referral = await admin.keyResults.create({
      objectiveId: people.id,
      title: "Referral hires",
      type: "increase_to",
      startValue: 2,
      targetValue: 8,
    });
    const attrition = (await keyResultByTitle(demo.db, demo.orgId, "Regretted attrition")).keyResult;
    expect(attrition).toMatchObject({ type: "stay_at_or_below", startValue: 0, currentValue: expect.any(Number) });

    const { objectiveId } = await admin.cycles.carryOver({
      objectiveId: people.id,
      targetCycleId: nextCycleId,
      keyResultIds: [referral.id, attrition.id],
    });
    const copies = await keyResultsOf(objectiveId);
    expect(copies.map((c) => [c.carriedFromId, c.startValue, c.targetValue]).sort()).toEqual(
      [
        [referral.id, 2, 8],
        [attrition.id, 0, 5],
      ].sort(),
    );
    expect(copies.map((c) => c.title)).not.toContain("Employee NPS");

    const bare = await admin.cycles.carryOver({ objectiveId: people.id, targetCycleId: nextCycleId, keyResultIds: [] });
    expect(await keyResultsOf(bare.objectiveId)).toEqual([]);
    expect((await objectiveRow(demo.db, bare.objectiveId)).carriedFromId).toBe(people.id);
  });

  it("rejects key results of another objective with BAD_REQUEST, writing nothing", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const source = await objectiveByTitle(demo.db, demo.orgId, "Keep customers longer");
    const foreign = (await keyResultByTitle(demo.db, demo.orgId, "Cost per lead")).keyResult.id;
    const own = (await keyResultByTitle(demo.db, demo.orgId, "Net revenue retention")).keyResult.id;
    for (const keyResultIds of [[foreign], [own, foreign], [randomUUID()]]) {
      const error = await rejected("BAD_REQUEST", () =>
        admin.cycles.carryOver({ objectiveId: source.id, targetCycleId: nextCycleId, keyResultIds }),
      );
      expect(error.message).toBe("Choose key results of this objective.");
    }
  });

  it("refuses a closed target cycle (PRECONDITION_FAILED) and the objective's own cycle (BAD_REQUEST)", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const source = await objectiveByTitle(demo.db, demo.orgId, "Keep customers longer");
    const closed = await cycleByStatus(demo.db, demo.orgId, "closed");
    const error = await rejected("PRECONDITION_FAILED", () =>
      admin.cycles.carryOver({ objectiveId: source.id, targetCycleId: closed.id, keyResultIds: [] }),
    );
    expect(error.message).toBe("This cycle is closed: its objectives are frozen.");
    const same = await rejected("BAD_REQUEST", () =>
      admin.cycles.carryOver({ objectiveId: source.id, targetCycleId: source.cycleId, keyResultIds: [] }),
    );
    expect(same.message).toBe("Carry over into a different cycle.");
  });

  it("refuses everyone but the admin with FORBIDDEN, and another organization's objective or cycle with NOT_FOUND", async () => {
    const source = await objectiveByTitle(demo.db, demo.orgId, "Keep customers longer");
    const input = { objectiveId: source.id, targetCycleId: nextCycleId, keyResultIds: [] };
    for (const email of [DEMO.manager, DEMO.priya, DEMO.member, DEMO.viewer]) {
      const caller = await callerFor(demo.db, email);
      await rejected("FORBIDDEN", () => caller.cycles.carryOver(input));
    }
    const other = await createOrganizationWithOkr(demo.db);
    const admin = await callerFor(demo.db, DEMO.admin);
    expect(
      (await rejected("NOT_FOUND", () => admin.cycles.carryOver({ ...input, objectiveId: other.objective.id })))
        .message,
    ).toBe("No such objective.");
    expect(
      (await rejected("NOT_FOUND", () => admin.cycles.carryOver({ ...input, targetCycleId: other.cycle.id }))).message,
    ).toBe("No such cycle.");
  });

  it("rejects more than ten key results and ids that are not UUIDs with BAD_REQUEST", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const source = await objectiveByTitle(demo.db, demo.orgId, "Keep customers longer");
    const input = { objectiveId: source.id, targetCycleId: nextCycleId };
    await rejected("BAD_REQUEST", () =>
      admin.cycles.carryOver({ ...input, keyResultIds: Array.from({ length: 11 }, () => randomUUID()) }),
    );
    const error = await rejected("BAD_REQUEST", () => admin.cycles.carryOver({ ...input, keyResultIds: ["nps"] }));
    expect(clientErrorOf(error, "cycles.carryOver").shape.message).toBe("Must be a valid id.");
  });
});
