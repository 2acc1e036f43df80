import { indexScorecard, quartersEndingAt, scoreScorecard, todayIso } from "@meridian/domain";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/testing";
import type { DatabaseHandle } from "../client";
import {
  kpiActuals,
  kpiBenchmarks,
  kpis,
  kpiTargets,
  objectives,
  organizations,
  perspectives,
  strategicObjectives,
  strategyLinks,
  users,
} from "../schema";
import { seedDemo } from "./demo";

const NOW = new Date("2026-11-22T12:00:00Z");
const TODAY = "2026-11-22";
let handle: DatabaseHandle;
let organizationId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, { hashPassword: async (p) => `plain:${p}`, now: NOW });
  const [org] = await handle.db.select({ id: organizations.id }).from(organizations);
  organizationId = org?.id ?? "";
});
afterAll(async () => {
  await handle?.close();
});

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

async function scored() {
  const db = handle.db;
  const index = indexScorecard({
    perspectives: await db
      .select({ id: perspectives.id, name: perspectives.name, weight: perspectives.weight })
      .from(perspectives)
      .orderBy(perspectives.position),
    objectives: await db
      .select({
        id: strategicObjectives.id,
        name: strategicObjectives.name,
        perspectiveId: strategicObjectives.perspectiveId,
        weight: strategicObjectives.weight,
      })
      .from(strategicObjectives),
    kpis: await db.select().from(kpis),
    actuals: await db.select().from(kpiActuals),
    targets: await db.select().from(kpiTargets),
  });
  return { index, quarters: quartersEndingAt(TODAY, 9) };
}

describe("demo scorecard seed", () => {
  it("lays out four perspectives with two or three strategic objectives each, linked cause → effect", async () => {
    const rows = await handle.db
      .select({ perspective: perspectives.name, objective: strategicObjectives.name })
      .from(strategicObjectives)
      .innerJoin(perspectives, eq(perspectives.id, strategicObjectives.perspectiveId))
      .where(eq(strategicObjectives.organizationId, organizationId));
    const perPerspective = groupBy(rows, (r) => r.perspective);
    expect([...perPerspective.keys()].sort()).toEqual([
      "Customer",
      "Financial",
      "Internal Process",
      "Learning & Growth",
    ]);
    for (const list of perPerspective.values()) expect(list.length).toBeGreaterThanOrEqual(2);
    expect((await handle.db.select().from(strategyLinks)).length).toBeGreaterThanOrEqual(6);
  });

  it("has a dozen and more KPIs of every frequency and aggregation, with computed ratio and ROI", async () => {
    const rows = await handle.db.select().from(kpis);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((k) => k.frequency))).toEqual(new Set(["weekly", "monthly", "quarterly"]));
    expect(new Set(rows.map((k) => k.aggregation))).toEqual(new Set(["sum", "average", "last"]));
    expect(rows.filter((k) => k.direction === "lower_is_better").length).toBeGreaterThanOrEqual(2);
    const byName = new Map(rows.map((k) => [k.name, k]));
    const conversion = byName.get("Visitor-to-trial conversion rate");
    expect(conversion?.kind).toBe("ratio");
    expect(conversion?.inputAId).toBe(byName.get("Trial sign-ups")?.id);
    expect(conversion?.inputBId).toBe(byName.get("Website visitors")?.id);
    const roi = byName.get("Marketing ROI");
    expect(roi?.kind).toBe("roi");
    expect(roi?.inputAId).toBe(byName.get("Marketing-sourced revenue")?.id);
    expect(roi?.inputBId).toBe(byName.get("Marketing spend")?.id);
    const [manager] = await handle.db.select().from(users).where(eq(users.email, "manager@example.com"));
    const [member] = await handle.db.select().from(users).where(eq(users.email, "member@example.com"));
    expect(rows.filter((k) => k.ownerId === manager?.id).length).toBeGreaterThanOrEqual(3);
    expect(rows.filter((k) => k.ownerId === member?.id).length).toBeGreaterThanOrEqual(1);
  });

  it("scores eight finished quarters and the current one, with a mix of statuses that changes over time", async () => {
    const { index, quarters } = await scored();
    const results = quarters.map((q) => scoreScorecard(index, q, todayIso()));
    const linked = (i: number) => results[i]?.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)) ?? [];
    for (let q = 0; q < 8; q++) expect(results[q]?.score).not.toBeNull();
    const last = linked(7).map((k) => k.status);
    expect(last.filter((s) => s === "red").length).toBeGreaterThanOrEqual(2);
    expect(last).toContain("amber");
    expect(last).toContain("green");
    // Some KPI's status differs between the oldest and the last finished quarter.
    const changed = linked(0).filter((k, i) => linked(7)[i]?.status !== k.status);
    expect(changed.length).toBeGreaterThanOrEqual(4);
    // The current quarter has data so far for the monthly and weekly KPIs, none yet for quarterly ones.
    const current = new Map(linked(8).map((k) => [k.name, k]));
    expect(current.get("Platform uptime")?.status).not.toBe("no_data");
    expect(current.get("Net promoter score")?.status).toBe("no_data");
  });

  it("leaves one quarter of one KPI without data, shown as no data rather than zero", async () => {
    const { index, quarters } = await scored();
    const missing = quarters.slice(0, 8).flatMap((q) =>
      scoreScorecard(index, q, todayIso())
        .perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis))
        .filter((k) => k.status === "no_data")
        .map((k) => k.name),
    );
    // Marketing ROI is computed from campaign-fed KPIs, and the demo's campaigns are this quarter's.
    expect(missing.filter((name) => name !== "Marketing ROI")).toEqual(["Employee engagement (eNPS)"]);
    expect(missing.filter((name) => name === "Marketing ROI")).toHaveLength(8);
  });

  it("raises the ARR goal for the current quarter through a period override", async () => {
    const { index, quarters } = await scored();
    const current = quarters[8];
    if (!current) throw new Error("nine quarters");
    const arr = scoreScorecard(index, current, todayIso())
      .perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis))
      .find((k) => k.name === "Annual recurring revenue");
    expect(arr?.goal).toBe(5600);
  });

  it("benchmarks four or more KPIs against two competitors and the industry median for eight quarters", async () => {
    const rows = await handle.db.select().from(kpiBenchmarks);
    expect(new Set(rows.map((b) => b.source))).toEqual(new Set(["Contoso", "Fabrikam", "Industry median"]));
    const perKpi = groupBy(rows, (b) => b.kpiId);
    expect(perKpi.size).toBeGreaterThanOrEqual(4);
    for (const list of perKpi.values()) expect(list).toHaveLength(24);
  });

  it("aligns this quarter's company and team OKRs to strategic objectives", async () => {
    const aligned = await handle.db
      .select({ title: objectives.title })
      .from(objectives)
      .where(and(eq(objectives.organizationId, organizationId), isNotNull(objectives.strategicObjectiveId)));
    expect(aligned.length).toBeGreaterThanOrEqual(5);
  });
});
