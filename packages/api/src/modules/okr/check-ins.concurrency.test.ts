import { randomUUID } from "node:crypto";
import { activityLog, and, checkIns, count, desc, eq } from "@meridian/db";
import { describe, expect, it } from "vitest";
import { callerFor, createOrganizationWithOkr, keyResultRow, useTestDatabase } from "../../../test/support";

// A pool wide enough that the server runs many check-ins at once (PGlite runs them one by one).
const database = useTestDatabase({ maxConnections: 24 });

const CHECK_INS = 200;
/** Every fourth request is sent twice at once: a client retrying while the first is in flight. */
const repeated = (i: number) => i % 4 === 0;

/** The key result's check-ins, newest first, by the order the history and the key result follow. */
async function historyNewestFirst(keyResultId: string) {
  return database.db
    .select({ id: checkIns.id, value: checkIns.value, confidence: checkIns.confidence, createdAt: checkIns.createdAt })
    .from(checkIns)
    .where(eq(checkIns.keyResultId, keyResultId))
    .orderBy(desc(checkIns.seq));
}

describe("checkIns.create: concurrent check-ins on one key result", () => {
  it(`keeps the key result on its newest check-in under ${CHECK_INS} at once, and writes each idempotency key once`, async () => {
    const org = await createOrganizationWithOkr(database.db);
    const keyResultId = org.keyResult.id;
    const caller = await callerFor(database.db, org.member.email);
    const inputs = Array.from({ length: CHECK_INS }, (_, i) => ({
      keyResultId,
      value: i + 1,
      confidence: i % 11,
      comment: `check-in ${i + 1}`,
      idempotencyKey: randomUUID(),
    }));
    const requests = inputs.flatMap((input, i) => (repeated(i) ? [input, input] : [input]));

    const results = await Promise.all(requests.map((input) => caller.checkIns.create(input)));

    // Each key wrote one row; its repeat answered with that row.
    expect(results.filter((r) => !r.replayed)).toHaveLength(CHECK_INS);
    const byKey = new Map<string, Set<string>>();
    for (const r of results)
      byKey.set(r.checkIn.idempotencyKey, (byKey.get(r.checkIn.idempotencyKey) ?? new Set()).add(r.checkIn.id));
    expect([...byKey.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(byKey.size).toBe(CHECK_INS);
    const stored = await database.db
      .select({ key: checkIns.idempotencyKey, n: count() })
      .from(checkIns)
      .where(and(eq(checkIns.organizationId, org.organization.id), eq(checkIns.keyResultId, keyResultId)))
      .groupBy(checkIns.idempotencyKey);
    expect(stored).toHaveLength(CHECK_INS);
    expect(stored.every((s) => s.n === 1)).toBe(true);
    const [created] = await database.db
      .select({ n: count() })
      .from(activityLog)
      .where(and(eq(activityLog.entityId, keyResultId), eq(activityLog.action, "check_in.created")));
    expect(created?.n).toBe(CHECK_INS);

    // The key result shows its newest check-in, and the objective's page agrees.
    const [newest] = await historyNewestFirst(keyResultId);
    const kr = await keyResultRow(database.db, keyResultId);
    expect({ value: kr.currentValue, confidence: kr.currentConfidence, at: kr.lastCheckInAt?.getTime() }).toEqual({
      value: newest?.value,
      confidence: newest?.confidence,
      at: newest?.createdAt.getTime(),
    });
    const admin = await callerFor(database.db, org.admin.email);
    const page = await admin.objectives.get({ objectiveId: org.objective.id });
    expect(page?.checkIns.at(-1)?.id).toBe(newest?.id);
    expect(page?.objective.keyResults[0]?.currentValue).toBe(newest?.value);

    // Deleting the newest moves the key result to the one before it, in the same order.
    const [, before] = await historyNewestFirst(keyResultId);
    await admin.checkIns.delete({ checkInId: newest?.id ?? "" });
    expect((await keyResultRow(database.db, keyResultId)).currentValue).toBe(before?.value);
  });
});
