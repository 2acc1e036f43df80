import { campaigns, eq } from "@meridian/db";
import { campaignRoi } from "@meridian/domain";
import { describe, expect, it } from "vitest";
import { DEMO, statementsOf, useDemoDatabase } from "../../../test/support";
import { rest, tokenFor } from "../../../test/support/rest";
import { allPages, tokenMadeBy } from "../../../test/support/rest-reads";

const demo = useDemoDatabase();

interface RestCampaign {
  id: string;
  name: string;
  channel: string;
  status: string;
  startsOn: string;
  endsOn: string;
  currency: string;
  budget: number | null;
  spend: number | null;
  revenue: number | null;
  conversions: number | null;
  figures: { roi: number | null; budgetRemaining: number | null };
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface Detail extends RestCampaign {
  results: { period: string; spend: number | null; revenue: number | null }[];
  experiments: { id: string }[];
}

const stored = () => demo.db.select().from(campaigns).where(eq(campaigns.organizationId, demo.orgId));

describe("GET /campaigns", () => {
  it("pages through every campaign, newest start first, without overlap, money in minor units", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const pages = await allPages(async (cursor) => {
      const answer = await rest<Page<RestCampaign>>(
        demo.db,
        "GET",
        `/campaigns?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        { token },
      );
      expect(answer.status).toBe(200);
      return answer.body;
    });
    const all = pages.flat();
    const rows = await stored();
    expect(pages.length).toBeGreaterThan(1);
    expect(all.map((c) => c.id).sort()).toEqual(rows.map((c) => c.id).sort());
    const starts = all.map((c) => c.startsOn);
    expect(starts).toEqual([...starts].sort().reverse());
    for (const c of all) {
      for (const amount of [c.budget, c.spend, c.revenue])
        if (amount !== null) expect(Number.isInteger(amount)).toBe(true);
      expect(c.figures.roi).toBe(campaignRoi(c.revenue, c.spend));
    }
    expect(all.some((c) => c.spend !== null && c.spend > 0)).toBe(true);
  });

  it("filters by channel, status and the window of days they run in", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const rows = await stored();
    const [sample] = rows;
    if (!sample) throw new Error("the demo has campaigns");
    const get = async (query: string) =>
      (await rest<Page<RestCampaign>>(demo.db, "GET", `/campaigns?limit=100&${query}`, { token })).body.items
        .map((c) => c.id)
        .sort();
    expect(await get(`channel=${sample.channel}`)).toEqual(
      rows
        .filter((c) => c.channel === sample.channel)
        .map((c) => c.id)
        .sort(),
    );
    expect(await get(`status=${sample.status}`)).toEqual(
      rows
        .filter((c) => c.status === sample.status)
        .map((c) => c.id)
        .sort(),
    );
    const from = sample.startsOn;
    const to = sample.startsOn;
    expect(await get(`from=${from}&to=${to}`)).toEqual(
      rows
        .filter((c) => c.startsOn <= to && c.endsOn >= from)
        .map((c) => c.id)
        .sort(),
    );
    expect(await get(`from=${sample.endsOn}`)).toEqual(
      rows
        .filter((c) => c.endsOn >= sample.endsOn)
        .map((c) => c.id)
        .sort(),
    );
    expect(await get("to=1990-01-01")).toEqual([]);
  });

  it("reads a page in a fixed number of statements, whatever its size", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const small = await statementsOf(demo.db, () => rest(demo.db, "GET", "/campaigns?limit=1", { token }));
    const large = await statementsOf(demo.db, () => rest(demo.db, "GET", "/campaigns?limit=100", { token }));
    expect(large.sent.length).toBe(small.sent.length);
  });

  it("is readable with a viewer's token, and refused without a token or the scope", async () => {
    const viewer = await tokenMadeBy(demo.db, demo.orgId, DEMO.viewer, ["marketing:read"]);
    expect((await rest(demo.db, "GET", "/campaigns", { token: viewer })).status).toBe(200);
    expect((await rest(demo.db, "GET", "/campaigns")).status).toBe(401);
    const push = await tokenFor(demo.db, DEMO.admin, ["marketing:write"]);
    const refused = await rest(demo.db, "GET", "/campaigns", { token: push });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("marketing:read") });
  });

  it("refuses bad filters with 400", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const cases: [string, string][] = [
      ["channel=fax", "channel"],
      ["from=yesterday", "from"],
      ["from=2026-06-01&to=2026-01-01", "to"],
      ["sort=name", "sort"],
      ["teamId=marketing", "teamId"],
    ];
    for (const [query, path] of cases) {
      const answer = await rest(demo.db, "GET", `/campaigns?${query}`, { token });
      expect(answer.status, query).toBe(400);
      expect(answer.body, query).toMatchObject({ code: "BAD_REQUEST", errors: [{ path }] });
    }
  });
});

describe("GET /campaigns/{campaignId}", () => {
  it("answers the campaign with its results per period, which sum to its totals", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const list = await rest<Page<RestCampaign>>(demo.db, "GET", "/campaigns?limit=100", { token });
    const withSpend = list.body.items.find((c) => c.spend !== null);
    if (!withSpend) throw new Error("the demo has a campaign with spend");
    const answer = await rest<Detail>(demo.db, "GET", `/campaigns/${withSpend.id}`, { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: withSpend.id, name: withSpend.name, spend: withSpend.spend });
    expect(answer.body.results.reduce((sum, r) => sum + (r.spend ?? 0), 0)).toBe(withSpend.spend);
    const periods = answer.body.results.map((r) => r.period);
    expect(periods).toEqual([...periods].sort());
  });

  it("is 404 for an unknown campaign and 400 for a malformed id or an unknown field", async () => {
    const token = await tokenFor(demo.db, DEMO.admin, ["marketing:read"]);
    const unknown = await rest(demo.db, "GET", "/campaigns/00000000-0000-4000-8000-000000000000", { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "NOT_FOUND", errors: [] });
    expect((await rest(demo.db, "GET", "/campaigns/spring", { token })).status).toBe(400);
    const [row] = await stored();
    const extra = await rest(demo.db, "GET", `/campaigns/${row?.id}?with=results`, { token });
    expect(extra.status).toBe(400);
  });
});
