import { activityLog, and, desc, eq, isNull, kpiActuals, kpis, strategicObjectives } from "@meridian/db";
import { describe, expect, it } from "vitest";
import { DEMO, statementsOf, useDemoDatabase, userIdOf } from "../../../test/support";
import { rest, tokenFor } from "../../../test/support/rest";
import { allPages, rowCount, tokenMadeBy } from "../../../test/support/rest-reads";

const demo = useDemoDatabase();

interface RestKpi {
  id: string;
  name: string;
  kind: string;
  owner: { id: string; name: string };
  strategicObjective: { id: string; name: string } | null;
  latestActual: { period: string; value: number } | null;
  currentQuarter: { quarter: string; status: string; score: number | null };
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface KpiWithActuals {
  id: string;
  kind: string;
  frequency: string;
  window: { from: string; to: string };
  actuals: { period: string; periodEnd: string; value: number | null; source: string | null }[];
  quarters: { quarter: string; start: string; score: number | null; status: string }[];
  campaignSource: { measure: string } | null;
}

async function kpiNamed(name: string) {
  const [row] = await demo.db
    .select()
    .from(kpis)
    .where(and(eq(kpis.organizationId, demo.orgId), eq(kpis.name, name)));
  if (!row) throw new Error(`no KPI ${name}`);
  return row;
}

describe("GET /kpis", () => {
  it("pages through every live KPI alphabetically, without overlap", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const pages = await allPages(async (cursor) => {
      const answer = await rest<Page<RestKpi>>(
        demo.db,
        "GET",
        `/kpis?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { token },
      );
      expect(answer.status).toBe(200);
      return answer.body;
    });
    const live = await demo.db
      .select({ id: kpis.id })
      .from(kpis)
      .where(and(eq(kpis.organizationId, demo.orgId), isNull(kpis.archivedAt)));
    const ids = pages.flat().map((k) => k.id);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(live.map((k) => k.id)));
    const names = pages.flat().map((k) => k.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("answers each KPI with its latest actual and this quarter's score", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const answer = await rest<Page<RestKpi>>(demo.db, "GET", "/kpis?q=Annual%20recurring", { token });
    expect(answer.status).toBe(200);
    const [arr] = answer.body.items;
    expect(arr).toMatchObject({
      name: "Annual recurring revenue",
      kind: "manual",
      strategicObjective: { name: expect.any(String) },
      latestActual: { period: expect.stringMatching(/^\d{4}-\d{2}-01$/), value: expect.any(Number) },
      currentQuarter: { quarter: expect.stringMatching(/^\d{4}-Q[1-4]$/), status: expect.any(String) },
    });
  });

  it("filters by owner, kind and strategic objective in SQL", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const arr = await kpiNamed("Annual recurring revenue");
    const byOwner = await rest<Page<RestKpi>>(demo.db, "GET", `/kpis?ownerId=${arr.ownerId}&limit=100`, { token });
    expect(byOwner.body.items.length).toBeGreaterThan(0);
    expect(byOwner.body.items.every((k) => k.owner.id === arr.ownerId)).toBe(true);

    const fed = await rest<Page<RestKpi>>(demo.db, "GET", "/kpis?kind=campaigns", { token });
    expect(fed.body.items.map((k) => k.name).sort()).toEqual(["Marketing spend", "Marketing-sourced revenue"]);

    const objectiveId = arr.strategicObjectiveId ?? "";
    const byObjective = await rest<Page<RestKpi>>(demo.db, "GET", `/kpis?strategicObjectiveId=${objectiveId}`, {
      token,
    });
    expect(byObjective.body.items.map((k) => k.name)).toContain("Annual recurring revenue");
    expect(byObjective.body.items.every((k) => k.strategicObjective?.id === objectiveId)).toBe(true);

    const [objective] = await demo.db
      .select({ perspectiveId: strategicObjectives.perspectiveId })
      .from(strategicObjectives)
      .where(eq(strategicObjectives.id, objectiveId));
    const perspectiveId = objective?.perspectiveId ?? "";
    const measuring = await demo.db
      .select({ id: kpis.id })
      .from(kpis)
      .innerJoin(strategicObjectives, eq(strategicObjectives.id, kpis.strategicObjectiveId))
      .where(
        and(
          eq(kpis.organizationId, demo.orgId),
          isNull(kpis.archivedAt),
          eq(strategicObjectives.perspectiveId, perspectiveId),
        ),
      );
    const byPerspective = await rest<Page<RestKpi>>(demo.db, "GET", `/kpis?perspectiveId=${perspectiveId}&limit=100`, {
      token,
    });
    expect(byPerspective.status).toBe(200);
    expect(byPerspective.body.items.map((k) => k.id).sort()).toEqual(measuring.map((k) => k.id).sort());
    expect(measuring.length).toBeLessThan(
      (await rest<Page<RestKpi>>(demo.db, "GET", "/kpis?limit=100", { token })).body.items.length,
    );
  });

  it("reads a page, and a KPI's window, in a fixed number of statements whatever their size", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const small = await statementsOf(demo.db, () => rest(demo.db, "GET", "/kpis?limit=1", { token }));
    const large = await statementsOf(demo.db, () => rest(demo.db, "GET", "/kpis?limit=100", { token }));
    expect(large.sent.length).toBe(small.sent.length);
    const arr = await kpiNamed("Annual recurring revenue");
    const quarter = await statementsOf(demo.db, () =>
      rest(demo.db, "GET", `/kpis/${arr.id}?from=2026-04-01&to=2026-06-30`, { token }),
    );
    const years = await statementsOf(demo.db, () =>
      rest(demo.db, "GET", `/kpis/${arr.id}?from=2022-01-01&to=2026-12-31`, { token }),
    );
    expect(years.sent.length).toBe(quarter.sent.length);
  });

  it("refuses without a token (401), without the scope (403), and bad filters (400)", async () => {
    expect((await rest(demo.db, "GET", "/kpis")).status).toBe(401);
    const okrsOnly = await tokenFor(demo.db, DEMO.admin, ["okrs:read"]);
    const refused = await rest(demo.db, "GET", "/kpis", { token: okrsOnly });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("kpis:read") });

    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const unknown = await rest(demo.db, "GET", "/kpis?perspective=Financial", { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ errors: [{ path: "perspective", message: "Unknown field 'perspective'." }] });
    const wrongKind = await rest(demo.db, "GET", "/kpis?kind=magic", { token });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body).toMatchObject({ code: "BAD_REQUEST", errors: [{ path: "kind" }] });
    expect((await rest(demo.db, "GET", "/kpis?limit=1000", { token })).status).toBe(400);
    expect((await rest(demo.db, "GET", "/kpis?limit=ten", { token })).status).toBe(400);
    expect((await rest(demo.db, "GET", "/kpis?cursor=bogus", { token })).status).toBe(400);
  });
});

describe("GET /kpis/{kpiId}", () => {
  it("answers today's quarter and the seven before by default, a value (or null) per reporting period", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const arr = await kpiNamed("Annual recurring revenue");
    const answer = await rest<KpiWithActuals>(demo.db, "GET", `/kpis/${arr.id}`, { token });
    expect(answer.status).toBe(200);
    const { body } = answer;
    expect(body.quarters).toHaveLength(8);
    expect(body.window.from).toBe(body.quarters[0]?.start);
    expect(body.actuals).toHaveLength(arr.frequency === "monthly" ? 24 : 8);
    const stored = await demo.db
      .select({ periodStart: kpiActuals.periodStart, value: kpiActuals.value })
      .from(kpiActuals)
      .where(and(eq(kpiActuals.organizationId, demo.orgId), eq(kpiActuals.kpiId, arr.id)));
    const inWindow = stored.filter((a) => a.periodStart >= body.window.from && a.periodStart <= body.window.to);
    expect(inWindow.length).toBeGreaterThan(0);
    for (const a of inWindow) {
      expect(body.actuals.find((p) => p.period === a.periodStart)).toMatchObject({ value: a.value });
    }
    // Missing stays missing: a period without a row has no value, never 0.
    const missing = body.actuals.filter((p) => !stored.some((a) => a.periodStart === p.period));
    expect(missing.every((p) => p.value === null && p.source === null)).toBe(true);
  });

  it("reads only the window asked for, and refuses an unbounded or backwards one", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const arr = await kpiNamed("Annual recurring revenue");
    const narrow = await rest<KpiWithActuals>(demo.db, "GET", `/kpis/${arr.id}?from=2026-04-01&to=2026-06-30`, {
      token,
    });
    expect(narrow.status).toBe(200);
    expect(narrow.body.actuals.map((p) => p.period)).toEqual(["2026-04-01", "2026-05-01", "2026-06-01"]);
    expect(narrow.body.quarters.map((q) => q.quarter)).toEqual(["2026-Q2"]);

    const tooLong = await rest(demo.db, "GET", `/kpis/${arr.id}?from=2010-01-01&to=2026-06-30`, { token });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ errors: [{ path: "from", message: expect.stringContaining("20 quarters") }] });
    const backwards = await rest(demo.db, "GET", `/kpis/${arr.id}?from=2026-06-01&to=2026-01-01`, { token });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatchObject({ errors: [{ path: "to" }] });
    expect((await rest(demo.db, "GET", `/kpis/${arr.id}?from=June`, { token })).status).toBe(400);
  });

  it("scores a campaign-fed KPI from its campaigns and says what it sums", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const spend = await kpiNamed("Marketing spend");
    const answer = await rest<KpiWithActuals>(demo.db, "GET", `/kpis/${spend.id}`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body.campaignSource).toMatchObject({ measure: "spend" });
    expect(answer.body.actuals.some((p) => p.value !== null)).toBe(true);
  });

  it("is 404 for an unknown KPI and 400 for a malformed id", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    const unknown = await rest(demo.db, "GET", "/kpis/00000000-0000-4000-8000-000000000000", { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "NOT_FOUND", errors: [] });
    expect((await rest(demo.db, "GET", "/kpis/not-an-id", { token })).status).toBe(400);
  });
});

describe("PUT /kpis/{kpiId}/actuals", () => {
  const put = (token: string, kpiId: string, body: unknown) =>
    rest<Record<string, unknown>>(demo.db, "PUT", `/kpis/${kpiId}/actuals`, { token, body });

  it("writes the values through the app's own path, and the same values again change nothing", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:write"], { name: "Warehouse" });
    const kpi = await kpiNamed("Net promoter score");
    const periods = kpi.frequency === "monthly" ? ["2024-01-01", "2024-02-01"] : ["2024-01-01", "2024-04-01"];
    const body = { actuals: periods.map((period, i) => ({ period, value: 40 + i })) };
    const first = await put(token, kpi.id, body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, unchanged: 0, deleted: 0 });
    const again = await put(token, kpi.id, body);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 2, deleted: 0 });

    const rows = await demo.db
      .select({ periodStart: kpiActuals.periodStart, value: kpiActuals.value, source: kpiActuals.source })
      .from(kpiActuals)
      .where(and(eq(kpiActuals.organizationId, demo.orgId), eq(kpiActuals.kpiId, kpi.id)));
    expect(rows.filter((r) => periods.includes(r.periodStart))).toEqual(
      expect.arrayContaining([
        { periodStart: periods[0], value: 40, source: "api" },
        { periodStart: periods[1], value: 41, source: "api" },
      ]),
    );

    const [logged] = await demo.db
      .select({ action: activityLog.action, details: activityLog.details })
      .from(activityLog)
      .where(and(eq(activityLog.organizationId, demo.orgId), eq(activityLog.entityId, kpi.id)))
      .orderBy(desc(activityLog.createdAt))
      .limit(1);
    expect(logged).toMatchObject({
      action: "kpi.actuals.saved",
      details: { source: "api", tokenName: "Warehouse", created: 2 },
    });

    const cleared = await put(token, kpi.id, { actuals: [{ period: periods[0], value: null }] });
    expect(cleared.body).toEqual({ created: 0, updated: 0, unchanged: 0, deleted: 1 });
  });

  it("refuses a campaign-fed KPI, a bad item among good ones, and malformed bodies, writing nothing", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["kpis:write"]);
    const before = await rowCount(demo.db, "kpi_actuals", demo.orgId);
    const fed = await kpiNamed("Marketing spend");
    const refusedFed = await put(token, fed.id, { actuals: [{ period: "2026-10-01", value: 1 }] });
    expect(refusedFed.status).toBe(400);
    expect(refusedFed.body).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("summed from campaign results"),
      errors: [{ path: "actuals" }],
    });

    const kpi = await kpiNamed("Annual recurring revenue");
    const oneBad = await put(token, kpi.id, {
      actuals: [
        { period: "2023-01-01", value: 1 },
        { period: "2023-02-15", value: 2 },
      ],
    });
    expect(oneBad.status).toBe(400);
    expect(oneBad.body).toMatchObject({
      message: expect.stringContaining("2023-02-15"),
      errors: [{ path: "actuals" }],
    });

    const malformed: unknown[] = [
      { actuals: [{ period: "2023-01-01", value: "lots" }] },
      { actuals: [{ period: "2023-01-01", value: 1, note: "hi" }] },
      { actuals: [{ period: "Jan 2023", value: 1 }] },
      { actuals: [] },
      { actuals: [{ period: "2023-01-01", value: 1 }], source: "csv" },
      {},
    ];
    for (const body of malformed) {
      const answer = await put(token, kpi.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ code: "BAD_REQUEST", errors: expect.any(Array) });
    }
    const notJson = await rest(demo.db, "PUT", `/kpis/${kpi.id}/actuals`, { token, body: "{nope" });
    expect(notJson.status).toBe(400);

    const unknown = await put(token, "00000000-0000-4000-8000-000000000000", {
      actuals: [{ period: "2023-01-01", value: 1 }],
    });
    expect(unknown.status).toBe(404);
    expect(await rowCount(demo.db, "kpi_actuals", demo.orgId)).toBe(before);
  });

  it("needs kpis:write, and the creator's own right to enter the KPI's values", async () => {
    const kpi = await kpiNamed("Annual recurring revenue");
    const body = { actuals: [{ period: "2022-01-01", value: 1 }] };
    const before = await rowCount(demo.db, "kpi_actuals", demo.orgId);
    expect((await put("", kpi.id, body)).status).toBe(401);
    const reader = await tokenFor(demo.db, DEMO.admin, ["kpis:read"]);
    expect((await put(reader, kpi.id, body)).status).toBe(403);

    // A viewer's role holds no kpi.actuals.write, whatever the token's scopes say.
    const viewer = await tokenMadeBy(demo.db, demo.orgId, DEMO.viewer, ["kpis:write"]);
    const byViewer = await put(viewer, kpi.id, body);
    expect(byViewer.status).toBe(403);
    // A member enters values of the KPIs they own only.
    const memberId = await userIdOf(demo.db, DEMO.member);
    expect(kpi.ownerId).not.toBe(memberId);
    const member = await tokenMadeBy(demo.db, demo.orgId, DEMO.member, ["kpis:write"]);
    const byMember = await put(member, kpi.id, body);
    expect(byMember.status).toBe(403);
    expect(byMember.body).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("KPIs you own") });
    expect(await rowCount(demo.db, "kpi_actuals", demo.orgId)).toBe(before);
  });
});
