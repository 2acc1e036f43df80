import { randomUUID } from "node:crypto";
import { checkIns, type Database, desc, eq, keyResults, sql } from "@meridian/db";
import { describe, expect, it } from "vitest";
import {
  activityByDetail,
  callerFor,
  checkInRowOrNone,
  clientErrorOf,
  createOrganizationWithOkr,
  DEMO,
  keyResultRow,
  noWriteChecks,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";

const REGISTRATIONS = "Webinar registrations per session";

const demo = useDemoDatabase();

/** A check-in through the API, as `email`; returns the stored row. */
async function checkIn(email: string, keyResultId: string, value: number, confidence = 7, comment = "") {
  const caller = await callerFor(demo.db, email);
  const result = await caller.checkIns.create({
    keyResultId,
    value,
    confidence,
    comment,
    idempotencyKey: randomUUID(),
  });
  return result.checkIn;
}

/** Beyond writeSnapshot (check-ins, activity, every key result's latest value and version): every check-in's value. */
const checkInValues = async (db: Database) => ({
  rows: await db
    .select({ id: checkIns.id, value: checkIns.value, confidence: checkIns.confidence, comment: checkIns.comment })
    .from(checkIns)
    .orderBy(checkIns.id),
});
const { state, rejected } = noWriteChecks(demo, checkInValues);

const activityFor = (checkInId: string) => activityByDetail(demo.db, "checkInId", checkInId);

describe("checkIns.update", () => {
  it("lets the author correct their newest check-in: the key result follows, editedAt is set, the old values are logged", async () => {
    const keyResultId = await demo.keyResultId(REGISTRATIONS);
    await checkIn(DEMO.member, keyResultId, 280, 6, "first");
    const newest = await checkIn(DEMO.member, keyResultId, 300, 7, "second");
    const versionBefore = (await keyResultRow(demo.db, keyResultId)).version;
    const before = await state();

    const member = await callerFor(demo.db, DEMO.member);
    const edit = { checkInId: newest.id, value: 310, confidence: 8, comment: "  Typo fixed.  " };
    expect(await member.checkIns.update(edit)).toEqual({ id: newest.id });

    const row = await checkInRowOrNone(demo.db, newest.id);
    expect(row).toMatchObject({ value: 310, confidence: 8, comment: "Typo fixed.", createdAt: newest.createdAt });
    expect(row?.editedAt).toBeInstanceOf(Date);
    const kr = await keyResultRow(demo.db, keyResultId);
    expect(kr).toMatchObject({
      currentValue: 310,
      currentConfidence: 8,
      lastCheckInAt: newest.createdAt,
      version: versionBefore + 1,
    });

    const after = await state();
    expect(after.checkIns).toBe(before.checkIns);
    expect(after.activity).toBe(before.activity + 1);
    const [activity, ...more] = await activityFor(newest.id);
    expect(activity).toMatchObject({
      action: "check_in.edited",
      actorId: await userIdOf(demo.db, DEMO.member),
      entityType: "key_result",
      entityId: keyResultId,
      details: {
        checkInId: newest.id,
        before: { value: 300, confidence: 7, comment: "second" },
        after: { value: 310, confidence: 8, comment: "Typo fixed." },
      },
    });
    expect(more.map((a) => a.action)).toEqual(["check_in.created"]);
    // One transaction: the same now() stamps the edit, the key result and the activity row.
    expect(activity?.createdAt.getTime()).toBe(row?.editedAt?.getTime());
    expect(kr.updatedAt.getTime()).toBe(row?.editedAt?.getTime());
  });

  it("leaves the key result on the newest check-in when an older one is corrected", async () => {
    const keyResultId = await demo.keyResultId(REGISTRATIONS);
    const older = await checkIn(DEMO.member, keyResultId, 320, 6);
    await checkIn(DEMO.member, keyResultId, 330, 7);
    const member = await callerFor(demo.db, DEMO.member);
    await member.checkIns.update({ checkInId: older.id, value: 322, confidence: 5, comment: "" });
    expect(await keyResultRow(demo.db, keyResultId)).toMatchObject({ currentValue: 330, currentConfidence: 7 });

    const objectiveId = (await keyResultRow(demo.db, keyResultId)).objectiveId;
    const history = (await member.objectives.get({ objectiveId }))?.checkIns ?? [];
    expect(history.find((c) => c.id === older.id)).toMatchObject({
      value: 322,
      confidence: 5,
      editedAt: expect.any(Date),
    });
  });

  it("lets the admin correct anyone's check-in, and logs the admin as the actor", async () => {
    const keyResultId = await demo.keyResultId(REGISTRATIONS);
    const mine = await checkIn(DEMO.member, keyResultId, 340, 7);
    const admin = await callerFor(demo.db, DEMO.admin);
    await admin.checkIns.update({ checkInId: mine.id, value: 345, confidence: 7, comment: "Corrected by admin." });
    expect(await keyResultRow(demo.db, keyResultId)).toMatchObject({ currentValue: 345 });
    expect((await activityFor(mine.id))[0]).toMatchObject({
      action: "check_in.edited",
      actorId: await userIdOf(demo.db, DEMO.admin),
    });
  });

  it.each([
    ["the viewer", DEMO.viewer, "Your role does not allow this."],
    ["the Marketing lead", DEMO.manager, "Only the author of a check-in or an admin changes it."],
    ["lena", DEMO.lena, "Only the author of a check-in or an admin changes it."],
    ["nina", DEMO.nina, "Only the author of a check-in or an admin changes it."],
  ])("refuses %s someone else's check-in with FORBIDDEN, writing nothing", async (_, email, message) => {
    const mine = await checkIn(DEMO.member, await demo.keyResultId(REGISTRATIONS), 350);
    const caller = await callerFor(demo.db, email);
    const error = await rejected("FORBIDDEN", () =>
      caller.checkIns.update({ checkInId: mine.id, value: 1, confidence: 1, comment: "" }),
    );
    expect(error.message).toBe(message);
  });

  it.each([
    ["confidence 11", { confidence: 11 }, "confidence", "Confidence is a whole number from 0 to 10."],
    ["a check-in id that is not a UUID", { checkInId: "ci-1" }, "checkInId", "Must be a valid id."],
    ["a value that is not a number", { value: "lots" }, "value", "Value must be a number."],
    ["a 2001-character comment", { comment: "x".repeat(2001) }, "comment", "Keep the comment under 2000 characters."],
  ])("rejects %s with BAD_REQUEST and a clear message, writing nothing", async (_, bad, field, message) => {
    const mine = await checkIn(DEMO.member, await demo.keyResultId(REGISTRATIONS), 355);
    const member = await callerFor(demo.db, DEMO.member);
    const input = { checkInId: mine.id, value: 356, confidence: 7, comment: "", ...bad } as {
      checkInId: string;
      value: number;
      confidence: number;
    };
    const error = await rejected("BAD_REQUEST", () => member.checkIns.update(input));
    const client = clientErrorOf(error, "checkIns.update");
    expect(client.shape.message).toBe(message);
    expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
  });

  it.each([
    ["Publish the buyer's guide", 0, 0.5, "A milestone check-in is done (1) or not done (0)."],
    ["Attendance rate", 60, 101, "A percentage check-in is between 0 and 100."],
  ])("rejects a value that %s's type does not allow with BAD_REQUEST", async (title, valid, invalid, message) => {
    const mine = await checkIn(DEMO.member, await demo.keyResultId(title), valid);
    const member = await callerFor(demo.db, DEMO.member);
    const error = await rejected("BAD_REQUEST", () =>
      member.checkIns.update({ checkInId: mine.id, value: invalid, confidence: 5, comment: "" }),
    );
    expect(clientErrorOf(error, "checkIns.update").shape.message).toBe(message);
  });
});

describe("checkIns.delete", () => {
  it("lets the author delete their newest check-in: the key result falls back to the one before, the deleted values are logged", async () => {
    const keyResultId = await demo.keyResultId(REGISTRATIONS);
    const previous = await checkIn(DEMO.member, keyResultId, 360, 6, "steady");
    const newest = await checkIn(DEMO.member, keyResultId, 390, 9, "Oops, wrong webinar.");
    const before = await state();

    const member = await callerFor(demo.db, DEMO.member);
    expect(await member.checkIns.delete({ checkInId: newest.id })).toEqual({ deleted: true });

    expect(await checkInRowOrNone(demo.db, newest.id)).toBeUndefined();
    expect(await keyResultRow(demo.db, keyResultId)).toMatchObject({
      currentValue: 360,
      currentConfidence: 6,
      lastCheckInAt: previous.createdAt,
    });
    const after = await state();
    expect(after.checkIns).toBe(before.checkIns - 1);
    expect(after.activity).toBe(before.activity + 1);
    expect((await activityFor(newest.id))[0]).toMatchObject({
      action: "check_in.deleted",
      entityType: "key_result",
      entityId: keyResultId,
      details: { checkInId: newest.id, value: 390, confidence: 9, comment: "Oops, wrong webinar." },
    });
  });

  it("leaves a key result whose only check-in is deleted without data", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const cycleId = demo.openCycleId;
    const objective = await member.objectives.create({
      cycleId,
      level: "personal",
      title: "One measure, one check-in",
      publish: true,
      keyResults: [{ title: "Talks given", type: "increase_to", startValue: 0, targetValue: 4 }],
    });
    const [kr] = await demo.db.select().from(keyResults).where(eq(keyResults.objectiveId, objective.id));
    if (!kr) throw new Error("expected the key result");
    const only = await checkIn(DEMO.member, kr.id, 2);
    await member.checkIns.delete({ checkInId: only.id });

    expect(await keyResultRow(demo.db, kr.id)).toMatchObject({
      currentValue: null,
      currentConfidence: null,
      lastCheckInAt: null,
    });
    const got = await member.objectives.get({ objectiveId: objective.id });
    expect(got?.objective.keyResults[0]).toMatchObject({ hasData: false, progress: 0, status: "no_data" });
    expect(got?.objective).toMatchObject({ hasData: false, progressStatus: "no_data" });
    expect(got?.checkIns).toEqual([]);
  });

  it("lets the admin delete anyone's check-in", async () => {
    const mine = await checkIn(DEMO.member, await demo.keyResultId(REGISTRATIONS), 365);
    const admin = await callerFor(demo.db, DEMO.admin);
    expect(await admin.checkIns.delete({ checkInId: mine.id })).toEqual({ deleted: true });
    expect((await activityFor(mine.id))[0]).toMatchObject({
      action: "check_in.deleted",
      actorId: await userIdOf(demo.db, DEMO.admin),
    });
  });

  it.each([
    ["the viewer", DEMO.viewer],
    ["the Marketing lead", DEMO.manager],
    ["nina", DEMO.nina],
  ])("refuses %s someone else's check-in with FORBIDDEN, writing nothing", async (_, email) => {
    const mine = await checkIn(DEMO.member, await demo.keyResultId(REGISTRATIONS), 370);
    const caller = await callerFor(demo.db, email);
    await rejected("FORBIDDEN", () => caller.checkIns.delete({ checkInId: mine.id }));
  });

  it("rejects a check-in id that is not a UUID with BAD_REQUEST", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const error = await rejected("BAD_REQUEST", () => member.checkIns.delete({ checkInId: "latest" }));
    expect(clientErrorOf(error, "checkIns.delete").shape.data.fieldErrors).toEqual({
      checkInId: ["Must be a valid id."],
    });
  });
});

describe("check-in order: the newest is the one recorded last", () => {
  it("keeps the key result, the history, corrections and removals in the order the check-ins were recorded, whatever their start times", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const objective = await member.objectives.create({
      cycleId: demo.openCycleId,
      level: "personal",
      title: "Recorded order",
      publish: true,
      keyResults: [{ title: "Posts written", type: "increase_to", startValue: 0, targetValue: 10 }],
    });
    const [kr] = await demo.db.select().from(keyResults).where(eq(keyResults.objectiveId, objective.id));
    if (!kr) throw new Error("expected the key result");
    const first = await checkIn(DEMO.member, kr.id, 1, 5);
    const second = await checkIn(DEMO.member, kr.id, 2, 6);
    const third = await checkIn(DEMO.member, kr.id, 3, 7);
    // created_at is the transaction's start: under concurrency a check-in that started first can be recorded
    // last. Stamp the first as if it had started an hour after the others.
    await demo.db
      .update(checkIns)
      .set({ createdAt: sql`${checkIns.createdAt} + interval '1 hour'` })
      .where(eq(checkIns.id, first.id));

    await member.checkIns.update({ checkInId: first.id, value: 1.5, confidence: 5, comment: "" });
    expect(await keyResultRow(demo.db, kr.id)).toMatchObject({ currentValue: 3, currentConfidence: 7 });
    const history = (await member.objectives.get({ objectiveId: objective.id }))?.checkIns ?? [];
    expect(history.map((c) => c.id)).toEqual([first.id, second.id, third.id]);

    await member.checkIns.delete({ checkInId: third.id });
    expect(await keyResultRow(demo.db, kr.id)).toMatchObject({
      currentValue: 2,
      currentConfidence: 6,
      lastCheckInAt: second.createdAt,
    });
    const next = await checkIn(DEMO.member, kr.id, 4, 8);
    expect(await keyResultRow(demo.db, kr.id)).toMatchObject({ currentValue: 4, lastCheckInAt: next.createdAt });
    const after = (await member.objectives.get({ objectiveId: objective.id }))?.checkIns ?? [];
    expect(after.map((c) => c.id)).toEqual([first.id, second.id, next.id]);
  });
});

describe("check-in edits: scope", () => {
  it("answers NOT_FOUND for another organization's check-in and for one that does not exist", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const theirs = await checkIn(other.member.email, other.keyResult.id, 10);
    const admin = await callerFor(demo.db, DEMO.admin);
    for (const checkInId of [theirs.id, randomUUID()]) {
      expect(
        (await rejected("NOT_FOUND", () => admin.checkIns.update({ checkInId, value: 1, confidence: 1 }))).message,
      ).toBe("No such check-in.");
      await rejected("NOT_FOUND", () => admin.checkIns.delete({ checkInId }));
    }
  });

  it("refuses changes to a closed cycle's check-ins with PRECONDITION_FAILED, for the author and the admin alike", async () => {
    const keyResultId = await demo.keyResultId("Mid-market deals closed");
    const [seeded] = await demo.db
      .select()
      .from(checkIns)
      .where(eq(checkIns.keyResultId, keyResultId))
      .orderBy(desc(checkIns.createdAt))
      .limit(1);
    if (!seeded) throw new Error("expected the seeded history");
    for (const email of [DEMO.priya, DEMO.admin]) {
      const caller = await callerFor(demo.db, email);
      const error = await rejected("PRECONDITION_FAILED", () =>
        caller.checkIns.update({ checkInId: seeded.id, value: 20, confidence: 9 }),
      );
      expect(error.message).toBe("Check-ins of a closed cycle are kept as they are.");
      await rejected("PRECONDITION_FAILED", () => caller.checkIns.delete({ checkInId: seeded.id }));
    }
  });
});
