import { randomUUID } from "node:crypto";
import { and, type Database, eq, keyResults } from "@meridian/db";
import type { TKeyResultCreate } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import {
  activityRowsOf,
  callerFor,
  clientErrorOf,
  createOrganizationWithOkr,
  cycleByStatus,
  DEMO,
  DEMO_TITLES,
  dashboardNode,
  keyResultRow,
  noWriteChecks,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";
import { AppError } from "../../lib/errors";

const { PIPELINE, WEBINARS, RELIABILITY, PRIVATE, HIRING, PREVIOUS } = DEMO_TITLES;

const demo = useDemoDatabase();

/** A key result by id with the version it has now: what a client would send. */
const ref = async (id: string) => ({ keyResultId: id, version: (await keyResultRow(demo.db, id)).version });

/** Beyond writeSnapshot (check-ins, activity, every key result's value and version): every key result's definition and archive mark. */
const definitions = async (db: Database) => ({
  definitions: await db
    .select({
      id: keyResults.id,
      title: keyResults.title,
      targetValue: keyResults.targetValue,
      grade: keyResults.gradeOverride,
      archivedAt: keyResults.archivedAt,
    })
    .from(keyResults)
    .orderBy(keyResults.id),
});
const { state, rejected } = noWriteChecks(demo, definitions);

const draft = (objective: string, overrides: Partial<TKeyResultCreate> = {}): TKeyResultCreate => ({
  objectiveId: objective,
  title: "Webinar satisfaction score",
  type: "increase_to",
  startValue: 30,
  targetValue: 50,
  ...overrides,
});

describe("keyResults.create", () => {
  it("adds a key result to the member's own objective, owned by the objective's owner by default, and logs it", async () => {
    const webinars = await demo.objectiveId(WEBINARS);
    const memberId = await userIdOf(demo.db, DEMO.member);
    const before = await state();
    const created = await (await callerFor(demo.db, DEMO.member)).keyResults.create(draft(webinars));
    expect(created).toMatchObject({
      objectiveId: webinars,
      title: "Webinar satisfaction score",
      ownerId: memberId,
      unit: "number",
      unitLabel: "",
      weight: 1,
      version: 1,
      archivedAt: null,
    });
    expect((await state()).activity).toBe(before.activity + 1);
    expect(await activityRowsOf(demo.db, created.id)).toEqual([
      expect.objectContaining({
        action: "key_result.created",
        actorId: memberId,
        entityType: "key_result",
        details: { title: "Webinar satisfaction score", objectiveId: webinars },
      }),
    ]);
    const node = await dashboardNode(demo.db, DEMO.viewer, webinars);
    expect(node?.keyResults.find((k) => k.id === created.id)).toMatchObject({ hasData: false, status: "no_data" });
  });

  it("lets lena add to Engineering's objective, the Marketing lead to Marketing's for a team member, and the admin anywhere", async () => {
    const memberId = await userIdOf(demo.db, DEMO.member);
    const lena = await callerFor(demo.db, DEMO.lena);
    expect((await lena.keyResults.create(draft(await demo.objectiveId(RELIABILITY)))).version).toBe(1);
    const manager = await callerFor(demo.db, DEMO.manager);
    const pipelineKr = await manager.keyResults.create(draft(await demo.objectiveId(PIPELINE), { ownerId: memberId }));
    expect(pipelineKr.ownerId).toBe(memberId);
    const admin = await callerFor(demo.db, DEMO.admin);
    expect((await admin.keyResults.create(draft(await demo.objectiveId(PRIVATE)))).version).toBe(1);
  });

  it.each([
    [
      "a target equal to the start",
      { startValue: 5, targetValue: 5 },
      "targetValue",
      "Target must differ from the start value.",
    ],
    [
      "an 'increase to' whose target is below the start",
      { startValue: 50, targetValue: 30 },
      "targetValue",
      "For an 'increase to' key result the target must be above the start value.",
    ],
    [
      "a 'decrease to' whose target is above the start",
      { type: "decrease_to", startValue: 30, targetValue: 50 },
      "targetValue",
      "For a 'decrease to' key result the target must be below the start value.",
    ],
    ["a one-character title", { title: "x" }, "title", "Write a title of at least 3 characters."],
    ["an unknown type", { type: "grow" }, "type", "Choose a key result type."],
    ["an unknown unit", { unit: "kg" }, "unit", "Choose a unit."],
    ["weight 101", { weight: 101 }, "weight", "Weight is at most 100."],
    ["a start that is not a number", { startValue: "ten" }, "startValue", "Start must be a number."],
  ])(
    "rejects %s with BAD_REQUEST and a clear message on its field, writing nothing",
    async (_, bad, field, message) => {
      const member = await callerFor(demo.db, DEMO.member);
      const input = { ...draft(await demo.objectiveId(WEBINARS)), ...bad } as TKeyResultCreate;
      const error = await rejected("BAD_REQUEST", () => member.keyResults.create(input));
      const client = clientErrorOf(error, "keyResults.create");
      expect(client.shape.message).toBe(message);
      expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
    },
  );

  it.each([
    ["the viewer", DEMO.viewer, WEBINARS, "FORBIDDEN"],
    ["the member, on a team objective", DEMO.member, PIPELINE, "FORBIDDEN"],
    ["the Marketing lead, on Engineering's objective", DEMO.manager, RELIABILITY, "FORBIDDEN"],
    ["lena, on Marketing's objective", DEMO.lena, PIPELINE, "FORBIDDEN"],
    ["the member, on Ravi's private objective", DEMO.member, PRIVATE, "NOT_FOUND"],
    ["the Marketing lead, on Engineering's draft", DEMO.manager, HIRING, "NOT_FOUND"],
  ])("refuses %s (%s), writing nothing", async (_, email, title, code) => {
    const caller = await callerFor(demo.db, email);
    const objective = await demo.objectiveId(title);
    await rejected(code, () => caller.keyResults.create(draft(objective)));
  });

  it("answers NOT_FOUND for another organization's objective, or an owner from another organization", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const admin = await callerFor(demo.db, DEMO.admin);
    expect((await rejected("NOT_FOUND", () => admin.keyResults.create(draft(other.objective.id)))).message).toBe(
      "No such objective.",
    );
    const webinars = await demo.objectiveId(WEBINARS);
    expect(
      (await rejected("NOT_FOUND", () => admin.keyResults.create(draft(webinars, { ownerId: other.member.id }))))
        .message,
    ).toBe("No such person in this organization.");
  });

  it("refuses a closed objective and an archived one with PRECONDITION_FAILED", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const closed = await demo.objectiveId(PREVIOUS);
    const error = await rejected("PRECONDITION_FAILED", () => admin.keyResults.create(draft(closed)));
    expect(error.message).toBe("A closed or archived objective cannot change.");

    const member = await callerFor(demo.db, DEMO.member);
    const gone = await member.objectives.create({
      cycleId: demo.openCycleId,
      level: "personal",
      title: "Soon archived",
      publish: true,
    });
    await member.objectives.archive({ objectiveId: gone.id, version: gone.version });
    await rejected("PRECONDITION_FAILED", () => member.keyResults.create(draft(gone.id)));
  });
});

describe("keyResults.update", () => {
  it("retargets a key result of the member's own objective: version + 1, progress recomputed, change logged", async () => {
    const id = await demo.keyResultId("Webinar registrations per session");
    const before = await keyResultRow(demo.db, id);
    const updated = await (await callerFor(demo.db, DEMO.member)).keyResults.update({
      keyResultId: id,
      version: before.version,
      targetValue: 450,
      unitLabel: " attendees ",
    });
    expect(updated).toMatchObject({
      targetValue: 450,
      startValue: 150,
      unitLabel: "attendees",
      version: before.version + 1,
    });
    expect(await activityRowsOf(demo.db, id)).toEqual([
      expect.objectContaining({
        action: "key_result.updated",
        entityType: "key_result",
        details: { changes: { targetValue: 450, unitLabel: "attendees" } },
      }),
    ]);
    const node = await dashboardNode(demo.db, DEMO.member, before.objectiveId);
    const kr = node?.keyResults.find((k) => k.id === id);
    expect(kr?.progress).toBeCloseTo(((before.currentValue ?? 0) - 150) / (450 - 150), 12);
  });

  it("checks the definition against the stored values: a new target equal to the stored start is BAD_REQUEST", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const id = await demo.keyResultId("Webinar registrations per session");
    const error = await rejected("BAD_REQUEST", async () =>
      member.keyResults.update({ ...(await ref(id)), targetValue: 150 }),
    );
    expect(clientErrorOf(error, "keyResults.update").shape.message).toBe("Target must differ from the start value.");
    const flip = await rejected("BAD_REQUEST", async () =>
      member.keyResults.update({ ...(await ref(id)), type: "decrease_to" }),
    );
    expect(flip.message).toBe("For a 'decrease to' key result the target must be below the start value.");
  });

  it.each([
    [
      "an 'increase to' with start and target equal",
      { type: "increase_to" as const, startValue: 10, targetValue: 10 },
      "targetValue",
      "Target must differ from the start value.",
    ],
    ["version 0", { version: 0 }, "version", "Version must be a positive whole number."],
    ["a negative weight", { weight: -2 }, "weight", "Weight cannot be negative."],
    ["a two-character title", { title: "ab" }, "title", "Write a title of at least 3 characters."],
  ])(
    "rejects %s with BAD_REQUEST and a clear message on its field, writing nothing",
    async (_, bad, field, message) => {
      const member = await callerFor(demo.db, DEMO.member);
      const input = { ...(await ref(await demo.keyResultId("Webinar registrations per session"))), ...bad };
      const error = await rejected("BAD_REQUEST", () => member.keyResults.update(input));
      const client = clientErrorOf(error, "keyResults.update");
      expect(client.shape.message).toBe(message);
      expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
    },
  );

  it("refuses a stale version with CONFLICT carrying the current values, writing nothing", async () => {
    const id = await demo.keyResultId("Marketing-qualified leads per month");
    const read = await ref(id);
    await (await callerFor(demo.db, DEMO.admin)).keyResults.update({ ...read, title: "MQLs per month" });
    const manager = await callerFor(demo.db, DEMO.manager);
    const error = await rejected("CONFLICT", () => manager.keyResults.update({ ...read, targetValue: 650 }));
    expect(error.message).toBe(
      "Someone else changed this key result after you opened it. Review the current values and try again.",
    );
    const current = { id, title: "MQLs per month", targetValue: 600, version: read.version + 1 };
    expect(error.cause).toBeInstanceOf(AppError);
    expect((error.cause as AppError).current).toMatchObject(current);
    expect(clientErrorOf(error, "keyResults.update").shape.data.current).toMatchObject(current);
  });

  it.each([
    ["the viewer", DEMO.viewer, "Cost per lead", "FORBIDDEN"],
    ["the member, on a key result they own in a team objective", DEMO.member, "Cost per lead", "FORBIDDEN"],
    ["the Marketing lead, on Engineering's key result", DEMO.manager, "Mean time to restore", "FORBIDDEN"],
    ["lena, on Marketing's key result", DEMO.lena, "Cost per lead", "FORBIDDEN"],
    ["the member, on a key result of Ravi's private objective", DEMO.member, "Mentoring sessions held", "NOT_FOUND"],
    [
      "the Marketing lead, on a key result of Engineering's draft",
      DEMO.manager,
      "Engineering hires signed",
      "NOT_FOUND",
    ],
  ])("refuses %s (%s), writing nothing", async (_, email, title, code) => {
    const caller = await callerFor(demo.db, email);
    const input = { ...(await ref(await demo.keyResultId(title))), title: "Renamed" };
    await rejected(code, () => caller.keyResults.update(input));
  });

  it("answers NOT_FOUND for another organization's key result and refuses a closed cycle's with PRECONDITION_FAILED", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const admin = await callerFor(demo.db, DEMO.admin);
    const error = await rejected("NOT_FOUND", () =>
      admin.keyResults.update({ keyResultId: other.keyResult.id, version: 1, title: "Renamed" }),
    );
    expect(error.message).toBe("No such key result.");
    const closed = await ref(await demo.keyResultId("Mid-market deals closed"));
    await rejected("PRECONDITION_FAILED", () => admin.keyResults.update({ ...closed, title: "Renamed" }));
  });
});

describe("keyResults.archive", () => {
  it("archives a key result: gone from the dashboard, left out of the objective's progress, logged", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const objective = await member.objectives.create({
      cycleId: demo.openCycleId,
      level: "personal",
      title: "Two measures, one archived",
      publish: true,
      keyResults: [
        { title: "Half way there", type: "increase_to", startValue: 0, targetValue: 100 },
        { title: "All the way", type: "increase_to", startValue: 0, targetValue: 100 },
      ],
    });
    const krs = await demo.db.select().from(keyResults).where(eq(keyResults.objectiveId, objective.id));
    const half = krs.find((k) => k.title === "Half way there");
    const full = krs.find((k) => k.title === "All the way");
    if (!half || !full) throw new Error("expected both key results");
    for (const [kr, value] of [
      [half, 50],
      [full, 100],
    ] as const) {
      await member.checkIns.create({ keyResultId: kr.id, value, confidence: 7, idempotencyKey: randomUUID() });
    }
    expect((await dashboardNode(demo.db, DEMO.member, objective.id))?.progress).toBeCloseTo(0.75, 12);

    const before = await state();
    const archived = await member.keyResults.archive(await ref(full.id));
    const row = await keyResultRow(demo.db, full.id);
    expect(row.archivedAt).toBeInstanceOf(Date);
    expect(row.version).toBe(3);
    // The archived row and its new version come back: no read needed before the next change.
    expect(archived).toMatchObject({
      archived: true,
      keyResult: { id: full.id, version: 3, archivedAt: row.archivedAt },
    });
    expect((await state()).activity).toBe(before.activity + 1);
    expect((await activityRowsOf(demo.db, full.id)).at(-1)).toMatchObject({
      action: "key_result.archived",
      entityType: "key_result",
    });

    const node = await dashboardNode(demo.db, DEMO.member, objective.id);
    expect(node?.keyResults.map((k) => k.id)).toEqual([half.id]);
    expect(node?.progress).toBeCloseTo(0.5, 12);
    const got = await member.objectives.get({ objectiveId: objective.id });
    expect(got?.objective.keyResults.map((k) => k.id)).toEqual([half.id]);
  });

  it("refuses a stale version with CONFLICT and the wrong people with FORBIDDEN or NOT_FOUND, writing nothing", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const read = await ref(await demo.keyResultId("Attendance rate"));
    await (await callerFor(demo.db, DEMO.admin)).keyResults.update({ ...read, weight: 2 });
    const error = await rejected("CONFLICT", () => member.keyResults.archive(read));
    expect((error.cause as AppError).current).toMatchObject({
      weight: 2,
      version: read.version + 1,
      archivedAt: null,
    });
    const attendance = await ref(read.keyResultId);
    await rejected("FORBIDDEN", async () => (await callerFor(demo.db, DEMO.viewer)).keyResults.archive(attendance));
    await rejected("FORBIDDEN", async () =>
      member.keyResults.archive(await ref(await demo.keyResultId("Cost per lead"))),
    );
    await rejected("FORBIDDEN", async () =>
      (await callerFor(demo.db, DEMO.manager)).keyResults.archive(
        await ref(await demo.keyResultId("Mean time to restore")),
      ),
    );
    await rejected("NOT_FOUND", async () =>
      member.keyResults.archive(await ref(await demo.keyResultId("Mentoring sessions held"))),
    );
  });
});

describe("keyResults.grade", () => {
  const REASON = "Two deals slipped into January.";
  /** The closed cycle's "Monthly uptime" (the open cycle has a key result of the same title). */
  async function previousUptime() {
    const stabilise = await demo.objectiveId("Stabilise the platform");
    const [row] = await demo.db
      .select()
      .from(keyResults)
      .where(and(eq(keyResults.objectiveId, stabilise), eq(keyResults.title, "Monthly uptime")));
    if (!row) throw new Error("no previous uptime key result");
    return row.id;
  }

  it("refuses grading while the cycle is open with PRECONDITION_FAILED, even for the admin", async () => {
    for (const email of [DEMO.member, DEMO.admin]) {
      const caller = await callerFor(demo.db, email);
      const id = await demo.keyResultId("Webinar registrations per session");
      const error = await rejected("PRECONDITION_FAILED", () =>
        caller.keyResults.grade({ keyResultId: id, grade: 0.6, reason: REASON }),
      );
      expect(error.message).toBe("Key results are graded once their cycle closes.");
    }
  });

  it("lets the owner override the grade of a closed cycle's key result with a reason: stored, shown and logged", async () => {
    const id = await demo.keyResultId("Mid-market deals closed");
    const version = (await keyResultRow(demo.db, id)).version;
    const priya = await callerFor(demo.db, DEMO.priya);
    expect(await priya.keyResults.grade({ keyResultId: id, grade: 0.8, reason: ` ${REASON} ` })).toEqual({
      gradeOverride: 0.8,
      gradeReason: REASON,
    });
    expect(await keyResultRow(demo.db, id)).toMatchObject({
      gradeOverride: 0.8,
      gradeReason: REASON,
      version: version + 1,
    });
    expect((await activityRowsOf(demo.db, id)).at(-1)).toMatchObject({
      action: "key_result.graded",
      actorId: await userIdOf(demo.db, DEMO.priya),
      details: { grade: 0.8, reason: REASON },
    });
    const closed = await cycleByStatus(demo.db, demo.orgId, "closed");
    const node = await dashboardNode(demo.db, DEMO.viewer, await demo.objectiveId(PREVIOUS), closed.id);
    expect(node?.keyResults.find((k) => k.id === id)).toMatchObject({ gradeOverride: 0.8, gradeReason: REASON });

    // The API serves the grades: each key result's suggestion and the grade that counts, and the objective's.
    const page = await priya.objectives.get({ objectiveId: await demo.objectiveId(PREVIOUS) });
    const served = page?.objective.keyResults ?? [];
    const graded = served.find((k) => k.id === id);
    expect(graded).toMatchObject({ grade: 0.8, gradeOverride: 0.8 });
    const clamped = (p: number) => Math.round(Math.min(1, Math.max(0, p)) * 100) / 100;
    for (const kr of served) {
      expect(kr.suggestedGrade).toBe(clamped(kr.progress));
      if (kr.id !== id && kr.gradeOverride === null) expect(kr.grade).toBe(kr.suggestedGrade);
    }
    const weights = served.reduce((s, k) => s + k.weight, 0);
    const mean = served.reduce((s, k) => s + k.weight * k.grade, 0) / weights;
    expect(page?.objective.grade).toBe(Math.round(mean * 100) / 100);
    const listed = await priya.objectives.list({ cycleId: closed.id, q: PREVIOUS });
    expect(listed?.objectives.find((o) => o.id === page?.objective.id)?.grade).toBe(page?.objective.grade);
  });

  it("clears the override with null, dropping the reason", async () => {
    const id = await demo.keyResultId("Mid-market deals closed");
    const admin = await callerFor(demo.db, DEMO.admin);
    await admin.keyResults.grade({ keyResultId: id, grade: 0.5, reason: REASON });
    expect(await admin.keyResults.grade({ keyResultId: id, grade: null, reason: "ignored" })).toEqual({
      gradeOverride: null,
      gradeReason: "",
    });
    expect(await keyResultRow(demo.db, id)).toMatchObject({ gradeOverride: null, gradeReason: "" });
    expect((await activityRowsOf(demo.db, id)).at(-1)).toMatchObject({
      action: "key_result.grade_cleared",
      details: { grade: null },
    });
  });

  it.each([
    ["an override without a reason", { grade: 0.4 }, "reason", "Give a reason when you change the suggested grade."],
    [
      "an override with a blank reason",
      { grade: 0.4, reason: "   " },
      "reason",
      "Give a reason when you change the suggested grade.",
    ],
    ["a grade above 1", { grade: 1.5, reason: REASON }, "grade", "A grade is from 0.0 to 1.0."],
    ["a negative grade", { grade: -0.1, reason: REASON }, "grade", "A grade is from 0.0 to 1.0."],
  ])("rejects %s with BAD_REQUEST and a clear message, writing nothing", async (_, bad, field, message) => {
    const priya = await callerFor(demo.db, DEMO.priya);
    const keyResultId = await demo.keyResultId("Mid-market deals closed");
    const error = await rejected("BAD_REQUEST", () => priya.keyResults.grade({ keyResultId, ...bad }));
    const client = clientErrorOf(error, "keyResults.grade");
    expect(client.shape.message).toBe(message);
    expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
  });

  it("lets lena grade her own Engineering key result and refuses those who neither own nor edit it", async () => {
    const lena = await callerFor(demo.db, DEMO.lena);
    const uptime = await previousUptime();
    expect(
      (await lena.keyResults.grade({ keyResultId: uptime, grade: 0.9, reason: "One long outage." })).gradeOverride,
    ).toBe(0.9);

    const deals = await demo.keyResultId("Mid-market deals closed");
    const input = { keyResultId: deals, grade: 0.3, reason: REASON };
    for (const email of [DEMO.viewer, DEMO.member, DEMO.lena, DEMO.manager]) {
      const caller = await callerFor(demo.db, email);
      await rejected("FORBIDDEN", () => caller.keyResults.grade(input));
    }
    const member = await callerFor(demo.db, DEMO.member);
    expect(
      (await rejected("FORBIDDEN", () => member.keyResults.grade({ ...input, keyResultId: uptime }))).message,
    ).toBe("Only the owner or an editor of the objective grades it.");
  });

  it("answers NOT_FOUND for another organization's key result", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const admin = await callerFor(demo.db, DEMO.admin);
    await rejected("NOT_FOUND", () => admin.keyResults.grade({ keyResultId: other.keyResult.id, grade: null }));
  });
});
