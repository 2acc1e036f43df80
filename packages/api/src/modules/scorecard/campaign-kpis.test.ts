import { activityLog, count, eq, kpiActuals, kpis, ne } from "@meridian/db";
import {
  periodsWithin,
  quarterContaining,
  type TCampaignCreateInput,
  type TKpiCreateInput,
  todayIso,
} from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  callerFor,
  clientErrorOf,
  createCycle,
  createMember,
  createOrganization,
  outcomeOf,
  trpcErrorOf,
  useTestDatabase,
} from "../../../test/support";
import { handleIngestActuals } from "../integrations/actuals-endpoint";

// KPIs fed by the campaign calendar (ADR 0020): their values are summed from campaign results when read.
const database = useTestDatabase();

const today = todayIso();
const quarter = quarterContaining(today);
const [month1, month2, month3] = periodsWithin(quarter, "monthly");
if (!month1 || !month2 || !month3) throw new Error("a quarter has three months");

let orgId: string;
let otherOrgId: string;
let admin: Caller;
let manager: Caller;
let member: Caller;
let viewer: Caller;
let outsider: Caller;
let managerId: string;
let outsiderId: string;
let adminEmail: string;

beforeAll(async () => {
  const db = database.db;
  orgId = (await createOrganization(db)).id;
  const a = await createMember(db, orgId, "admin");
  const m = await createMember(db, orgId, "manager");
  adminEmail = a.email;
  managerId = m.id;
  admin = await callerFor(db, a.email);
  manager = await callerFor(db, m.email);
  member = await callerFor(db, (await createMember(db, orgId, "member")).email);
  viewer = await callerFor(db, (await createMember(db, orgId, "viewer")).email);
  otherOrgId = (await createOrganization(db)).id;
  const o = await createMember(db, otherOrgId, "admin");
  outsiderId = o.id;
  outsider = await callerFor(db, o.email);
});

const eqId = (id: string) => eq(kpis.id, id);

/** Row counts of KPIs, actuals and activity: equal before and after means nothing was written. */
async function writeSnapshot() {
  const [[k], [a], [l]] = await Promise.all([
    database.db.select({ n: count() }).from(kpis),
    database.db.select({ n: count() }).from(kpiActuals),
    // Every call with an API token is audited (api.request): what was written is the rest of the activity.
    database.db.select({ n: count() }).from(activityLog).where(ne(activityLog.action, "api.request")),
  ]);
  return { kpis: k?.n, actuals: a?.n, activity: l?.n };
}

let n = 0;
const campaignInput = (overrides: Partial<TCampaignCreateInput> = {}): TCampaignCreateInput => ({
  name: `Campaign ${++n}`,
  channel: "paid_search",
  ownerId: managerId,
  teamId: null,
  startsOn: month1.start,
  endsOn: month3.end,
  budget: 1_000_000,
  currency: "EUR",
  utmSource: "",
  utmMedium: "",
  utmCampaign: "",
  landingUrl: "",
  ...overrides,
});

const kpiInput = (overrides: Partial<TKpiCreateInput> = {}): TKpiCreateInput => ({
  name: `Campaign KPI ${++n}`,
  description: "",
  unit: "EUR",
  direction: "higher_is_better",
  frequency: "monthly",
  aggregation: "sum",
  goal: 1000,
  redFlag: 500,
  ownerId: managerId,
  strategicObjectiveId: null,
  weight: 1,
  kind: "campaigns",
  campaignMeasure: "spend",
  campaignChannel: null,
  currency: "EUR",
  ...overrides,
});

/** A campaign with results per period, in minor units: [periodStart, spend, conversions, revenue]. */
async function campaignWith(
  caller: Caller,
  overrides: Partial<TCampaignCreateInput>,
  results: [string, number | null, number | null, number | null][],
) {
  const campaign = await caller.campaigns.create(campaignInput(overrides));
  await caller.campaigns.saveResults({
    campaignId: campaign.id,
    currency: overrides.currency ?? "EUR",
    values: results.map(([periodStart, spend, conversions, revenue]) => ({ periodStart, spend, conversions, revenue })),
  });
  return campaign;
}

/** The KPI's value per month of the quarter, as its page shows them. */
async function monthly(caller: Caller, kpiId: string) {
  const page = await caller.kpis.get({ kpiId });
  const inQuarter = page.periods.filter((p) => p.periodStart >= quarter.start);
  return Object.fromEntries(inQuarter.map((p) => [p.periodStart, p.value]));
}

describe("KPIs fed by campaigns", () => {
  it("may be created by admins and managers, not by members, viewers or another organization", async () => {
    expect(await outcomeOf(() => admin.kpis.create(kpiInput({ ownerId: managerId })))).toBe("allow");
    expect(await outcomeOf(() => manager.kpis.create(kpiInput()))).toBe("allow");
    expect(await outcomeOf(() => member.kpis.create(kpiInput()))).toBe("FORBIDDEN");
    expect(await outcomeOf(() => viewer.kpis.create(kpiInput()))).toBe("FORBIDDEN");
    // The outsider's own organization does not hold the manager, so the owner is refused there.
    expect(await outcomeOf(() => outsider.kpis.create(kpiInput({ ownerId: managerId })))).not.toBe("allow");
  });

  it("refuses a source that does not add up, and changes nothing", async () => {
    const before = await writeSnapshot();
    const cases: [Partial<TKpiCreateInput>, string][] = [
      [{ campaignMeasure: null }, "campaignMeasure"],
      [{ currency: null }, "currency"],
      [{ campaignMeasure: "conversions", currency: "EUR" }, "currency"],
      [{ aggregation: "average" }, "aggregation"],
      [{ kind: "manual" }, "campaignMeasure"],
      [{ kind: "manual", campaignMeasure: null, campaignChannel: "email", currency: null }, "campaignChannel"],
      [{ currency: "XYZ" as "EUR" }, "currency"],
      [{ campaignChannel: "radio" as "email" }, "campaignChannel"],
    ];
    for (const [overrides, path] of cases) {
      const error = await trpcErrorOf(() => manager.kpis.create(kpiInput(overrides)));
      expect(error.code, JSON.stringify(overrides)).toBe("BAD_REQUEST");
      expect(clientErrorOf(error, path), JSON.stringify(overrides)).toBeTruthy();
    }
    expect(await writeSnapshot()).toEqual(before);
  });

  it("sums the results of each month, in the KPI's currency only, in major units; blank stays blank", async () => {
    const spend = await manager.kpis.create(kpiInput({ name: "Spend EUR" }));
    const conversions = await manager.kpis.create(
      kpiInput({ name: "Conversions", unit: "conversions", campaignMeasure: "conversions", currency: null }),
    );
    await campaignWith(manager, {}, [
      [month1.start, 150_000, 30, 300_000],
      [month2.start, 110_050, 22, null],
    ]);
    await campaignWith(manager, { channel: "email" }, [
      [month1.start, 20_000, 5, 90_000],
      [month2.start, null, null, null],
    ]);
    // Another currency: left out of the EUR sums, never converted; its conversions still count.
    await campaignWith(manager, { currency: "USD" }, [[month1.start, 999_999, 7, 999_999]]);

    expect(await monthly(viewer, spend.id)).toEqual({
      [month1.start]: 1700,
      [month2.start]: 1100.5,
      [month3.start]: null,
    });
    expect(await monthly(viewer, conversions.id)).toEqual({
      [month1.start]: 42,
      [month2.start]: 22,
      [month3.start]: null,
    });

    // kpis.list and the KPI page's quarter agree: the quarter's sum.
    const { kpis: listed } = await viewer.kpis.list({ kind: "campaigns", limit: 100 });
    const row = listed.find((k) => k.id === spend.id);
    expect(row).toMatchObject({
      actual: 2800.5,
      campaignSource: { measure: "spend", channel: null, currency: "EUR" },
      kind: "campaigns",
    });
    expect(row?.latestActual).toEqual({ periodStart: month2.start, value: 1100.5 });
    const page = await viewer.kpis.get({ kpiId: spend.id });
    expect(page.current?.actual).toBe(2800.5);
    expect(page.canEnterActuals).toBe(false);
    // Unlinked KPIs on the scorecard read the same sums.
    const unlinked = await viewer.scorecard.kpis({ strategicObjectiveId: null });
    expect(unlinked.kpis.find((k) => k.id === spend.id)?.actual).toBe(2800.5);
  });

  it("limits the sum to one channel when it names one, and to whole weeks for a weekly KPI", async () => {
    const emailOnly = await manager.kpis.create(
      kpiInput({ name: "Email revenue", campaignMeasure: "revenue", campaignChannel: "email" }),
    );
    const weekly = await manager.kpis.create(
      kpiInput({ name: "Weekly spend", frequency: "weekly", campaignChannel: "events" }),
    );
    // 2 days of one week, in the quarter's first full week.
    const [, week] = periodsWithin(quarter, "weekly");
    if (!week) throw new Error("a quarter has weeks");
    const monday = week.start;
    const wednesday = new Date(Date.parse(`${monday}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
    await campaignWith(manager, { channel: "events" }, [
      [monday, 10_000, null, null],
      [wednesday, 5_000, null, null],
    ]);
    const page = await viewer.kpis.get({ kpiId: weekly.id });
    expect(page.periods.find((p) => p.periodStart === monday)?.value).toBe(150);
    expect(page.periods.filter((p) => p.value !== null)).toHaveLength(1);
    // Only the email campaigns' revenue (900 EUR from the test before), not paid search's.
    expect((await viewer.kpis.get({ kpiId: emailOnly.id })).current?.actual).toBe(900);
  });

  it("moves when a campaign's result is changed, and drops a period whose results are cleared", async () => {
    const kpi = await manager.kpis.create(kpiInput({ name: "Affiliate spend", campaignChannel: "partnerships" }));
    const campaign = await campaignWith(manager, { channel: "partnerships" }, [[month1.start, 40_000, null, null]]);
    expect((await monthly(viewer, kpi.id))[month1.start]).toBe(400);
    await manager.campaigns.saveResults({
      campaignId: campaign.id,
      currency: "EUR",
      values: [{ periodStart: month1.start, spend: 65_000, conversions: null, revenue: null }],
    });
    expect((await monthly(viewer, kpi.id))[month1.start]).toBe(650);
    await manager.campaigns.saveResults({
      campaignId: campaign.id,
      currency: "EUR",
      values: [{ periodStart: month1.start, spend: null, conversions: null, revenue: null }],
    });
    expect((await monthly(viewer, kpi.id))[month1.start]).toBeNull();
  });

  it("feeds a computed ROI: (Σ revenue − Σ spend) ÷ Σ spend over the quarter", async () => {
    const revenue = await manager.kpis.create(
      kpiInput({ name: "Content revenue", campaignMeasure: "revenue", campaignChannel: "content" }),
    );
    const spend = await manager.kpis.create(kpiInput({ name: "Content spend", campaignChannel: "content" }));
    const roi = await manager.kpis.create({
      ...kpiInput({ name: "Content ROI", unit: "%", goal: 2, redFlag: 1 }),
      kind: "roi",
      campaignMeasure: null,
      currency: null,
      inputAId: revenue.id,
      inputBId: spend.id,
    });
    await campaignWith(manager, { channel: "content" }, [
      [month1.start, 100_000, null, 250_000],
      [month2.start, 100_000, null, 350_000],
    ]);
    const page = await viewer.kpis.get({ kpiId: roi.id });
    expect(page.current?.actual).toBeCloseTo((6000 - 2000) / 2000);
    expect(page.inputs.a?.name).toBe("Content revenue");
  });

  it("refuses values entered by hand, by CSV or pushed, with a 4xx that says why, and writes nothing", async () => {
    const kpi = await manager.kpis.create(kpiInput({ name: "Ledger spend" }));
    const { token } = await (await callerFor(database.db, adminEmail)).apiTokens.create({
      name: "Warehouse",
      scopes: ["kpis:write", "marketing:write"],
    });
    const before = await writeSnapshot();
    const error = await trpcErrorOf(() =>
      manager.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: month1.start, value: 5 }] }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/summed from campaign results/);

    const preview = await manager.kpiActuals.previewImport({
      csv: `kpi,period,value\nLedger spend,${month1.start.slice(0, 7)},5\n`,
    });
    expect(preview.rows[0]?.errors.join(" ")).toMatch(/summed from campaign results/);
    expect(
      await outcomeOf(() =>
        manager.kpiActuals.import({ csv: `kpi,period,value\nLedger spend,${month1.start.slice(0, 7)},5\n` }),
      ),
    ).toBe("BAD_REQUEST");

    const response = await handleIngestActuals(
      new Request("http://127.0.0.1:3000/api/ingest/actuals", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ actuals: [{ kpi: "Ledger spend", period: month1.start.slice(0, 7), value: 5 }] }),
      }),
      database.db,
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(JSON.stringify(await response.json())).toMatch(/summed from campaign results/);
    expect(await writeSnapshot()).toEqual(before);
    const stored = await database.db.select().from(kpiActuals).where(eq(kpiActuals.kpiId, kpi.id));
    expect(stored).toEqual([]);
  });

  it("switches an entered KPI to campaigns and back; its entered values are kept but not read while fed", async () => {
    const kpi = await manager.kpis.create(
      kpiInput({ name: "Switching", kind: "manual", campaignMeasure: null, currency: null }),
    );
    await manager.kpiActuals.save({ kpiId: kpi.id, values: [{ periodStart: month1.start, value: 12345 }] });
    const fed = await manager.kpis.update({
      kpiId: kpi.id,
      version: 1,
      kind: "campaigns",
      campaignMeasure: "spend",
      campaignChannel: "other",
      currency: "EUR",
    });
    expect((await monthly(viewer, kpi.id))[month1.start]).toBeNull();
    // Naming a measure without the kind is refused; a conversions measure drops the currency.
    expect(
      (await trpcErrorOf(() => manager.kpis.update({ kpiId: kpi.id, version: fed.version, aggregation: "last" }))).code,
    ).toBe("BAD_REQUEST");
    const counted = await manager.kpis.update({ kpiId: kpi.id, version: fed.version, campaignMeasure: "conversions" });
    const [row] = await database.db.select().from(kpis).where(eqId(kpi.id));
    expect(row).toMatchObject({ campaignMeasure: "conversions", currency: null, campaignChannel: "other" });
    await manager.kpis.update({ kpiId: kpi.id, version: counted.version, kind: "manual" });
    const [back] = await database.db.select().from(kpis).where(eqId(kpi.id));
    expect(back).toMatchObject({ kind: "manual", campaignMeasure: null, currency: null, campaignChannel: null });
    expect((await monthly(viewer, kpi.id))[month1.start]).toBe(12345);
  });

  it("sums nothing across organizations, and another organization's KPI does not exist", async () => {
    const mine = await manager.kpis.create(kpiInput({ name: "Org spend", campaignChannel: "organic_social" }));
    const theirs = await outsider.kpis.create(
      kpiInput({ name: "Org spend", ownerId: outsiderId, campaignChannel: "organic_social" }),
    );
    await campaignWith(manager, { channel: "organic_social" }, [[month1.start, 30_000, null, null]]);
    await campaignWith(outsider, { channel: "organic_social", ownerId: outsiderId }, [
      [month1.start, 70_000, null, null],
    ]);
    expect((await monthly(viewer, mine.id))[month1.start]).toBe(300);
    expect((await monthly(outsider, theirs.id))[month1.start]).toBe(700);
    expect(await outcomeOf(() => outsider.kpis.get({ kpiId: mine.id }))).toBe("NOT_FOUND");
  });

  it("freezes the campaign sums in a review snapshot like any KPI's actual", async () => {
    const kpi = await manager.kpis.create(kpiInput({ name: "Snapshot spend", campaignChannel: "other" }));
    await campaignWith(manager, { channel: "other" }, [[month1.start, 12_300, null, null]]);
    const cycle = await createCycle(database.db, orgId, {
      name: "This quarter",
      startsOn: quarter.start,
      endsOn: quarter.end,
      status: "open",
    });
    const { id } = await manager.reviews.open({ cycleId: cycle.id });
    const review = await manager.reviews.get({ reviewId: id });
    const snapshotKpi = review.snapshot.scorecard.unlinkedKpis.find((k) => k.id === kpi.id);
    expect(snapshotKpi?.actual).toBe(123);
  });
});
