import { eq, kpiActuals, kpis, kpiTargets, objectives } from "@meridian/db";
import { quarterContaining } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anonymousCaller,
  createCycle,
  createObjective,
  createStrategicObjective,
  trpcErrorOf,
  useStrategyDatabase,
} from "../../../test/support";

/**
 * A small scorecard with numbers worked by hand, scored for Q3 2025:
 *
 * Financial (weight 1)
 *   Grow revenue (weight 2): Revenue 90 (goal 100, red flag 80) → 5.0
 *                            Bookings 100 (goal 100, red flag 80) → 6.667
 *                            Pipeline, no data in Q3 → no data, left out
 *                            → (5.0 + 6.667) / 2 = 5.833
 *   Convert visitors (weight 1): conversion rate = Σ trials ÷ Σ visitors
 *                            = (10 + 60 + 10) ÷ (1000 + 2000 + 1000) = 0.02 (goal 0.02, red flag 0.01) → 6.667
 *                            (the mean of the monthly rates, 0.0167, would score 5.56)
 *   → (2 × 5.833 + 1 × 6.667) / 3 = 6.111
 * Customer (weight 1)
 *   Keep customers: NPS 70, goal 100 / red flag 80 by default (→ 1.667), but Q3 overrides to 75 / 65 → 5.0
 *                   Churn 2.5 %, lower is better, goal 2 / red flag 4 → 10·(2.5 − 6)/(−6) = 5.833
 *   → 5.417
 * Internal Process: no objectives → no data, left out.
 * Learning & Growth: an objective whose only KPI has no data → no data, left out.
 * Scorecard → (6.111 + 5.417) / 2 = 5.764
 */
const Q3 = "2025-07-01";
const Q2 = "2025-04-01";
const Q4 = "2025-10-01";

const live = useStrategyDatabase();
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = live.db;
  const [financial, customer, , learning] = live.org.perspectives;
  if (!financial || !customer || !learning) throw new Error("default perspectives");

  const revenue = await createStrategicObjective(db, live.org, {
    perspectiveId: financial.id,
    name: "Grow revenue",
    weight: 2,
  });
  const convert = await createStrategicObjective(db, live.org, {
    perspectiveId: financial.id,
    name: "Convert visitors",
  });
  const keep = await createStrategicObjective(db, live.org, {
    perspectiveId: customer.id,
    name: "Keep customers",
    ownerId: live.org.manager.id,
  });
  const learn = await createStrategicObjective(db, live.org, { perspectiveId: learning.id, name: "Learn" });
  Object.assign(ids, { revenue: revenue.id, convert: convert.id, keep: keep.id, learn: learn.id });

  const kpi = async (values: Partial<typeof kpis.$inferInsert> & { name: string }) => {
    const [row] = await db
      .insert(kpis)
      .values({
        organizationId: live.org.organization.id,
        goal: 100,
        redFlag: 80,
        ownerId: live.org.manager.id,
        frequency: "quarterly",
        aggregation: "last",
        ...values,
      })
      .returning();
    if (!row) throw new Error("kpi");
    ids[values.name] = row.id;
    return row;
  };
  const actuals = (kpiId: string, values: Record<string, number>) =>
    db.insert(kpiActuals).values(
      Object.entries(values).map(([periodStart, value]) => ({
        organizationId: live.org.organization.id,
        kpiId,
        periodStart,
        value,
      })),
    );

  const rev = await kpi({ name: "Revenue", strategicObjectiveId: revenue.id, unit: "k USD" });
  await actuals(rev.id, { [Q2]: 80, [Q3]: 90, [Q4]: 100 });
  const bookings = await kpi({ name: "Bookings", strategicObjectiveId: revenue.id });
  await actuals(bookings.id, { [Q3]: 100 });
  const pipeline = await kpi({ name: "Pipeline", strategicObjectiveId: revenue.id });
  await actuals(pipeline.id, { [Q2]: 95 });

  const monthly = { frequency: "monthly", aggregation: "sum" } as const;
  const visitors = await kpi({ name: "Visitors", ...monthly, goal: 4000, redFlag: 3000 });
  await actuals(visitors.id, { "2025-07-01": 1000, "2025-08-01": 2000, "2025-09-01": 1000 });
  const trials = await kpi({ name: "Trials", ...monthly, goal: 80, redFlag: 60 });
  await actuals(trials.id, { "2025-07-01": 10, "2025-08-01": 60, "2025-09-01": 10 });
  await kpi({
    name: "Conversion rate",
    ...monthly,
    unit: "%",
    kind: "ratio",
    inputAId: trials.id,
    inputBId: visitors.id,
    goal: 0.02,
    redFlag: 0.01,
    strategicObjectiveId: convert.id,
  });

  const nps = await kpi({ name: "NPS", strategicObjectiveId: keep.id, unit: "points" });
  await actuals(nps.id, { [Q3]: 70 });
  await db.insert(kpiTargets).values({
    organizationId: live.org.organization.id,
    kpiId: nps.id,
    periodStart: Q3,
    goal: 75,
    redFlag: 65,
  });
  const churn = await kpi({
    name: "Churn",
    strategicObjectiveId: keep.id,
    unit: "%",
    direction: "lower_is_better",
    frequency: "monthly",
    aggregation: "average",
    goal: 2,
    redFlag: 4,
    ownerId: live.org.member.id,
  });
  await actuals(churn.id, { "2025-07-01": 2, "2025-08-01": 3 });
  const engagement = await kpi({ name: "Engagement", strategicObjectiveId: learn.id });
  await actuals(engagement.id, { [Q4]: 100 });

  // OKR objectives aligned to "Keep customers": two public live ones count; an archived one, a draft
  // and a private one do not (the count is the same for every viewer and hints at nothing hidden).
  const cycle = await createCycle(db, live.org.organization.id);
  const aligned = [
    { status: "active" },
    { status: "active" },
    { status: "archived" },
    { status: "draft" },
    { status: "active", visibility: "private" },
  ] as const;
  for (const overrides of aligned) {
    const o = await createObjective(
      db,
      { organizationId: live.org.organization.id, cycleId: cycle.id, ownerId: live.org.manager.id },
      overrides,
    );
    await db.update(objectives).set({ strategicObjectiveId: keep.id }).where(eq(objectives.id, o.id));
  }

  // Another organization, with data of its own that must never show up.
  const [otherBand] = live.other.perspectives;
  const secret = await createStrategicObjective(db, live.other, { perspectiveId: otherBand?.id, name: "Secret plan" });
  const [secretKpi] = await db
    .insert(kpis)
    .values({
      organizationId: live.other.organization.id,
      name: "Secret KPI",
      goal: 10,
      redFlag: 5,
      ownerId: live.other.admin.id,
      strategicObjectiveId: secret.id,
      frequency: "quarterly",
      aggregation: "last",
    })
    .returning();
  if (!secretKpi) throw new Error("secret kpi");
  await db
    .insert(kpiActuals)
    .values({ organizationId: live.other.organization.id, kpiId: secretKpi.id, periodStart: Q3, value: 1 });
});

/**
 * The tree as a reader sees it with every row opened: the lean tree, and each strategic
 * objective's KPIs (and the unlinked ones) from scorecard.kpis, which must match its count.
 */
async function treeFor(period?: string, role: "admin" | "manager" | "member" | "viewer" = "viewer") {
  const caller = await live.org.as(role);
  const input = period ? { period } : {};
  const tree = await caller.scorecard.tree(input);
  const kpisOf = async (strategicObjectiveId: string | null) =>
    (await caller.scorecard.kpis({ strategicObjectiveId, ...input })).kpis;
  const perspectives = await Promise.all(
    tree.perspectives.map(async (p) => ({
      ...p,
      objectives: await Promise.all(
        p.objectives.map(async (o) => {
          const kpis = await kpisOf(o.id);
          expect(kpis).toHaveLength(o.kpiCount);
          return { ...o, kpis };
        }),
      ),
    })),
  );
  const unlinkedKpis = await kpisOf(null);
  expect(unlinkedKpis).toHaveLength(tree.unlinkedKpiCount);
  return { ...tree, perspectives, unlinkedKpis };
}

type Tree = Awaited<ReturnType<typeof treeFor>>;
function perspective(tree: Tree, name: string) {
  const p = tree.perspectives.find((x) => x.name === name);
  if (!p) throw new Error(`no perspective ${name}`);
  return p;
}
function objective(tree: Tree, name: string) {
  const o = tree.perspectives.flatMap((p) => p.objectives).find((x) => x.name === name);
  if (!o) throw new Error(`no objective ${name}`);
  return o;
}
function kpiNode(tree: Tree, name: string) {
  const all = [...tree.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)), ...tree.unlinkedKpis];
  const k = all.find((x) => x.name === name);
  if (!k) throw new Error(`no KPI ${name}`);
  return k;
}

describe("scorecard.tree", () => {
  it("scores KPIs by the goal / red-flag method in both directions", async () => {
    const tree = await treeFor("2025-08-15");
    expect(kpiNode(tree, "Revenue")).toMatchObject({
      actual: 90,
      goal: 100,
      redFlag: 80,
      status: "amber",
      unit: "k USD",
    });
    expect(kpiNode(tree, "Revenue").score).toBeCloseTo(5, 10);
    expect(kpiNode(tree, "Bookings").score).toBeCloseTo(20 / 3, 10);
    expect(kpiNode(tree, "Bookings").status).toBe("green");
    const churn = kpiNode(tree, "Churn");
    expect(churn).toMatchObject({ actual: 2.5, direction: "lower_is_better", status: "amber" });
    expect(churn.score).toBeCloseTo(35 / 6, 10);
    expect(churn.owner.name).toBe(live.org.member.name);
  });

  it("leaves a KPI without data out of the averages and shows it as no data, never zero", async () => {
    const tree = await treeFor(Q3);
    expect(kpiNode(tree, "Pipeline")).toMatchObject({ actual: null, score: null, status: "no_data" });
    expect(objective(tree, "Grow revenue").score).toBeCloseTo((5 + 20 / 3) / 2, 10);
    expect(objective(tree, "Learn")).toMatchObject({ score: null, status: "no_data" });
    expect(perspective(tree, "Learning & Growth")).toMatchObject({ score: null, status: "no_data" });
    expect(perspective(tree, "Internal Process")).toMatchObject({ score: null, status: "no_data", objectives: [] });
  });

  it("computes a ratio KPI over the quarter as Σ numerator ÷ Σ denominator", async () => {
    const tree = await treeFor(Q3);
    const rate = kpiNode(tree, "Conversion rate");
    expect(rate.kind).toBe("ratio");
    expect(rate.actual).toBeCloseTo(0.02, 12);
    expect(rate.score).toBeCloseTo(20 / 3, 10);
    // Its inputs are shown apart, outside every average, with their quarter sums.
    expect(tree.unlinkedKpis.map((k) => [k.name, k.actual])).toEqual([
      ["Trials", 80],
      ["Visitors", 4000],
    ]);
  });

  it("uses a per-period goal / red-flag override for that quarter only", async () => {
    const q3 = await treeFor(Q3);
    expect(kpiNode(q3, "NPS")).toMatchObject({ actual: 70, goal: 75, redFlag: 65, status: "amber" });
    expect(kpiNode(q3, "NPS").score).toBeCloseTo(5, 10);
    const q4 = await treeFor(Q4);
    expect(kpiNode(q4, "NPS")).toMatchObject({ actual: null, goal: 100, redFlag: 80, status: "no_data" });
  });

  it("rolls weighted means up to perspectives and the scorecard", async () => {
    const tree = await treeFor(Q3);
    const financial = (2 * ((5 + 20 / 3) / 2) + 20 / 3) / 3;
    const customer = (5 + 35 / 6) / 2;
    expect(perspective(tree, "Financial").score).toBeCloseTo(financial, 10);
    expect(perspective(tree, "Customer").score).toBeCloseTo(customer, 10);
    expect(tree.score).toBeCloseTo((financial + customer) / 2, 10);
    expect(tree.score).toBeCloseTo(5.764, 3);
    expect(tree.status).toBe("amber");
    expect(objective(tree, "Grow revenue").weight).toBe(2);
  });

  it("gives every node an eight-quarter trend ending with the chosen quarter", async () => {
    const tree = await treeFor(Q3);
    expect(tree.period).toEqual({ start: Q3, end: "2025-09-30", label: "Q3 2025" });
    expect(tree.quarters.map((q) => q.start)).toEqual([
      "2023-10-01",
      "2024-01-01",
      "2024-04-01",
      "2024-07-01",
      "2024-10-01",
      "2025-01-01",
      "2025-04-01",
      "2025-07-01",
    ]);
    const revenue = kpiNode(tree, "Revenue");
    expect(revenue.trend).toHaveLength(8);
    expect(revenue.trend.map((t) => t.actual)).toEqual([null, null, null, null, null, null, 80, 90]);
    expect(revenue.trend.at(-2)?.score).toBeCloseTo(10 / 3, 10);
    expect(revenue.trend.at(-2)?.status).toBe("amber");
    expect(revenue.trend[0]).toMatchObject({ quarter: "2023-10-01", score: null, status: "no_data" });
    expect(perspective(tree, "Financial").trend.map((t) => t.quarter)).toEqual(tree.quarters.map((q) => q.start));
    expect(tree.trend.at(-1)?.score).toBeCloseTo(tree.score ?? Number.NaN, 10);
  });

  it("chooses the quarter by any day of it, and today's quarter by default", async () => {
    const q4 = await treeFor("2025-12-31");
    expect(q4.period.start).toBe(Q4);
    expect(kpiNode(q4, "Revenue").actual).toBe(100);
    expect(objective(q4, "Learn").status).toBe("green");
    const current = await treeFor();
    expect(current.period.start).toBe(quarterContaining(new Date().toISOString().slice(0, 10)).start);
  });

  it("lists the quarters with any actual, and the current one, newest first", async () => {
    const tree = await treeFor(Q3);
    const current = quarterContaining(new Date().toISOString().slice(0, 10)).start;
    expect(tree.availableQuarters.map((q) => q.start)).toEqual([current, Q4, Q3, Q2]);
    expect(tree.availableQuarters[1]?.label).toBe("Q4 2025");
  });

  it("counts the live OKR objectives aligned to each strategic objective", async () => {
    const tree = await treeFor(Q3);
    expect(objective(tree, "Keep customers")).toMatchObject({
      alignedOkrCount: 2,
      owner: { name: live.org.manager.name },
    });
    expect(objective(tree, "Grow revenue").alignedOkrCount).toBe(0);
  });

  it("is readable by every role, and by nobody signed out", async () => {
    for (const role of ["admin", "manager", "member", "viewer"] as const) {
      expect((await treeFor(Q3, role)).score).toBeCloseTo(5.764, 3);
    }
    expect((await trpcErrorOf(() => anonymousCaller(live.db).scorecard.tree({}))).code).toBe("UNAUTHORIZED");
  });

  it("never shows another organization's data", async () => {
    const tree = await treeFor(Q3, "admin");
    const text = JSON.stringify(tree);
    expect(text).not.toContain("Secret");
    const theirs = await (await live.other.as("viewer")).scorecard.tree({ period: Q3 });
    expect(JSON.stringify(theirs)).not.toContain("Revenue");
    expect(theirs.perspectives[0]?.objectives.map((o) => o.name)).toEqual(["Secret plan"]);
    expect(theirs.availableQuarters.map((q) => q.start)).not.toContain(Q2);
  });

  it("refuses an unreadable period with a clear message", async () => {
    for (const period of ["2025-13-01", "Q3", "2025-02-30", "0001-01-01", "2025-07-01\u0000"]) {
      const error = await trpcErrorOf(() => treeFor(period));
      expect(error.code).toBe("BAD_REQUEST");
    }
  });
});

describe("scorecard.heatMap", () => {
  it("gives perspectives × eight quarters, and the scorecard's own row", async () => {
    const map = await (await live.org.as("viewer")).scorecard.heatMap({ period: "2025-09-30" });
    expect(map.quarters.map((q) => q.label)).toEqual([
      "Q4 2023",
      "Q1 2024",
      "Q2 2024",
      "Q3 2024",
      "Q4 2024",
      "Q1 2025",
      "Q2 2025",
      "Q3 2025",
    ]);
    expect(map.rows.map((r) => r.name)).toEqual(["Financial", "Customer", "Internal Process", "Learning & Growth"]);
    for (const row of map.rows) expect(row.cells).toHaveLength(8);
    const financial = map.rows[0];
    expect(financial?.cells.at(-1)?.score).toBeCloseTo((2 * ((5 + 20 / 3) / 2) + 20 / 3) / 3, 10);
    // Q2: Revenue 80 → 3.33 and Pipeline 95 → 9.17 in "Grow revenue"; "Convert visitors" had no data.
    expect(financial?.cells.at(-2)?.score).toBeCloseTo((10 / 3 + (10 * (95 - 60)) / 60) / 2, 10);
    expect(financial?.cells[0]).toEqual({ score: null, status: "no_data" });
    expect(map.rows[2]?.cells.every((c) => c.status === "no_data")).toBe(true);
    expect(map.overall.at(-1)?.score).toBeCloseTo(5.764, 3);
    expect(map.overall).toHaveLength(8);
  });

  it("agrees with the tree for the same quarter", async () => {
    const viewer = await live.org.as("viewer");
    const [tree, map] = await Promise.all([
      viewer.scorecard.tree({ period: Q4 }),
      viewer.scorecard.heatMap({ period: Q4 }),
    ]);
    expect(map.overall.at(-1)?.score).toBe(tree.score);
    expect(map.rows.map((r) => r.cells.at(-1)?.status)).toEqual(tree.perspectives.map((p) => p.status));
  });

  it("never shows another organization's data", async () => {
    const map = await (await live.other.as("viewer")).scorecard.heatMap({ period: Q3 });
    // Their one KPI: 1 against goal 10, red flag 5 → 10·(1 − 0)/15.
    expect(map.rows[0]?.cells.at(-1)?.score).toBeCloseTo(2 / 3, 10);
    expect(map.rows[0]?.cells.at(-1)?.status).toBe("red");
    expect(JSON.stringify(map)).not.toContain("Grow revenue");
  });
});
