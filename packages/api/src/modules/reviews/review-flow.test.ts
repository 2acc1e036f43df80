import { type DatabaseHandle, eq, kpis, objectives, teamMembers } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import type { ReviewSnapshot } from "@meridian/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createQuarterlyKpi,
  createReviewOrganization,
  createStrategicObjective,
  outcomeOf,
  type ReviewOrganization,
} from "../../../test/support";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const objectiveNames = (snapshot: ReviewSnapshot) =>
  snapshot.scorecard.perspectives.flatMap((p) => p.objectives.map((o) => o.name)).sort();

describe("a team review's snapshot", () => {
  let org: ReviewOrganization;
  let kpiOfManager: string;

  /**
   * Beside "Grow revenue" (Financial; the admin's, with the admin's KPIs): "Win customers"
   * (Customer), which Marketing's objective aligns to; "Serve well" (Internal Process),
   * measured by a KPI of the member, who is in Content, Marketing's sub-team; "Sell more"
   * (Financial), which Sales' objective aligns to; and an unlinked KPI of the manager, Marketing's lead.
   */
  beforeAll(async () => {
    org = await createReviewOrganization(handle.db);
    const [financial, customer, internal] = org.perspectives;
    const win = await createStrategicObjective(handle.db, org, { name: "Win customers", perspectiveId: customer?.id });
    const serve = await createStrategicObjective(handle.db, org, { name: "Serve well", perspectiveId: internal?.id });
    const sell = await createStrategicObjective(handle.db, org, { name: "Sell more", perspectiveId: financial?.id });
    await createQuarterlyKpi(handle.db, org, win.id, { "2026-07-01": 95 });
    const served = await createQuarterlyKpi(handle.db, org, serve.id, { "2026-07-01": 85 });
    await createQuarterlyKpi(handle.db, org, sell.id, { "2026-07-01": 60 });
    const unlinked = await createQuarterlyKpi(handle.db, org, null, { "2026-07-01": 90 });
    kpiOfManager = unlinked.id;
    await handle.db.update(kpis).set({ ownerId: org.member.id }).where(eq(kpis.id, served.id));
    await handle.db.update(kpis).set({ ownerId: org.manager.id }).where(eq(kpis.id, unlinked.id));
    await handle.db.insert(teamMembers).values({
      organizationId: org.organization.id,
      teamId: org.teams.content.id,
      userId: org.member.id,
    });
    const align = (objectiveId: string, strategicObjectiveId: string) =>
      handle.db.update(objectives).set({ strategicObjectiveId }).where(eq(objectives.id, objectiveId));
    await align(org.okrs.marketingOkr.objective.id, win.id);
    await align(org.okrs.salesOkr.objective.id, sell.id);
  });

  it("holds the team's and its sub-teams' objectives and their part of the scorecard, not other teams'", async () => {
    const manager = await org.as("manager");
    const opened = await manager.reviews.open({ cycleId: org.cycles.q3.id, teamId: org.teams.marketing.id });
    const { snapshot } = await manager.reviews.get({ reviewId: opened.id });

    expect(snapshot.okrs.map((o) => o.title).sort()).toEqual(["Content objective", "Marketing objective"]);
    // Aligned to by Marketing's objective, and measured by a Content member's KPI; not Sales' nor the admin's.
    expect(objectiveNames(snapshot)).toEqual(["Serve well", "Win customers"]);
    expect(snapshot.scorecard.perspectives.map((p) => p.name)).toEqual(["Customer", "Internal Process"]);
    expect(snapshot.scorecard.unlinkedKpis.map((k) => k.id)).toEqual([kpiOfManager]);
    // Each perspective scored over the team's objectives only; the objective keeps its organization score.
    for (const perspective of snapshot.scorecard.perspectives) {
      expect(perspective.score).toBeCloseTo(perspective.objectives[0]?.score ?? Number.NaN);
    }
    const scores = snapshot.scorecard.perspectives.map((p) => p.score ?? 0);
    expect(snapshot.scorecard.score).toBeCloseTo((scores[0] ?? 0) / 2 + (scores[1] ?? 0) / 2);
  });

  it("keeps another team to its own part, and the organization's review whole", async () => {
    const manager = await org.as("manager");
    const sales = await manager.reviews.open({ cycleId: org.cycles.q3.id, teamId: org.teams.sales.id });
    const salesSnapshot = (await manager.reviews.get({ reviewId: sales.id })).snapshot;
    expect(salesSnapshot.okrs.map((o) => o.title)).toEqual(["Sales objective"]);
    expect(objectiveNames(salesSnapshot)).toEqual(["Sell more"]);
    expect(salesSnapshot.scorecard.unlinkedKpis).toEqual([]);

    const whole = await manager.reviews.open({ cycleId: org.cycles.q3.id });
    const wholeSnapshot = (await manager.reviews.get({ reviewId: whole.id })).snapshot;
    expect(objectiveNames(wholeSnapshot)).toEqual(["Grow revenue", "Sell more", "Serve well", "Win customers"]);
    expect(wholeSnapshot.okrs.map((o) => o.title).sort()).toEqual([
      "Company objective",
      "Content objective",
      "Marketing objective",
      "Sales objective",
    ]);
  });
});

describe("reviews.openable", () => {
  let org: ReviewOrganization;
  beforeAll(async () => {
    org = await createReviewOrganization(handle.db);
  });

  it("offers the first cycle and scope without a review, and lists those that have one", async () => {
    const manager = await org.as("manager");
    const { q2, q3, q4 } = org.cycles;
    const { content, marketing, sales } = org.teams;
    // Q3 has closed last: its organization review comes first.
    expect(await manager.reviews.openable()).toEqual({ next: { cycleId: q3.id, teamId: null }, reviewed: [] });

    await manager.reviews.open({ cycleId: q3.id });
    const afterOne = await manager.reviews.openable();
    // Then its teams, by name.
    expect(afterOne.next).toEqual({ cycleId: q3.id, teamId: content.id });
    expect(afterOne.reviewed).toEqual([{ cycleId: q3.id, teamId: null }]);
    // What it offers opens: no CONFLICT.
    await manager.reviews.open(afterOne.next ?? { cycleId: "" });

    for (const team of [marketing, sales]) await manager.reviews.open({ cycleId: q3.id, teamId: team.id });
    // Q3 done: the open quarter next, then the older closed one.
    expect((await manager.reviews.openable()).next).toEqual({ cycleId: q4.id, teamId: null });
    for (const teamId of [null, content.id, marketing.id, sales.id]) {
      await manager.reviews.open({ cycleId: q4.id, teamId });
    }
    expect((await manager.reviews.openable()).next).toEqual({ cycleId: q2.id, teamId: null });
  });

  it("offers nothing once every cycle has its review for every scope", async () => {
    const admin = await org.as("admin");
    for (const teamId of [null, org.teams.content.id, org.teams.marketing.id, org.teams.sales.id]) {
      await admin.reviews.open({ cycleId: org.cycles.q2.id, teamId });
    }
    const openable = await admin.reviews.openable();
    expect(openable.next).toBeNull();
    expect(openable.reviewed).toHaveLength(12);
  });

  it("is for those who may open reviews", async () => {
    expect(await outcomeOf(async () => (await org.as("member")).reviews.openable())).toBe("FORBIDDEN");
    expect(await outcomeOf(async () => (await org.as("viewer")).reviews.openable())).toBe("FORBIDDEN");
  });
});

describe("a review's cycle timing", () => {
  let org: ReviewOrganization;
  beforeAll(async () => {
    org = await createReviewOrganization(handle.db);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("says how much of a running cycle has passed, and that an ended one has ended", async () => {
    const manager = await org.as("manager");
    const q4 = await manager.reviews.open({ cycleId: org.cycles.q4.id });
    const q3 = await manager.reviews.open({ cycleId: org.cycles.q3.id });
    vi.useFakeTimers({ toFake: ["Date"] });
    // 15 November: 45 of Q4's 92 days have passed.
    vi.setSystemTime(new Date("2026-11-15T00:00:00Z"));
    const running = await manager.reviews.get({ reviewId: q4.id });
    expect(running.cycle).toMatchObject({ name: "Q4 2026", startsOn: "2026-10-01", endsOn: "2026-12-31" });
    expect(running.cycle.timing.ended).toBe(false);
    expect(running.cycle.timing.elapsed).toBeCloseTo(45 / 92, 6);
    expect((await manager.reviews.get({ reviewId: q3.id })).cycle.timing).toEqual({ elapsed: 1, ended: true });
  });
});
