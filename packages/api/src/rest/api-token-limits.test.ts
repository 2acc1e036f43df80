import {
  activityLog,
  and,
  apiTokens,
  asc,
  count,
  type Database,
  type DatabaseHandle,
  eq,
  kpiActuals,
  kpis,
  ne,
  openDatabase,
  rows,
  sql,
} from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import type { ApiScope } from "@meridian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, createOrganization } from "../../test/support";
import { rest, tokenFor } from "../../test/support/rest";
import { handleIngestActuals } from "../modules/integrations/actuals-endpoint";
import { handleIngestCampaignResults } from "../modules/integrations/campaign-results-endpoint";
import { handleIngestExperimentResults } from "../modules/integrations/experiments-endpoint";

/*
 * What an API token may do beyond its route's own rules, on REST (/api/v1) and the push endpoints
 * (/api/ingest/*) alike: expired and revoked tokens are refused and change nothing, a push needs its
 * scope, every call counts against one per-token rate limit kept in Postgres (so two app instances,
 * here two pools on the same database, agree), and every admitted call is one audit row.
 */

let handle: DatabaseHandle;
/** A second "instance": its own pool on the same server database (the same handle on PGlite, which has one). */
let second: DatabaseHandle | null = null;
let db: Database;
let otherDb: Database;
let orgId: string;
let admin: { id: string; email: string };

const PUSHES = {
  actuals: { handler: handleIngestActuals, path: "/api/ingest/actuals", scope: "kpis:write" },
  "campaign-results": {
    handler: handleIngestCampaignResults,
    path: "/api/ingest/campaign-results",
    scope: "marketing:write",
  },
  experiments: { handler: handleIngestExperimentResults, path: "/api/ingest/experiments", scope: "marketing:write" },
} as const;

async function push(
  on: Database,
  token: string,
  body: unknown = { actuals: [{ kpi: "Revenue", period: "2026-07", value: 1 }] },
  endpoint: keyof typeof PUSHES = "actuals",
) {
  const { handler, path } = PUSHES[endpoint];
  const response = await handler(
    new Request(`http://127.0.0.1:3000${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    on,
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** The token's id, from its secret's prefix. */
async function idOf(token: string): Promise<string> {
  const [row] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(and(eq(apiTokens.organizationId, orgId), eq(apiTokens.prefix, token.slice(4, 12))));
  if (!row) throw new Error("no such token");
  return row.id;
}

/** The token's audit rows (api.request), oldest first. */
async function auditOf(token: string) {
  return db
    .select({ actorId: activityLog.actorId, details: activityLog.details })
    .from(activityLog)
    .where(and(eq(activityLog.entityId, await idOf(token)), eq(activityLog.action, "api.request")))
    .orderBy(asc(activityLog.createdAt), asc(activityLog.id));
}

/** What a refused call must leave as it was: actuals, activity other than the audit, rate counters. */
async function written() {
  const [actuals, [activity], counters] = await Promise.all([
    db.select().from(kpiActuals).orderBy(asc(kpiActuals.id)),
    db.select({ n: count() }).from(activityLog).where(ne(activityLog.action, "api.request")),
    db.execute(sql`select token_id, window_start, count from api_rate_limits order by token_id, window_start`),
  ]);
  return { actuals, activity: activity?.n ?? 0, counters: rows(counters) };
}

async function expire(token: string) {
  await db
    .update(apiTokens)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(eq(apiTokens.id, await idOf(token)));
}

/** Waits out the end of a minute, so that a few calls fall in one rate-limit window. */
async function withinOneMinute() {
  const second = new Date().getUTCSeconds();
  if (second > 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  otherDb = db;
  if (handle.driver === "postgres" && process.env.DATABASE_URL) {
    const [row] = rows<{ name: string }>(await db.execute(sql`select current_database() as name`));
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${row?.name}`;
    second = openDatabase({ url: url.toString(), maxConnections: 2 });
    otherDb = second.db;
  }
  orgId = (await createOrganization(db)).id;
  admin = await createMember(db, orgId, "admin");
  await db.insert(kpis).values({
    organizationId: orgId,
    ownerId: admin.id,
    name: "Revenue",
    frequency: "monthly",
    goal: 100,
    redFlag: 80,
  });
});

afterAll(async () => {
  await second?.close();
  await handle?.close();
});

const tokenWith = (scopes: ApiScope[], name?: string) => tokenFor(db, admin.email, scopes, name ? { name } : {});

describe("expired and revoked tokens", () => {
  it("refuses an expired token with a 401 on REST and on a push, writing nothing", async () => {
    const token = await tokenWith(["okrs:read", "kpis:write"]);
    expect((await rest(db, "GET", "/objectives", { token })).status).toBe(200);
    await expire(token);
    const before = await written();
    const auditBefore = await auditOf(token);

    const onRest = await rest(db, "GET", "/objectives", { token });
    expect(onRest.status).toBe(401);
    expect(onRest.headers.get("www-authenticate")).toContain("Bearer");
    expect(onRest.body).toEqual({
      code: "UNAUTHORIZED",
      message: expect.stringMatching(/^This API token expired at the end of \d{4}-\d{2}-\d{2} \(UTC\)/),
      errors: [],
    });
    const pushed = await push(db, token);
    expect(pushed.status).toBe(401);
    expect(pushed.headers.get("www-authenticate")).toContain("Bearer");
    expect(pushed.body).toEqual({ error: onRest.body.message });

    expect(await written()).toEqual(before);
    expect(await auditOf(token)).toEqual(auditBefore);
  });

  it("refuses a revoked token with a 401 on REST and on a push, writing nothing", async () => {
    const token = await tokenWith(["okrs:read", "kpis:write"]);
    await db
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(eq(apiTokens.id, await idOf(token)));
    const before = await written();
    const onRest = await rest(db, "GET", "/objectives", { token });
    expect(onRest.status).toBe(401);
    expect(onRest.body).toMatchObject({ code: "UNAUTHORIZED", message: "This API token has been revoked." });
    expect(await push(db, token)).toMatchObject({ status: 401, body: { error: "This API token has been revoked." } });
    expect(await written()).toEqual(before);
    expect(await auditOf(token)).toEqual([]);
  });

  it("keeps a token that expires today working until the day ends", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const token = await tokenFor(db, admin.email, ["kpis:write"], { expiresOn: today });
    expect((await push(db, token, { actuals: [{ kpi: "Revenue", period: "2026-01", value: 3 }] })).status).toBe(200);
  });
});

describe("scopes on the push endpoints", () => {
  it("answers 403 naming the scope a push needs, writing nothing but the audit row", async () => {
    const readOnly = await tokenWith(["okrs:read", "reports:read"]);
    const marketing = await tokenWith(["marketing:write"]);
    const actualsOnly = await tokenWith(["kpis:write"]);
    const before = await written();
    for (const [endpoint, { scope }] of Object.entries(PUSHES) as [keyof typeof PUSHES, { scope: ApiScope }][]) {
      const refused = await push(db, readOnly, { anything: true }, endpoint);
      expect(refused.status, endpoint).toBe(403);
      expect(refused.body).toEqual({
        error: expect.stringContaining(`This API token lacks the scope '${scope}'`),
      });
    }
    // A token for the marketing pushes does not push actuals, and one for actuals no campaign results.
    expect((await push(db, marketing)).body.error).toContain("'kpis:write'");
    expect((await push(db, actualsOnly, { results: [] }, "campaign-results")).body.error).toContain(
      "'marketing:write'",
    );
    const after = await written();
    expect(after.actuals).toEqual(before.actuals);
    expect(after.activity).toBe(before.activity);
    expect((await auditOf(readOnly)).map((r) => [r.details.procedure, r.details.outcome])).toEqual([
      ["ingest.actuals", "FORBIDDEN"],
      ["ingest.campaign-results", "FORBIDDEN"],
      ["ingest.experiments", "FORBIDDEN"],
    ]);
  });
});

describe("the per-token rate limit", () => {
  it("answers 429 with Retry-After past the limit, counted in Postgres across instances and both APIs", async () => {
    const saved = process.env.MERIDIAN_API_RATE_LIMIT;
    process.env.MERIDIAN_API_RATE_LIMIT = "3";
    try {
      const token = await tokenWith(["okrs:read", "kpis:write"], "Limited");
      const bystander = await tokenWith(["okrs:read"], "Bystander");
      await withinOneMinute();
      // Three calls, spread over two instances and over REST and the push endpoint.
      expect((await rest(db, "GET", "/objectives", { token })).status).toBe(200);
      expect((await rest(otherDb, "GET", "/objectives", { token })).status).toBe(200);
      expect((await push(otherDb, token)).status).toBe(200);
      const before = await written();

      const limited = await rest(db, "GET", "/objectives", { token });
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.body).toEqual({
        code: "TOO_MANY_REQUESTS",
        message: `Too many requests with this API token: try again in ${retryAfter} s.`,
        errors: [],
      });
      const limitedPush = await push(otherDb, token, { actuals: [{ kpi: "Revenue", period: "2026-09", value: 9 }] });
      expect(limitedPush.status).toBe(429);
      expect(Number(limitedPush.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(limitedPush.body).toEqual({ error: expect.stringMatching(/^Too many requests with this API token/) });
      // Nothing was pushed; only the counter moved.
      const after = await written();
      expect(after.actuals).toEqual(before.actuals);
      expect(after.activity).toBe(before.activity);

      // The limit is the token's: another token of the same organization is not held back.
      expect((await rest(otherDb, "GET", "/objectives", { token: bystander })).status).toBe(200);

      // One audit row per admitted call, and one for the first refusal only: a flood does not fill the log.
      const audit = await auditOf(token);
      expect(audit.map((r) => [r.details.method, r.details.path, r.details.outcome])).toEqual([
        ["GET", "/api/v1/objectives", "OK"],
        ["GET", "/api/v1/objectives", "OK"],
        ["POST", "/api/ingest/actuals", "OK"],
        ["GET", "/api/v1/objectives", "TOO_MANY_REQUESTS"],
      ]);
      const [counter] = rows<{ count: number }>(
        await db.execute(sql`select count from api_rate_limits where token_id = ${await idOf(token)}`),
      );
      expect(counter?.count).toBe(5);
    } finally {
      if (saved === undefined) delete process.env.MERIDIAN_API_RATE_LIMIT;
      else process.env.MERIDIAN_API_RATE_LIMIT = saved;
    }
  });
});

describe("the audit log of API calls", () => {
  it("writes one api.request row per call, REST as the token's creator and pushes for the organization", async () => {
    const token = await tokenWith(["okrs:read", "kpis:write"], "Audited both");
    const tokenId = await idOf(token);
    await rest(db, "GET", "/objectives?limit=2", { token });
    await rest(db, "GET", "/objectives?colour=red", { token });
    await push(db, token, { actuals: [{ kpi: "Revenue", period: "2026-10", value: 10 }] });
    await push(db, token, { actuals: [{ kpi: "Nope", period: "2026-10", value: 10 }] });
    const audit = await auditOf(token);
    const prefix = token.slice(4, 12);
    expect(audit).toEqual([
      {
        actorId: admin.id,
        details: {
          token: prefix,
          tokenName: "Audited both",
          method: "GET",
          path: "/api/v1/objectives",
          procedure: "objectives.list",
          outcome: "OK",
        },
      },
      {
        actorId: admin.id,
        details: expect.objectContaining({ path: "/api/v1/objectives", outcome: "BAD_REQUEST" }),
      },
      {
        actorId: null,
        details: {
          token: prefix,
          tokenName: "Audited both",
          method: "POST",
          path: "/api/ingest/actuals",
          procedure: "ingest.actuals",
          outcome: "OK",
        },
      },
      { actorId: null, details: expect.objectContaining({ path: "/api/ingest/actuals", outcome: "BAD_REQUEST" }) },
    ]);
    // The secret is nowhere in the log: not as a field, not inside the request's headers.
    const text = JSON.stringify(await db.select().from(activityLog).where(eq(activityLog.entityId, tokenId)));
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.slice(4));
  });
});
