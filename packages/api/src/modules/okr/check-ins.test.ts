import { randomUUID } from "node:crypto";
import { activityLog, checkIns, eq, keyResults, sql } from "@meridian/db";
import type { TCheckInCreateInput } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  clientErrorOf,
  createCycle,
  createKeyResult,
  createObjective,
  createOrganizationWithOkr,
  DEMO,
  expectRejectedUnchanged,
  flattenTree,
  keyResultRow,
  openDashboard,
  outcomeOf,
  useDemoDatabase,
  userIdOf,
  writeSnapshot,
} from "../../../test/support";

const demo = useDemoDatabase();

/** Demo key result ids by title, resolved once, so table-driven tests can name key results. */
const idByTitle = new Map<string, string | null>();

beforeAll(async () => {
  const rows = await demo.db
    .select({ id: keyResults.id, title: keyResults.title })
    .from(keyResults)
    .where(eq(keyResults.organizationId, demo.orgId));
  // A title used twice (one per cycle) is ambiguous and may not be named.
  for (const r of rows) idByTitle.set(r.title, idByTitle.has(r.title) ? null : r.id);
});

function krId(title: string): string {
  const id = idByTitle.get(title);
  if (!id) throw new Error(`No unique demo key result titled "${title}"`);
  return id;
}

const checkIn = (keyResultId: string, overrides: Partial<TCheckInCreateInput> = {}): TCheckInCreateInput => ({
  keyResultId,
  value: 260,
  confidence: 7,
  comment: "",
  idempotencyKey: randomUUID(),
  ...overrides,
});

describe("checkIns.create: success", () => {
  it("records the check-in, updates the key result and writes the activity record in the same transaction", async () => {
    const keyResultId = krId("Webinar registrations per session");
    const memberId = await userIdOf(demo.db, DEMO.member);
    const kr = await keyResultRow(demo.db, keyResultId);
    const before = await writeSnapshot(demo.db);

    const caller = await callerFor(demo.db, DEMO.member);
    const input = checkIn(keyResultId, { value: 275, confidence: 8, comment: "  Two sessions sold out.  " });
    const result = await caller.checkIns.create(input);

    expect(result.replayed).toBe(false);
    expect(result.checkIn).toMatchObject({
      organizationId: demo.orgId,
      keyResultId,
      authorId: memberId,
      value: 275,
      confidence: 8,
      comment: "Two sessions sold out.",
      idempotencyKey: input.idempotencyKey,
    });

    const after = await writeSnapshot(demo.db);
    expect(after.checkIns).toBe(before.checkIns + 1);
    expect(after.activity).toBe(before.activity + 1);

    const updated = await keyResultRow(demo.db, keyResultId);
    expect(updated).toMatchObject({ currentValue: 275, currentConfidence: 8, version: kr.version + 1 });

    const [activity, ...more] = await demo.db
      .select()
      .from(activityLog)
      .where(sql`${activityLog.details}->>'checkInId' = ${result.checkIn.id}`);
    expect(more).toEqual([]);
    expect(activity).toMatchObject({
      organizationId: demo.orgId,
      actorId: memberId,
      entityType: "key_result",
      entityId: keyResultId,
      action: "check_in.created",
      details: { checkInId: result.checkIn.id, value: 275, confidence: 8 },
    });
    // now() is the transaction's start time: one transaction stamps all three rows alike.
    expect(activity?.createdAt.getTime()).toBe(result.checkIn.createdAt.getTime());
    expect(updated.updatedAt.getTime()).toBe(result.checkIn.createdAt.getTime());
  });

  it("shows the new value and its progress on the dashboard", async () => {
    const keyResultId = krId("Webinar registrations per session");
    const caller = await callerFor(demo.db, DEMO.member);
    await caller.checkIns.create(checkIn(keyResultId, { value: 300, confidence: 6 }));
    const dashboard = await openDashboard(caller);
    const kr = flattenTree(dashboard?.roots ?? [])
      .flatMap((n) => n.keyResults)
      .find((k) => k.id === keyResultId);
    expect(kr).toMatchObject({ currentValue: 300, currentConfidence: 6, hasData: true });
    expect(kr?.progress).toBeCloseTo((300 - 150) / (400 - 150), 12);
  });

  it("lets the team lead check in on a team key result they do not own, and an admin on anything", async () => {
    const manager = await callerFor(demo.db, DEMO.manager);
    const costPerLead = krId("Cost per lead");
    expect((await manager.checkIns.create(checkIn(costPerLead, { value: 70 }))).replayed).toBe(false);

    const lena = await callerFor(demo.db, DEMO.lena);
    const mentoring = krId("Mentoring sessions held"); // Ravi's, in a private Engineering objective
    expect((await lena.checkIns.create(checkIn(mentoring, { value: 6 }))).replayed).toBe(false);

    const admin = await callerFor(demo.db, DEMO.admin);
    const winRate = krId("Win rate");
    expect((await admin.checkIns.create(checkIn(winRate, { value: 21 }))).replayed).toBe(false);
  });

  it("is all or nothing: when the activity record cannot be written, no check-in is kept and the key result is untouched", async () => {
    const keyResultId = krId("Attendance rate");
    const caller = await callerFor(demo.db, DEMO.member);
    // A real database failure, injected by a trigger: the audit insert of this one value is refused.
    await demo.db.execute(sql`
      create function refuse_audit() returns trigger language plpgsql as $$
      begin
        if new.details->>'value' = '42.42' then raise exception 'audit refused'; end if;
        return new;
      end $$`);
    await demo.db.execute(
      sql`create trigger refuse_audit before insert on activity_log for each row execute function refuse_audit()`,
    );
    try {
      await expectRejectedUnchanged(demo.db, "INTERNAL_SERVER_ERROR", () =>
        caller.checkIns.create(checkIn(keyResultId, { value: 42.42 })),
      );
    } finally {
      await demo.db.execute(sql`drop trigger refuse_audit on activity_log`);
      await demo.db.execute(sql`drop function refuse_audit()`);
    }
  });
});

describe("checkIns.create: idempotency", () => {
  it("adds one row for the same idempotency key sent twice; the repeat answers replayed: true", async () => {
    const keyResultId = krId("Attendance rate");
    const caller = await callerFor(demo.db, DEMO.member);
    const input = checkIn(keyResultId, { value: 61, confidence: 6 });
    const before = await writeSnapshot(demo.db);
    const versionBefore = (await keyResultRow(demo.db, keyResultId)).version;

    const first = await caller.checkIns.create(input);
    const second = await caller.checkIns.create(input);
    // A retry whose body changed still changes nothing.
    const third = await caller.checkIns.create({ ...input, value: 99 });

    expect(first.replayed).toBe(false);
    expect(second).toEqual({ checkIn: first.checkIn, replayed: true });
    expect(third).toEqual({ checkIn: first.checkIn, replayed: true });
    const rows = await demo.db.select().from(checkIns).where(eq(checkIns.idempotencyKey, input.idempotencyKey));
    expect(rows).toHaveLength(1);
    const after = await writeSnapshot(demo.db);
    expect(after.checkIns).toBe(before.checkIns + 1);
    expect(after.activity).toBe(before.activity + 1);
    expect(await keyResultRow(demo.db, keyResultId)).toMatchObject({ currentValue: 61, version: versionBefore + 1 });
  });

  it("adds one row when the same request arrives twice at once", async () => {
    const keyResultId = krId("Attendance rate");
    const caller = await callerFor(demo.db, DEMO.member);
    const input = checkIn(keyResultId, { value: 63 });
    const before = await writeSnapshot(demo.db);
    const results = await Promise.all([caller.checkIns.create(input), caller.checkIns.create(input)]);
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(results[0]?.checkIn.id).toBe(results[1]?.checkIn.id);
    const after = await writeSnapshot(demo.db);
    expect(after.checkIns).toBe(before.checkIns + 1);
    expect(after.activity).toBe(before.activity + 1);
  });

  it("refuses a key already used on another key result with CONFLICT, writing nothing", async () => {
    const caller = await callerFor(demo.db, DEMO.member);
    const input = checkIn(krId("Attendance rate"), { value: 64 });
    await caller.checkIns.create(input);
    const other = krId("Webinar registrations per session");
    await expectRejectedUnchanged(demo.db, "CONFLICT", () => caller.checkIns.create({ ...input, keyResultId: other }));
  });
});

describe("checkIns.create: validation", () => {
  it.each([
    ["a key result id that is not a UUID", { keyResultId: "kr-1" }, "keyResultId", "Must be a valid id."],
    ["confidence 11", { confidence: 11 }, "confidence", "Confidence is a whole number from 0 to 10."],
    ["confidence 5.5", { confidence: 5.5 }, "confidence", "Confidence is a whole number from 0 to 10."],
    ["an infinite value", { value: Number.POSITIVE_INFINITY }, "value", "Value must be a number."],
    ["a NaN value", { value: Number.NaN }, "value", "Value must be a number."],
    [
      "an idempotency key that is not a UUID",
      { idempotencyKey: "retry-1" },
      "idempotencyKey",
      "Idempotency key must be a UUID.",
    ],
    ["a 2001-character comment", { comment: "x".repeat(2001) }, "comment", "Keep the comment under 2000 characters."],
  ] as const)("rejects %s with BAD_REQUEST and a clear message, writing nothing", async (_, bad, field, message) => {
    const caller = await callerFor(demo.db, DEMO.member);
    const input = { ...checkIn(krId("Webinar registrations per session")), ...bad };
    const error = await expectRejectedUnchanged(demo.db, "BAD_REQUEST", () => caller.checkIns.create(input));
    const client = clientErrorOf(error, "checkIns.create");
    expect(client.httpStatus).toBe(400);
    expect(client.shape.message).toBe(message);
    expect(client.shape.data.fieldErrors).toEqual({ [field]: [message] });
  });

  it.each([
    ["a milestone value of 0.5", "Publish the buyer's guide", 0.5, "A milestone check-in is done (1) or not done (0)."],
    ["a percentage of 101", "Attendance rate", 101, "A percentage check-in is between 0 and 100."],
  ])("rejects %s with BAD_REQUEST and a clear message, writing nothing", async (_, title, value, message) => {
    const caller = await callerFor(demo.db, DEMO.member);
    const error = await expectRejectedUnchanged(demo.db, "BAD_REQUEST", () =>
      caller.checkIns.create(checkIn(krId(title), { value })),
    );
    expect(error.message).toBe(message);
    const client = clientErrorOf(error, "checkIns.create");
    expect(client.httpStatus).toBe(400);
    expect(client.shape.message).toBe(message);
  });
});

describe("checkIns.create: who may check in where", () => {
  it("refuses the viewer with FORBIDDEN", async () => {
    const viewer = await callerFor(demo.db, DEMO.viewer);
    await expectRejectedUnchanged(demo.db, "FORBIDDEN", () =>
      viewer.checkIns.create(checkIn(krId("Webinar registrations per session"))),
    );
  });

  it("refuses a member on someone else's key result with FORBIDDEN, even in their own team", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    const error = await expectRejectedUnchanged(demo.db, "FORBIDDEN", () =>
      member.checkIns.create(checkIn(krId("Marketing-qualified leads per month"), { value: 400 })),
    );
    expect(error.message).toBe("Only the key result's owner, a lead of its team or an admin can check in.");
  });

  it("refuses a manager on another team's key result with FORBIDDEN", async () => {
    const manager = await callerFor(demo.db, DEMO.manager);
    await expectRejectedUnchanged(demo.db, "FORBIDDEN", () =>
      manager.checkIns.create(checkIn(krId("Win rate"), { value: 20 })),
    );
  });

  it("answers NOT_FOUND for a key result the caller may not see (private, or another team's draft)", async () => {
    const member = await callerFor(demo.db, DEMO.member);
    await expectRejectedUnchanged(demo.db, "NOT_FOUND", () =>
      member.checkIns.create(checkIn(krId("Mentoring sessions held"), { value: 5 })),
    );
    await expectRejectedUnchanged(demo.db, "NOT_FOUND", () =>
      member.checkIns.create(checkIn(krId("Engineering hires signed"), { value: 1 })),
    );
  });

  it("answers NOT_FOUND for a key result of another organization, and writes nothing there either", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    for (const email of [DEMO.admin, DEMO.member]) {
      const caller = await callerFor(demo.db, email);
      const error = await expectRejectedUnchanged(demo.db, "NOT_FOUND", () =>
        caller.checkIns.create(checkIn(other.keyResult.id, { value: 10 })),
      );
      expect(error.message).toBe("No such key result.");
    }
    // Even when the caller names the other organization, they act in their own.
    const admin = await callerFor(demo.db, DEMO.admin, other.organization.id);
    await expectRejectedUnchanged(demo.db, "NOT_FOUND", () =>
      admin.checkIns.create(checkIn(other.keyResult.id, { value: 10 })),
    );
    expect(await keyResultRow(demo.db, other.keyResult.id)).toMatchObject({ currentValue: null, version: 1 });
    // The owner in that organization can.
    const owner = await callerFor(demo.db, other.member.email);
    expect(await outcomeOf(() => owner.checkIns.create(checkIn(other.keyResult.id, { value: 10 })))).toBe("allow");
  });

  it("answers NOT_FOUND for a key result that does not exist", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    await expectRejectedUnchanged(demo.db, "NOT_FOUND", () => admin.checkIns.create(checkIn(randomUUID())));
  });
});

describe("checkIns.create: closed for check-ins", () => {
  it("refuses a key result of the closed cycle with PRECONDITION_FAILED, even for its owner", async () => {
    const ceo = await callerFor(demo.db, DEMO.priya);
    const error = await expectRejectedUnchanged(demo.db, "PRECONDITION_FAILED", () =>
      ceo.checkIns.create(checkIn(krId("Mid-market deals closed"), { value: 18 })),
    );
    expect(error.message).toBe("Check-ins are open only on active objectives of an open cycle.");
  });

  it("refuses an active objective's key result once its cycle is closed", async () => {
    const org = await createOrganizationWithOkr(demo.db);
    const closed = await createCycle(demo.db, org.organization.id, {
      status: "closed",
      startsOn: "2025-01-01",
      endsOn: "2025-03-31",
    });
    const objective = await createObjective(demo.db, {
      organizationId: org.organization.id,
      cycleId: closed.id,
      ownerId: org.member.id,
    });
    const kr = await createKeyResult(demo.db, {
      organizationId: org.organization.id,
      objectiveId: objective.id,
      ownerId: org.member.id,
    });
    const caller = await callerFor(demo.db, org.member.email);
    await expectRejectedUnchanged(demo.db, "PRECONDITION_FAILED", () => caller.checkIns.create(checkIn(kr.id)));
  });

  it("refuses a draft objective's and an archived key result with PRECONDITION_FAILED", async () => {
    const lena = await callerFor(demo.db, DEMO.lena);
    await expectRejectedUnchanged(demo.db, "PRECONDITION_FAILED", () =>
      lena.checkIns.create(checkIn(krId("Engineering hires signed"), { value: 2 })),
    );

    const org = await createOrganizationWithOkr(demo.db);
    const archived = await createKeyResult(
      demo.db,
      { organizationId: org.organization.id, objectiveId: org.objective.id, ownerId: org.member.id },
      { archivedAt: new Date() },
    );
    const member = await callerFor(demo.db, org.member.email);
    await expectRejectedUnchanged(demo.db, "PRECONDITION_FAILED", () => member.checkIns.create(checkIn(archived.id)));
  });
});
