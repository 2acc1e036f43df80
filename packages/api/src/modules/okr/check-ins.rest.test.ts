import { randomUUID } from "node:crypto";
import { activityLog, and, apiTokens, checkIns, eq, keyResults, ne, sql } from "@meridian/db";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, DEMO, DEMO_TITLES, keyResultByTitle, useDemoDatabase } from "../../../test/support";
import { rest, tokenFor, tokenMadeBy } from "../../../test/support/rest";

const demo = useDemoDatabase();

interface RestCheckIn {
  id: string;
  keyResultId: string;
  value: number;
  confidence: number;
  comment: string;
  author: { id: string; name: string };
  createdAt: string;
  editedAt: string | null;
}
interface RestError {
  code: string;
  message: string;
  errors: { path: string; message: string }[];
}

/** Sam's own key result, open for check-ins. */
let webinars: string;
let writer: string;
beforeAll(async () => {
  webinars = (await keyResultByTitle(demo.db, demo.orgId, "Webinar registrations per session")).keyResult.id;
  writer = (await tokenMadeBy(demo.db, DEMO.member, ["checkins:write", "okrs:read"])).token;
});

const post = <T = RestError>(keyResultId: string, body: unknown, token: string | null = writer) =>
  rest<T>(demo.db, "POST", `/key-results/${keyResultId}/check-ins`, { token, body });

/**
 * What a check-in changes: check-in rows, key results' versions, and activity other than the audit
 * row every call through a token writes. A refused request leaves all three as they were.
 */
async function footprint() {
  const [counts] = await demo.db
    .select({
      checkIns: sql<number>`(select count(*)::int from ${checkIns} where ${checkIns.organizationId} = ${demo.orgId})`,
      versions: sql<number>`(select sum(${keyResults.version})::int from ${keyResults} where ${keyResults.organizationId} = ${demo.orgId})`,
      activity: sql<number>`(select count(*)::int from ${activityLog} where ${and(
        eq(activityLog.organizationId, demo.orgId),
        ne(activityLog.action, "api.request"),
      )})`,
    })
    .from(sql`(select 1) one`);
  if (!counts) throw new Error("no counts");
  return counts;
}

async function expectNothingWritten(attempt: () => Promise<{ status: number; body: unknown }>, status: number) {
  const before = await footprint();
  const answer = await attempt();
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body).toMatchObject({
    code: expect.any(String),
    message: expect.any(String),
    errors: expect.any(Array),
  });
  expect(await footprint()).toEqual(before);
  return answer.body as RestError;
}

describe("POST /key-results/{keyResultId}/check-ins", () => {
  it("records a check-in (201) as the app does, and a repeat of it (200) records nothing", async () => {
    const body = { value: 260, confidence: 8, comment: "Pushed by the CRM", idempotencyKey: randomUUID() };
    const before = await footprint();
    const created = await post<RestCheckIn>(webinars, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      keyResultId: webinars,
      value: 260,
      confidence: 8,
      comment: "Pushed by the CRM",
      author: { name: "Sam Rivera" },
      editedAt: null,
    });
    expect(new Date(created.body.createdAt).toISOString()).toBe(created.body.createdAt);
    const after = await footprint();
    expect(after.checkIns).toBe(before.checkIns + 1);
    expect(after.activity).toBeGreaterThan(before.activity);

    // The key result moved, as a check-in in the app moves it.
    const kr = await rest<{ currentValue: number; confidence: number; lastCheckInAt: string }>(
      demo.db,
      "GET",
      `/key-results/${webinars}`,
      { token: writer },
    );
    expect(kr.body).toMatchObject({ currentValue: 260, confidence: 8, lastCheckInAt: created.body.createdAt });

    const repeat = await post<RestCheckIn>(webinars, body);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(created.body);
    expect(await footprint()).toEqual(after);

    // The same key for another key result is a conflict, not a second check-in.
    const attendance = (await keyResultByTitle(demo.db, demo.orgId, "Attendance rate")).keyResult.id;
    const reused = await expectNothingWritten(() => post(attendance, { ...body, value: 50 }), 409);
    expect(reused.message).toContain("idempotency key");
  });

  it("lists a key result's check-ins newest first, paged without overlap", async () => {
    for (const value of [270, 280, 290]) {
      expect((await post(webinars, { value, confidence: 7, idempotencyKey: randomUUID() })).status).toBe(201);
    }
    const stored = await demo.db
      .select({ id: checkIns.id })
      .from(checkIns)
      .where(and(eq(checkIns.organizationId, demo.orgId), eq(checkIns.keyResultId, webinars)))
      .orderBy(sql`${checkIns.seq} desc`);
    const pages: RestCheckIn[][] = [];
    let cursor: string | null = null;
    do {
      const query = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page: { status: number; body: { items: RestCheckIn[]; nextCursor: string | null } } = await rest(
        demo.db,
        "GET",
        `/key-results/${webinars}/check-ins?${query}`,
        { token: writer },
      );
      expect(page.status).toBe(200);
      pages.push(page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages.flat().map((c) => c.id)).toEqual(stored.map((c) => c.id));
    expect(pages.length).toBe(Math.ceil(stored.length / 2));
    expect(pages[0]?.[0]?.value).toBe(290);
    const times = pages.flat().map((c) => c.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("refuses unknown fields and wrong types with a 400 naming the field, and writes nothing", async () => {
    const valid = () => ({ value: 300, confidence: 7, idempotencyKey: randomUUID() });
    const cases: [unknown, string][] = [
      [{ ...valid(), colour: "red" }, "colour"],
      [{ ...valid(), value: "300" }, "value"],
      [{ ...valid(), value: null }, "value"],
      [{ ...valid(), value: true }, "value"],
      [{ ...valid(), confidence: "7" }, "confidence"],
      [{ ...valid(), confidence: 11 }, "confidence"],
      [{ ...valid(), confidence: 6.5 }, "confidence"],
      [{ ...valid(), idempotencyKey: 12 }, "idempotencyKey"],
      [{ ...valid(), comment: "x".repeat(2001) }, "comment"],
      [{ ...valid(), keyResultVersion: "3" }, "keyResultVersion"],
      [{ value: 300, confidence: 7 }, "idempotencyKey"],
    ];
    for (const [body, field] of cases) {
      const refused = await expectNothingWritten(() => post(webinars, body), 400);
      expect(refused.code).toBe("BAD_REQUEST");
      expect(
        refused.errors.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(field);
    }
    const notJson = await expectNothingWritten(() => post(webinars, "{ value: 3"), 400);
    expect(notJson.message).toContain("JSON");
    const asText = await expectNothingWritten(
      () =>
        rest(demo.db, "POST", `/key-results/${webinars}/check-ins`, {
          token: writer,
          body: JSON.stringify(valid()),
          headers: { "content-type": "text/plain" },
        }),
      415,
    );
    expect(asText.message).toContain("application/json");
    // A value the key result's type does not take: a milestone is 0 or 1.
    const guide = (await keyResultByTitle(demo.db, demo.orgId, "Publish the buyer's guide")).keyResult.id;
    await expectNothingWritten(() => post(guide, { ...valid(), value: 5 }), 400);
    await expectNothingWritten(() => post("not-an-id", valid()), 400);
  });

  it("refuses a body over 1 MB with a 413 before reading it, and writes nothing", async () => {
    const huge = { value: 300, confidence: 7, idempotencyKey: randomUUID(), comment: "x".repeat(1024 * 1024 + 1) };
    const refused = await expectNothingWritten(() => post(webinars, huge), 413);
    expect(refused.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a revoked or expired token, or none, with a 401, and writes nothing", async () => {
    const body = () => ({ value: 310, confidence: 7, idempotencyKey: randomUUID() });
    const revoked = await tokenMadeBy(demo.db, DEMO.member, ["checkins:write"]);
    expect((await post(webinars, body(), revoked.token)).status).toBe(201);
    const admin = await callerFor(demo.db, DEMO.admin);
    await admin.apiTokens.revoke({ tokenId: revoked.id });
    const afterRevoke = await expectNothingWritten(() => post(webinars, body(), revoked.token), 401);
    expect(afterRevoke.message).toContain("revoked");

    const expired = await tokenMadeBy(demo.db, DEMO.member, ["checkins:write"]);
    await demo.db
      .update(apiTokens)
      .set({ expiresAt: sql`now() - interval '1 hour'` })
      .where(eq(apiTokens.id, expired.id));
    const afterExpiry = await expectNothingWritten(() => post(webinars, body(), expired.token), 401);
    expect(afterExpiry.message).toContain("expired");

    await expectNothingWritten(() => post(webinars, body(), null), 401);
    await expectNothingWritten(() => post(webinars, body(), "mrd_not-a-token"), 401);
  });

  it("refuses what the token's scope or its creator may not do with a 403, and a closed cycle with a 412", async () => {
    const body = () => ({ value: 320, confidence: 7, idempotencyKey: randomUUID() });
    const reader = (await tokenMadeBy(demo.db, DEMO.member, ["okrs:read"])).token;
    const noScope = await expectNothingWritten(() => post(webinars, body(), reader), 403);
    expect(noScope.message).toContain("checkins:write");

    // Someone else's key result: a member checks in on their own only.
    const growth = await rest<{ keyResults: { id: string; owner: { name: string } }[] }>(
      demo.db,
      "GET",
      `/objectives/${await demo.objectiveId(DEMO_TITLES.GROWTH)}`,
      { token: writer },
    );
    const notTheirs = growth.body.keyResults.find((kr) => kr.owner.name !== "Sam Rivera");
    expect(notTheirs).toBeDefined();
    await expectNothingWritten(() => post(notTheirs?.id ?? "", body()), 403);

    // A viewer's role checks in on nothing, whatever the token's scopes.
    const viewer = (await tokenMadeBy(demo.db, DEMO.viewer, ["checkins:write"])).token;
    const role = await expectNothingWritten(() => post(webinars, body(), viewer), 403);
    expect(role.message).toContain("role");

    const admin = await tokenFor(demo.db, DEMO.admin, ["checkins:write"]);
    const closed = (await keyResultByTitle(demo.db, demo.orgId, "Mid-market deals closed")).keyResult.id;
    await expectNothingWritten(() => post(closed, body(), admin), 412);
    await expectNothingWritten(() => post("3f1c2b7e-9a5d-4c1e-8b2a-6d7e8f9a0b1c", body(), admin), 404);
  });

  it("leaves the app's check-in schema strict: after a REST check-in, text or null is still no number", async () => {
    expect((await post(webinars, { value: 330, confidence: 7, idempotencyKey: randomUUID() })).status).toBe(201);
    const app = await callerFor(demo.db, DEMO.member);
    for (const value of ["330", null]) {
      await expect(
        app.checkIns.create({
          keyResultId: webinars,
          value: value as unknown as number,
          confidence: 7,
          idempotencyKey: randomUUID(),
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });
});
