import {
  activityLog,
  apiTokens,
  asc,
  count,
  type Database,
  type DatabaseHandle,
  desc,
  eq,
  kpiActuals,
  kpis,
  ne,
} from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createMember, createOrganization } from "../../../test/support";
import { handleIngestActuals, MAX_INGEST_BODY_BYTES } from "./actuals-endpoint";

const URL = "http://127.0.0.1:3000/api/ingest/actuals";

let handle: DatabaseHandle;
let db: Database;
let orgId: string;
let token: string;
let tokenId: string;
let foreignKpiId: string;
let adminEmail: string;

async function createKpi(
  organizationId: string,
  ownerId: string,
  name: string,
  extra: Partial<typeof kpis.$inferInsert> = {},
) {
  const [row] = await db
    .insert(kpis)
    .values({ organizationId, ownerId, name, frequency: "monthly", goal: 100, redFlag: 80, ...extra })
    .returning({ id: kpis.id });
  if (!row) throw new Error("KPI was not created");
  return row.id;
}

function push(body: unknown, init: { token?: string | null; contentType?: string; method?: string } = {}) {
  const headers = new Headers();
  const secret = init.token === undefined ? token : init.token;
  if (secret !== null) headers.set("authorization", `Bearer ${secret}`);
  headers.set("content-type", init.contentType ?? "application/json");
  const method = init.method ?? "POST";
  return handleIngestActuals(
    new Request(URL, {
      method,
      headers,
      body: method === "GET" ? null : typeof body === "string" ? body : JSON.stringify(body),
    }),
    db,
  );
}

async function answer(response: Promise<Response>) {
  const r = await response;
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** Every actual in the database and the activity count: equal before and after means nothing was written. */
async function snapshot() {
  const [rows, [activity]] = await Promise.all([
    db.select().from(kpiActuals).orderBy(asc(kpiActuals.kpiId), asc(kpiActuals.periodStart)),
    // Every call with a live token is audited (api.request): what was written is the rest.
    db.select({ n: count() }).from(activityLog).where(ne(activityLog.action, "api.request")),
  ]);
  return { rows, activity: activity?.n ?? 0 };
}

const GOOD = {
  actuals: [
    { kpi: "Revenue", period: "2026-07", value: 125000 },
    { kpi: "revenue", period: "2026-08-01", value: 131500.5 },
    { kpi: "Net promoter score", period: "2026-Q3", value: 42 },
  ],
};

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  orgId = (await createOrganization(db)).id;
  const admin = await createMember(db, orgId, "admin");
  adminEmail = admin.email;
  await createKpi(orgId, admin.id, "Revenue");
  await createKpi(orgId, admin.id, "Net promoter score", { frequency: "quarterly" });
  const created = await (await callerFor(db, admin.email)).apiTokens.create({
    name: "Warehouse",
    scopes: ["kpis:write", "marketing:write"],
  });
  token = created.token;
  tokenId = created.id;

  const other = await createOrganization(db);
  const otherAdmin = await createMember(db, other.id, "admin");
  foreignKpiId = await createKpi(other.id, otherAdmin.id, "Churn");
});

afterAll(async () => {
  await handle?.close();
});

describe("handleIngestActuals: who may push", () => {
  it("answers 401 without a token, with a malformed one and with an unknown one, writing nothing", async () => {
    const before = await snapshot();
    const missing = await answer(push(GOOD, { token: null }));
    expect(missing).toEqual({
      status: 401,
      body: { error: "Send an API token in the header 'Authorization: Bearer mrd_…'." },
    });
    expect((await push(GOOD, { token: null })).headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await answer(push(GOOD, { token: "not-a-token" }))).status).toBe(401);
    const wrong = await answer(push(GOOD, { token: `mrd_${"A".repeat(43)}` }));
    expect(wrong).toEqual({ status: 401, body: { error: "This API token is not valid." } });
    // A token's prefix or hash is not the token.
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect((await answer(push(GOOD, { token: row?.tokenHash ?? "" }))).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 401 for a revoked token", async () => {
    const admin = await callerFor(db, adminEmail);
    const doomed = await admin.apiTokens.create({ name: "Doomed", scopes: ["kpis:write", "marketing:write"] });
    expect(
      (await answer(push({ actuals: [{ kpi: "Revenue", period: "2020-01", value: 1 }] }, { token: doomed.token })))
        .status,
    ).toBe(200);
    await admin.apiTokens.revoke({ tokenId: doomed.id });
    const before = await snapshot();
    const revoked = await answer(
      push({ actuals: [{ kpi: "Revenue", period: "2020-02", value: 1 }] }, { token: doomed.token }),
    );
    expect(revoked).toEqual({ status: 401, body: { error: "This API token has been revoked." } });
    expect(await snapshot()).toEqual(before);
  });

  it("takes only POST with a JSON body of at most 1 MB", async () => {
    const get = await push(undefined, { method: "GET" });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await answer(push("kpi,period,value", { contentType: "text/csv" }))).body.error).toBe(
      "Send the body as JSON, with the header 'Content-Type: application/json'.",
    );
    expect(await answer(push("{", { contentType: "application/json; charset=utf-8" }))).toStrictEqual({
      status: 400,
      body: { error: "The body is not valid JSON." },
    });
    const huge = JSON.stringify({ actuals: [{ kpi: "x".repeat(MAX_INGEST_BODY_BYTES), period: "2026-07", value: 1 }] });
    expect((await answer(push(huge))).status).toBe(413);
  });
});

describe("handleIngestActuals: what is pushed", () => {
  it("refuses a payload of the wrong shape, naming each problem by path", async () => {
    const before = await snapshot();
    const empty = await answer(push({ actuals: [] }));
    expect(empty).toEqual({
      status: 400,
      body: {
        error: "actuals: Send at least one actual.",
        errors: [{ path: "actuals", message: "Send at least one actual." }],
      },
    });
    const wrong = await answer(
      push({
        actuals: [
          { kpi: "Revenue", period: "2026-07", value: "12" },
          { kpi: "Revenue", period: "2026-08" },
        ],
      }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { path: "actuals.0.value", message: "Value must be a number." },
      { path: "actuals.1.value", message: "Value must be a number." },
    ]);
    expect((await answer(push([1, 2]))).status).toBe(400);
    expect((await answer(push({ actuals: Array.from({ length: 1001 }, () => GOOD.actuals[0]) }))).body.errors).toEqual([
      { path: "actuals", message: "Send at most 1000 actuals per request." },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the whole push when one item is wrong, including another organization's KPI", async () => {
    const before = await snapshot();
    const refused = await answer(
      push({
        actuals: [
          { kpi: "Revenue", period: "2026-01", value: 1 },
          { kpi: foreignKpiId, period: "2026-01", value: 2 },
          { kpi: "Churn", period: "2026-01", value: 3 },
          { kpi: "Revenue", period: "January", value: 4 },
          { kpi: "Revenue", period: "2026-01-15", value: 5 },
        ],
      }),
    );
    expect(refused).toEqual({
      status: 400,
      body: {
        error: "4 of 5 actuals have errors, so nothing was written. Fix them and push again.",
        errors: [
          { path: "actuals.1", message: `No KPI has the id ${foreignKpiId}.` },
          { path: "actuals.2", message: 'No KPI is named "Churn".' },
          {
            path: "actuals.3",
            message:
              'Cannot read the period "January": use a date (2026-07-01), a month (2026-07) or a quarter (2026-Q3).',
          },
          { path: "actuals.4", message: "Revenue for Jan 2026 is already given on item 0." },
        ],
      },
    });
    expect(await snapshot()).toEqual(before);
    const [foreignActuals] = await db.select({ n: count() }).from(kpiActuals).where(eq(kpiActuals.kpiId, foreignKpiId));
    expect(foreignActuals?.n).toBe(0);
  });

  it("writes a valid push, and a repeat of it changes nothing", async () => {
    const before = await snapshot();
    const first = await answer(push(GOOD));
    expect(first).toEqual({ status: 200, body: { created: 3, updated: 0, unchanged: 0 } });
    const after = await snapshot();
    const pushed = after.rows.filter((r) => r.organizationId === orgId && r.periodStart >= "2026-07-01");
    expect(pushed.map((r) => [r.periodStart, r.value, r.source, r.updatedById])).toEqual(
      expect.arrayContaining([
        ["2026-07-01", 125000, "api", null],
        ["2026-08-01", 131500.5, "api", null],
        ["2026-07-01", 42, "api", null],
      ]),
    );
    expect(pushed).toHaveLength(3);
    expect(after.activity).toBe(before.activity + 1);
    const [activity] = await db
      .select()
      .from(activityLog)
      .where(eq(activityLog.action, "kpi.actuals.pushed"))
      .orderBy(desc(activityLog.createdAt))
      .limit(1);
    const [tokenRow] = await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(activity).toMatchObject({
      organizationId: orgId,
      actorId: null,
      entityType: "kpi",
      details: { token: tokenRow?.prefix, tokenName: "Warehouse", source: "api", created: 3 },
    });
    expect(JSON.stringify(activity)).not.toContain(token);
    expect(tokenRow?.lastUsedAt).toBeInstanceOf(Date);

    const repeat = await answer(push(GOOD));
    expect(repeat).toEqual({ status: 200, body: { created: 0, updated: 0, unchanged: 3 } });
    expect(await snapshot()).toEqual(after);

    const changed = await answer(push({ actuals: [{ kpi: "Revenue", period: "2026-07-31", value: 126000 }] }));
    expect(changed).toEqual({ status: 200, body: { created: 0, updated: 1, unchanged: 0 } });
  });
});
