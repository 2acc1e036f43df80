import { kpiActuals, kpis } from "@meridian/db";
import { quarterContaining, todayIso } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createCycle, createStrategicObjective, useStrategyDatabase } from "../../../test/support";

/**
 * A summed KPI with one month of three reported (ADR 0015). Sales: monthly, summed,
 * goal 900 and red flag 720 a quarter.
 *
 * Q3 2025, long closed, only July reported (700): held to the full goal,
 * 10·(700 − (720 − 180)) / 540 = 2.96, red, "1 of 3 months reported" — not 700
 * against a third of the goal (300 / 240), which would score 10.0, green.
 * Today's quarter, open, with its first month reported (700): "to date" keeps its
 * meaning, a third of the goal, 10.0.
 */
const Q3 = "2025-07-01";
const closedScore = (10 * (700 - 540)) / 540;

const live = useStrategyDatabase();
let salesId = "";
let objectiveId = "";

beforeAll(async () => {
  const db = live.db;
  const [financial] = live.org.perspectives;
  const objective = await createStrategicObjective(db, live.org, { perspectiveId: financial?.id, name: "Sell more" });
  objectiveId = objective.id;
  const [sales] = await db
    .insert(kpis)
    .values({
      organizationId: live.org.organization.id,
      name: "Sales",
      goal: 900,
      redFlag: 720,
      ownerId: live.org.manager.id,
      frequency: "monthly",
      aggregation: "sum",
      strategicObjectiveId: objective.id,
    })
    .returning();
  if (!sales) throw new Error("kpi");
  salesId = sales.id;
  await db.insert(kpiActuals).values(
    [Q3, quarterContaining(todayIso()).start].map((periodStart) => ({
      organizationId: live.org.organization.id,
      kpiId: sales.id,
      periodStart,
      value: 700,
    })),
  );
});

describe("a closed quarter with months missing", () => {
  it("scores on the full goal in the tree, the objective's KPIs and the heat map alike, with the months reported", async () => {
    const viewer = await live.org.as("viewer");
    const [tree, opened, map] = await Promise.all([
      viewer.scorecard.tree({ period: Q3 }),
      viewer.scorecard.kpis({ strategicObjectiveId: objectiveId, period: Q3 }),
      viewer.scorecard.heatMap({ period: Q3 }),
    ]);
    const node = tree.perspectives.flatMap((p) => p.objectives).find((o) => o.id === objectiveId);
    expect(node?.score).toBeCloseTo(closedScore, 9);
    expect(node?.status).toBe("red");
    expect(tree.score).toBeCloseTo(closedScore, 9);
    expect(tree.kpiStatuses).toMatchObject({ red: 1, green: 0 });

    const [kpi] = opened.kpis;
    expect(kpi).toMatchObject({ actual: 700, goal: 900, redFlag: 720, status: "red" });
    expect(kpi?.targetShare).toEqual({ reported: 1, total: 3, basis: "full" });
    expect(kpi?.score).toBeCloseTo(closedScore, 9);

    expect(map.overall.at(-1)?.score).toBe(tree.score);
    expect(map.rows[0]?.cells.at(-1)).toEqual({ score: tree.perspectives[0]?.score, status: "red" });
  });

  it("scores the same on the KPI's page", async () => {
    const detail = await (await live.org.as("viewer")).kpis.get({ kpiId: salesId, period: "2025-09-30" });
    expect(detail.current).toMatchObject({ actual: 700, goal: 900, redFlag: 720, status: "red" });
    expect(detail.current?.targetShare).toEqual({ reported: 1, total: 3, basis: "full" });
    expect(detail.current?.score).toBeCloseTo(closedScore, 9);
  });

  it("freezes the same score into the quarter's review", async () => {
    const cycle = await createCycle(live.db, live.org.organization.id, {
      startsOn: "2025-07-01",
      endsOn: "2025-09-30",
      status: "closed",
    });
    const admin = await live.org.as("admin");
    const opened = await admin.reviews.open({ cycleId: cycle.id });
    const review = await admin.reviews.get({ reviewId: opened.id });
    const kpi = review.snapshot.scorecard.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis))[0];
    expect(kpi).toMatchObject({ id: salesId, goal: 900, status: "red", targetShare: { basis: "full" } });
    expect(review.snapshot.scorecard.score).toBeCloseTo(closedScore, 9);
  });

  it("keeps 'to date' for the open quarter: 700 of a third of the goal, 10.0", async () => {
    const viewer = await live.org.as("viewer");
    const [kpi] = (await viewer.scorecard.kpis({ strategicObjectiveId: objectiveId })).kpis;
    expect(kpi).toMatchObject({ actual: 700, status: "green", score: 10 });
    expect(kpi?.goal).toBeCloseTo(300, 9);
    expect(kpi?.targetShare).toEqual({ reported: 1, total: 3, basis: "to_date" });
    const [listed] = (await viewer.kpis.list()).kpis;
    expect(listed?.targetShare).toEqual({ reported: 1, total: 3, basis: "to_date" });
  });
});
