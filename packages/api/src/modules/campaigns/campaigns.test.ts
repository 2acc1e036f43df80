import { activityLog, and, apiTokens, campaignResults, campaigns, count, eq, ne } from "@meridian/db";
import type { TCampaignCreateInput } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  callerFor,
  createMember,
  createOrganization,
  createTeam,
  trpcErrorOf,
  useTestDatabase,
} from "../../../test/support";
import { generateApiToken } from "../integrations/api-token";
import { handleIngestCampaignResults } from "../integrations/campaign-results-endpoint";
import { handleCalendarFeed } from "./calendar-feed";

const database = useTestDatabase();

let orgId: string;
let otherOrgId: string;
let admin: Caller;
let manager: Caller;
let member: Caller;
let viewer: Caller;
let outsider: Caller;
let memberId: string;
let managerId: string;
let marketingId: string;
let salesId: string;

beforeAll(async () => {
  const db = database.db;
  const org = await createOrganization(db);
  orgId = org.id;
  const a = await createMember(db, orgId, "admin");
  const m = await createMember(db, orgId, "manager");
  const mem = await createMember(db, orgId, "member");
  const v = await createMember(db, orgId, "viewer");
  managerId = m.id;
  memberId = mem.id;
  marketingId = (await createTeam(db, orgId, { name: "Marketing", leads: [m.id], members: [mem.id] })).id;
  salesId = (await createTeam(db, orgId, { name: "Sales" })).id;
  const other = await createOrganization(db);
  otherOrgId = other.id;
  const o = await createMember(db, otherOrgId, "admin");
  admin = await callerFor(db, a.email);
  manager = await callerFor(db, m.email);
  member = await callerFor(db, mem.email);
  viewer = await callerFor(db, v.email);
  outsider = await callerFor(db, o.email);
});

let n = 0;
const input = (overrides: Partial<TCampaignCreateInput> = {}): TCampaignCreateInput => ({
  name: `Campaign ${++n}`,
  channel: "paid_search",
  ownerId: managerId,
  teamId: marketingId,
  startsOn: "2026-04-06",
  endsOn: "2026-04-26",
  budget: 200_000,
  currency: "EUR",
  utmSource: "Google",
  utmMedium: "CPC",
  utmCampaign: "Spring Search",
  landingUrl: "https://example.com/spring?ref=ad",
  ...overrides,
});

const rowCounts = async () => {
  const [c] = await database.db.select({ n: count() }).from(campaigns);
  const [r] = await database.db.select({ n: count() }).from(campaignResults);
  // Every call with an API token is audited (api.request): what a push wrote is the rest of the activity.
  const [a] = await database.db
    .select({ n: count() })
    .from(activityLog)
    .where(and(eq(activityLog.organizationId, orgId), ne(activityLog.action, "api.request")));
  return { campaigns: c?.n, results: r?.n, activity: a?.n };
};

describe("campaigns", () => {
  it("creates a campaign with lower-cased UTM values, its tagged link and blank figures", async () => {
    const created = await manager.campaigns.create(input());
    const page = await manager.campaigns.get({ campaignId: created.id });
    expect(page).toMatchObject({
      utmSource: "google",
      utmMedium: "cpc",
      utmCampaign: "spring-search",
      canManage: true,
    });
    expect(page.taggedLink).toBe(
      "https://example.com/spring?ref=ad&utm_source=google&utm_medium=cpc&utm_campaign=spring-search",
    );
    expect(page.figures).toEqual({
      roi: null,
      roas: null,
      costPerConversion: null,
      budgetUsed: null,
      budgetRemaining: null,
      overBudget: false,
    });
  });

  it("sums results per period into the campaign's figures; saving the same values again changes nothing", async () => {
    const { id } = await manager.campaigns.create(input());
    const values = [
      { periodStart: "2026-04-06", spend: 150_000, conversions: 30, revenue: 300_000 },
      { periodStart: "2026-04-13", spend: 110_000, conversions: 22, revenue: null },
    ];
    expect(await manager.campaigns.saveResults({ campaignId: id, currency: "EUR", values })).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      deleted: 0,
    });
    const before = await rowCounts();
    expect(await manager.campaigns.saveResults({ campaignId: id, currency: "EUR", values })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await rowCounts()).toEqual(before);
    const page = await viewer.campaigns.get({ campaignId: id });
    expect(page).toMatchObject({ spend: 260_000, conversions: 52, revenue: 300_000, canManage: false });
    // Over budget: 260,000 of 200,000; ROI (3000 − 2600) / 2600.
    expect(page.figures.overBudget).toBe(true);
    expect(page.figures.budgetRemaining).toBe(-60_000);
    expect(page.figures.roi).toBeCloseTo(400 / 2600, 12);
    expect(page.figures.costPerConversion).toBe(5_000);
  });

  it("refuses bad input with a 400 and writes nothing", async () => {
    const { id } = await manager.campaigns.create(input());
    const before = await rowCounts();
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => manager.campaigns.create(input({ endsOn: "2026-04-01" })),
        "The end date cannot be before the start date.",
      ],
      [() => manager.campaigns.create(input({ budget: -5 })), "Budget cannot be negative."],
      [
        () =>
          manager.campaigns.saveResults({
            campaignId: id,
            currency: "USD",
            values: [{ periodStart: "2026-04-06", spend: 100, conversions: null, revenue: null }],
          }),
        "budgeted in EUR, not USD",
      ],
      [
        () =>
          manager.campaigns.saveResults({
            campaignId: id,
            currency: "EUR",
            values: [{ periodStart: "2026-04-06", spend: -100, conversions: null, revenue: null }],
          }),
        "Spend cannot be negative.",
      ],
      [
        () => manager.campaigns.update({ campaignId: id, version: 1, endsOn: "2026-04-01" }),
        "end date cannot be before",
      ],
      [
        () => manager.campaigns.import({ csv: "campaign,period,currency,spend\nNope,2026-04,EUR,10\n" }),
        "nothing was imported",
      ],
    ];
    for (const [call, message] of cases) {
      const error = await trpcErrorOf(call);
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain(message);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("gives a stale edit or drag a conflict with the current record, not an overwrite", async () => {
    const { id } = await manager.campaigns.create(input());
    const moved = await manager.campaigns.move({
      campaignId: id,
      version: 1,
      startsOn: "2026-04-13",
      endsOn: "2026-05-03",
    });
    expect(moved).toMatchObject({ version: 2, startsOn: "2026-04-13" });
    const stale = await trpcErrorOf(() =>
      admin.campaigns.move({ campaignId: id, version: 1, startsOn: "2026-06-01", endsOn: "2026-06-21" }),
    );
    expect(stale.code).toBe("CONFLICT");
    const staleEdit = await trpcErrorOf(() =>
      admin.campaigns.update({ campaignId: id, version: 1, name: "Overwrite" }),
    );
    expect(staleEdit.code).toBe("CONFLICT");
    const page = await manager.campaigns.get({ campaignId: id });
    expect(page).toMatchObject({ startsOn: "2026-04-13", endsOn: "2026-05-03", version: 2 });
    expect(page.name).not.toBe("Overwrite");
  });

  it("lets members manage only their teams' campaigns, viewers none, and nobody another organization's", async () => {
    const own = await member.campaigns.create(input({ ownerId: memberId }));
    const sales = await manager.campaigns.create(input({ teamId: salesId }));
    expect((await trpcErrorOf(() => member.campaigns.create(input({ teamId: salesId })))).code).toBe("FORBIDDEN");
    expect((await trpcErrorOf(() => member.campaigns.create(input({ teamId: null })))).code).toBe("FORBIDDEN");
    expect(
      (
        await trpcErrorOf(() =>
          member.campaigns.move({ campaignId: sales.id, version: 1, startsOn: "2026-05-04", endsOn: "2026-05-10" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      await member.campaigns.move({ campaignId: own.id, version: 1, startsOn: "2026-05-04", endsOn: "2026-05-10" }),
    ).toMatchObject({ version: 2 });
    expect((await trpcErrorOf(() => viewer.campaigns.create(input()))).code).toBe("FORBIDDEN");
    expect((await trpcErrorOf(() => outsider.campaigns.get({ campaignId: own.id }))).code).toBe("NOT_FOUND");
    expect((await outsider.campaigns.list()).campaigns).toEqual([]);
  });

  it("filters the list and the calendar in SQL and pages with a cursor", async () => {
    const org = await createOrganization(database.db);
    const boss = await createMember(database.db, org.id, "admin");
    const caller = await callerFor(database.db, boss.email);
    for (let i = 0; i < 5; i++) {
      await caller.campaigns.create({
        ...input({ ownerId: boss.id, teamId: null, channel: i % 2 ? "email" : "events" }),
        startsOn: `2026-0${i + 1}-01`,
        endsOn: `2026-0${i + 1}-20`,
      });
    }
    const first = await caller.campaigns.list({ limit: 2 });
    const second = await caller.campaigns.list({ limit: 2, cursor: first.nextCursor });
    const third = await caller.campaigns.list({ limit: 2, cursor: second.nextCursor });
    expect([...first.campaigns, ...second.campaigns, ...third.campaigns].map((c) => c.startsOn)).toEqual([
      "2026-05-01",
      "2026-04-01",
      "2026-03-01",
      "2026-02-01",
      "2026-01-01",
    ]);
    expect(third.nextCursor).toBeNull();
    expect((await caller.campaigns.list({ channel: "email" })).campaigns.map((c) => c.channel)).toEqual([
      "email",
      "email",
    ]);
    const window = await caller.campaigns.calendar({ from: "2026-02-15", to: "2026-03-05" });
    expect(window.campaigns.map((c) => c.startsOn)).toEqual(["2026-02-01", "2026-03-01"]);
    expect((await trpcErrorOf(() => caller.campaigns.list({ cursor: "nonsense" }))).code).toBe("BAD_REQUEST");
  });

  it("imports a CSV of results after a preview, and the same file again changes nothing", async () => {
    const { name, id } = await manager.campaigns.create(input());
    const csv = `campaign,period,currency,spend,conversions,revenue\n${name},2026-04,EUR,1250.50,12,4000\n`;
    const preview = await manager.campaigns.previewImport({ csv });
    expect(preview.counts).toEqual({ new: 1, update: 0, unchanged: 0, error: 0 });
    expect(await manager.campaigns.import({ csv })).toMatchObject({ created: 1 });
    expect(await manager.campaigns.import({ csv })).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await manager.campaigns.get({ campaignId: id })).toMatchObject({ spend: 125_050, revenue: 400_000 });
    const wrong = await manager.campaigns.previewImport({ csv: csv.replace(",EUR,", ",USD,") });
    expect(wrong.rows[0]?.errors).toEqual([`${name} is budgeted in EUR, not USD: convert the amounts first.`]);
  });

  it("builds the marketing dashboard: spend against budget by month, ROI and ROAS by channel", async () => {
    const org = await createOrganization(database.db);
    const boss = await createMember(database.db, org.id, "admin");
    const caller = await callerFor(database.db, boss.email);
    const base = { ownerId: boss.id, teamId: null, currency: "EUR" as const };
    const search = await caller.campaigns.create({
      ...input(base),
      channel: "paid_search",
      startsOn: "2026-04-01",
      endsOn: "2026-05-31", // 61 days, 610,000 budget: 300,000 in April, 310,000 in May
      budget: 610_000,
    });
    await caller.campaigns.create({
      ...input(base),
      channel: "email",
      startsOn: "2026-06-01",
      endsOn: "2026-06-30",
      budget: null,
    });
    // Cancelled: its budget is planned no more.
    await caller.campaigns.create({
      ...input(base),
      channel: "events",
      status: "cancelled",
      startsOn: "2026-06-01",
      endsOn: "2026-06-30",
      budget: 900_000,
    });
    await caller.campaigns.saveResults({
      campaignId: search.id,
      currency: "EUR",
      values: [
        { periodStart: "2026-04-01", spend: 200_000, conversions: 10, revenue: 500_000 },
        { periodStart: "2026-05-01", spend: 100_000, conversions: null, revenue: 100_000 },
      ],
    });
    const d = await caller.campaigns.dashboard({ period: "2026-05-10" });
    expect(d.months.map((m) => [m.start, m.budget, m.spend])).toEqual([
      ["2026-04-01", 300_000, 200_000],
      ["2026-05-01", 310_000, 100_000],
      ["2026-06-01", 0, null],
    ]);
    const bySearch = d.channels.find((c) => c.channel === "paid_search");
    expect(bySearch?.figures.roas).toBe(2); // 600,000 / 300,000
    expect(bySearch?.figures.roi).toBe(1);
    const byEmail = d.channels.find((c) => c.channel === "email");
    expect(byEmail?.figures).toMatchObject({ roi: null, roas: null });
  });

  it("filters the dashboard in SQL and shows one currency at a time: the most used, or the one asked for", async () => {
    const org = await createOrganization(database.db);
    const boss = await createMember(database.db, org.id, "admin");
    const caller = await callerFor(database.db, boss.email);
    const base = { ownerId: boss.id, teamId: null, startsOn: "2026-04-01", endsOn: "2026-04-30", budget: 30_000 };
    const made = [];
    for (const [channel, currency] of [
      ["email", "EUR"],
      ["email", "USD"],
      ["events", "EUR"],
    ] as const)
      made.push(await caller.campaigns.create({ ...input({ ...base, currency }), channel }));
    for (const [i, c] of made.entries())
      await caller.campaigns.saveResults({
        campaignId: c.id,
        currency: i === 1 ? "USD" : "EUR",
        values: [{ periodStart: "2026-04-01", spend: 1_000 * (i + 1), conversions: 1, revenue: 5_000 }],
      });
    const all = await caller.campaigns.dashboard({ period: "2026-04-10" });
    expect([all.currency, all.otherCurrencyCampaigns, all.totals.spend]).toEqual(["EUR", 1, 4_000]);
    expect(all.currencies.sort()).toEqual(["EUR", "USD"]);
    const dollars = await caller.campaigns.dashboard({ period: "2026-04-10", currency: "USD" });
    expect([dollars.totals.spend, dollars.totals.budget, dollars.channels.map((c) => c.channel)]).toEqual([
      2_000,
      30_000,
      ["email"],
    ]);
    const events = await caller.campaigns.dashboard({ period: "2026-04-10", channel: "events" });
    expect([events.currency, events.otherCurrencyCampaigns, events.totals.spend]).toEqual(["EUR", 0, 3_000]);
    const nextQuarter = await caller.campaigns.dashboard({ period: "2026-07-10", channel: "email", ownerId: boss.id });
    expect([nextQuarter.totals.spend, nextQuarter.channels]).toEqual([null, []]);
  });
});

describe("pushed results and the calendar feed", () => {
  it("takes pushes with an API token, idempotently, and refuses a wrong currency writing nothing", async () => {
    const { id, name } = await manager.campaigns.create(input());
    const { token, hash, prefix } = generateApiToken();
    await database.db.insert(apiTokens).values({ organizationId: orgId, name: "Ads", prefix, tokenHash: hash });
    const push = (body: unknown) =>
      handleIngestCampaignResults(
        new Request("http://127.0.0.1/api/ingest/campaign-results", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        database.db,
      );
    const body = { results: [{ campaign: name, period: "2026-04-06", currency: "EUR", spend: 9_900, conversions: 3 }] };
    const first = await push(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(await (await push(body)).json()).toEqual({ created: 0, updated: 0, unchanged: 1 });
    const before = await rowCounts();
    const wrong = await push({ results: [{ campaign: id, period: "2026-04-13", currency: "GBP", spend: 5 }] });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain("budgeted in EUR, not GBP");
    const negative = await push({ results: [{ campaign: id, period: "2026-04-13", currency: "EUR", spend: -5 }] });
    expect(negative.status).toBe(400);
    expect(await rowCounts()).toEqual({ ...before, activity: before.activity });
    expect(await manager.campaigns.get({ campaignId: id })).toMatchObject({ spend: 9_900, conversions: 3 });
  });

  it("serves the organization's campaigns at the person's secret URL, and nothing once rotated", async () => {
    const { name } = await manager.campaigns.create(
      input({ startsOn: new Date().toISOString().slice(0, 10), endsOn: "2027-01-31" }),
    );
    const feed = await viewer.calendarFeed.rotate();
    const file = feed.path.split("/").at(-1) as string;
    const response = await handleCalendarFeed(database.db, file, "https://meridian.example");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const ics = await response.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(`SUMMARY:${name} (Paid search)`);
    expect(ics).toContain("DTEND;VALUE=DATE:20270201");
    const outsiderFeed = await outsider.calendarFeed.rotate();
    const theirs = await (
      await handleCalendarFeed(database.db, outsiderFeed.path.split("/").at(-1) as string, "https://x.example")
    ).text();
    expect(theirs).not.toContain(name);
    await viewer.calendarFeed.rotate();
    expect((await handleCalendarFeed(database.db, file, "https://meridian.example")).status).toBe(404);
    expect((await handleCalendarFeed(database.db, "mcal_guess.ics", "https://meridian.example")).status).toBe(404);
    expect(await viewer.calendarFeed.status()).toMatchObject({ exists: true });
    expect(otherOrgId).toBeTruthy();
    expect(
      (await database.db.select({ n: count() }).from(campaigns).where(eq(campaigns.organizationId, otherOrgId)))[0]?.n,
    ).toBe(0);
  });
});
