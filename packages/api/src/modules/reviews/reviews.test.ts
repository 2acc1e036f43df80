import { activityLog, and, type DatabaseHandle, eq, keyResults, kpiActuals, objectives, reviews } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { type ReviewSnapshot, reviewCsv } from "@meridian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  clientErrorOf,
  cycleByStatus,
  DEMO,
  outcomeOf,
  seedDemoOrganization,
  trpcErrorOf,
} from "../../../test/support";
import { writeFingerprint } from "../../../test/support/fingerprint";
import { createReviewOrganization, type ReviewOrganization } from "../../../test/support/reviews";

let handle: DatabaseHandle;
let org: ReviewOrganization;
/** The Q3 review of the whole organization, opened by the manager. */
let q3ReviewId: string;
/** The Q2 review, opened and finalized by the admin before the Q3 one. */
let q2ReviewId: string;

const kpiIn = (snapshot: ReviewSnapshot, id: string) =>
  snapshot.scorecard.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.kpis)).find((k) => k.id === id);

/** RFC 4180 read back, small enough to trust: quoted fields, doubled quotes, CRLF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      i++;
    } else {
      field += c;
    }
  }
  rows.push([...row, field]);
  return rows;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  org = await createReviewOrganization(handle.db);
  const admin = await org.as("admin");
  const q2 = await admin.reviews.open({ cycleId: org.cycles.q2.id });
  q2ReviewId = q2.id;
  await admin.reviews.finalize({ reviewId: q2.id, version: q2.version });
  q3ReviewId = (await (await org.as("manager")).reviews.open({ cycleId: org.cycles.q3.id })).id;
});

afterAll(async () => {
  await handle?.close();
});

describe("reviews.open", () => {
  it("snapshots the quarter's scorecard with units and directions, and the cycle's public OKRs", async () => {
    const review = await (await org.as("manager")).reviews.get({ reviewId: q3ReviewId });
    expect(review).toMatchObject({
      title: `Q3 2026 review — ${org.organization.name}`,
      status: "open",
      team: null,
      cycle: { name: "Q3 2026" },
      openedBy: { id: org.manager.id },
      finalizedAt: null,
      canEdit: true,
    });
    const { snapshot } = review;
    expect(snapshot.period).toEqual({ start: "2026-07-01", end: "2026-09-30" });
    expect(snapshot.scorecard.perspectives.map((p) => p.name)).toEqual(org.perspectives.map((p) => p.name));
    expect(kpiIn(snapshot, org.kpis.revenue.id)).toMatchObject({
      actual: 70,
      goal: 100,
      redFlag: 80,
      status: "red",
      unit: "",
      direction: "higher_is_better",
      kind: "manual",
    });
    expect(kpiIn(snapshot, org.kpis.churn.id)).toMatchObject({ actual: 95, status: "amber" });
    expect(snapshot.okrs.map((o) => o.title).sort()).toEqual([
      "Company objective",
      "Content objective",
      "Marketing objective",
      "Sales objective",
    ]);
    // Progress as the dashboard computes it; the cycle is over, so 100 % was expected.
    // Its grade, served by the API as objectives.get serves it: one key result at 50 % → 0.5.
    expect(snapshot.okrs.find((o) => o.title === "Company objective")).toMatchObject({
      progress: 0.5,
      grade: 0.5,
      expected: 1,
      status: "off_track",
      owner: org.member.name,
      level: "company",
      team: null,
    });
    expect(snapshot.okrs.find((o) => o.title === "Marketing objective")).toMatchObject({
      progress: 0.8,
      grade: 0.8,
      team: "Marketing",
    });
  });

  it("records the opening", async () => {
    const rows = await handle.db
      .select({ action: activityLog.action, actorId: activityLog.actorId })
      .from(activityLog)
      .where(eq(activityLog.entityId, q3ReviewId));
    expect(rows).toContainEqual({ action: "review.opened", actorId: org.manager.id });
  });

  it("opens a team review over the team and its sub-teams, titled with the team", async () => {
    const manager = await org.as("manager");
    const created = await manager.reviews.open({ cycleId: org.cycles.q3.id, teamId: org.teams.marketing.id });
    expect(created.title).toBe("Q3 2026 review — Marketing");
    const review = await manager.reviews.get({ reviewId: created.id });
    expect(review.team).toEqual({ id: org.teams.marketing.id, name: "Marketing" });
    expect(review.snapshot.okrs.map((o) => o.title).sort()).toEqual(["Content objective", "Marketing objective"]);
  });

  it("refuses a second review of the same cycle and scope with CONFLICT, writing nothing", async () => {
    const manager = await org.as("manager");
    const before = await writeFingerprint(handle.db);
    const error = await trpcErrorOf(() => manager.reviews.open({ cycleId: org.cycles.q3.id }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain(`Q3 2026 review — ${org.organization.name}`);
    expect(error.message).toContain("one review per cycle and scope");
    const team = await trpcErrorOf(() =>
      manager.reviews.open({ cycleId: org.cycles.q3.id, teamId: org.teams.marketing.id }),
    );
    expect(team.code).toBe("CONFLICT");
    expect(await writeFingerprint(handle.db)).toEqual(before);
  });

  it("refuses an unknown cycle or team and bad ids", async () => {
    const admin = await org.as("admin");
    const other = await createReviewOrganization(handle.db);
    expect(await outcomeOf(() => admin.reviews.open({ cycleId: other.cycles.q3.id }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => admin.reviews.open({ cycleId: org.cycles.q4.id, teamId: other.teams.sales.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcomeOf(() => admin.reviews.open({ cycleId: "not-an-id" }))).toBe("BAD_REQUEST");
  });
});

describe("the snapshot", () => {
  it("keeps the numbers it was taken with when actuals and check-ins change later", async () => {
    const manager = await org.as("manager");
    const before = await manager.reviews.get({ reviewId: q3ReviewId });
    await handle.db
      .update(kpiActuals)
      .set({ value: 130 })
      .where(and(eq(kpiActuals.kpiId, org.kpis.revenue.id), eq(kpiActuals.periodStart, "2026-07-01")));
    await handle.db
      .update(keyResults)
      .set({ currentValue: 100 })
      .where(eq(keyResults.id, org.okrs.companyOkr.keyResult.id));
    // A snapshot taken now sees the new numbers (Sales' objective aligns to the KPI's strategic
    // objective, so Sales' review holds it)…
    await handle.db
      .update(objectives)
      .set({ strategicObjectiveId: org.growth.id })
      .where(eq(objectives.id, org.okrs.salesOkr.objective.id));
    const fresh = await manager.reviews.open({ cycleId: org.cycles.q3.id, teamId: org.teams.sales.id });
    const now = await manager.reviews.get({ reviewId: fresh.id });
    expect(kpiIn(now.snapshot, org.kpis.revenue.id)).toMatchObject({ actual: 130, status: "green" });
    // …the review opened before does not.
    const after = await manager.reviews.get({ reviewId: q3ReviewId });
    expect(kpiIn(after.snapshot, org.kpis.revenue.id)).toMatchObject({ actual: 70, status: "red" });
    expect(after.snapshot.okrs.find((o) => o.title === "Company objective")?.progress).toBe(0.5);
    expect(after.snapshot).toEqual(before.snapshot);
    // Put the numbers back for the other tests.
    await handle.db
      .update(kpiActuals)
      .set({ value: 70 })
      .where(and(eq(kpiActuals.kpiId, org.kpis.revenue.id), eq(kpiActuals.periodStart, "2026-07-01")));
  });
});

describe("who may do what", () => {
  it("lets members read open reviews but not open, comment on or finalize them", async () => {
    const member = await org.as("member");
    const review = await member.reviews.get({ reviewId: q3ReviewId });
    expect(review.canEdit).toBe(false);
    expect((await member.reviews.list()).map((r) => r.id)).toContain(q3ReviewId);
    const before = await writeFingerprint(handle.db);
    expect(await outcomeOf(() => member.reviews.open({ cycleId: org.cycles.q4.id }))).toBe("FORBIDDEN");
    expect(
      await outcomeOf(() =>
        member.reviews.comment({
          reviewId: q3ReviewId,
          subjectType: "kpi",
          subjectId: org.kpis.revenue.id,
          body: "Not mine to say",
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await outcomeOf(() => member.reviews.finalize({ reviewId: q3ReviewId, version: review.version }))).toBe(
      "FORBIDDEN",
    );
    expect(await writeFingerprint(handle.db)).toEqual(before);
  });

  it("shows viewers finalized reviews only: an open one is NOT_FOUND", async () => {
    const viewer = await org.as("viewer");
    const list = await viewer.reviews.list();
    expect(list.map((r) => r.id)).toContain(q2ReviewId);
    expect(list.every((r) => r.status === "finalized")).toBe(true);
    expect(await outcomeOf(() => viewer.reviews.get({ reviewId: q3ReviewId }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => viewer.reviews.compare({ reviewId: q3ReviewId }))).toBe("NOT_FOUND");
    const q2 = await viewer.reviews.get({ reviewId: q2ReviewId });
    expect(q2).toMatchObject({ status: "finalized", canEdit: false, finalizedBy: { id: org.admin.id } });
    expect(await outcomeOf(() => viewer.reviews.open({ cycleId: org.cycles.q4.id }))).toBe("FORBIDDEN");
  });

  it("lists reviews with cycle, team, status and who opened and finalized them", async () => {
    const list = await (await org.as("admin")).reviews.list();
    expect(list.find((r) => r.id === q2ReviewId)).toMatchObject({
      cycleName: "Q2 2026",
      team: null,
      status: "finalized",
      openedBy: { id: org.admin.id, name: org.admin.name },
      finalizedBy: { id: org.admin.id, name: org.admin.name },
    });
    expect(list.find((r) => r.id === q3ReviewId)).toMatchObject({
      cycleName: "Q3 2026",
      status: "open",
      openedBy: { name: org.manager.name },
      finalizedBy: null,
      finalizedAt: null,
    });
    // Newest cycle first.
    expect(list.findIndex((r) => r.id === q3ReviewId)).toBeLessThan(list.findIndex((r) => r.id === q2ReviewId));
  });

  it("keeps every organization's reviews to itself", async () => {
    const other = await createReviewOrganization(handle.db);
    const outsider = await other.as("admin");
    expect((await outsider.reviews.list()).map((r) => r.id)).not.toContain(q3ReviewId);
    const before = await writeFingerprint(handle.db);
    expect(await outcomeOf(() => outsider.reviews.get({ reviewId: q3ReviewId }))).toBe("NOT_FOUND");
    expect(await outcomeOf(() => outsider.reviews.compare({ reviewId: q3ReviewId }))).toBe("NOT_FOUND");
    expect(
      await outcomeOf(() =>
        outsider.reviews.comment({
          reviewId: q3ReviewId,
          subjectType: "kpi",
          subjectId: org.kpis.revenue.id,
          body: "Hello from elsewhere",
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await outcomeOf(() => outsider.reviews.finalize({ reviewId: q3ReviewId, version: 1 }))).toBe("NOT_FOUND");
    expect(await writeFingerprint(handle.db)).toEqual(before);
  });
});

describe("reviews.comment", () => {
  const subject = () => ({ reviewId: q3ReviewId, subjectType: "kpi" as const, subjectId: org.kpis.revenue.id });

  it("writes one commentary per subject, replaced in place with a new version, and records it", async () => {
    const manager = await org.as("manager");
    const first = await manager.reviews.comment({ ...subject(), body: "  Slow August.  " });
    expect(first).toMatchObject({ body: "Slow August.", version: 1 });
    const second = await manager.reviews.comment({
      ...subject(),
      body: "Slow August; pricing fixed in September.",
      version: 1,
    });
    expect(second).toMatchObject({ id: first?.id, version: 2 });
    const review = await manager.reviews.get({ reviewId: q3ReviewId });
    const mine = review.comments.filter((c) => c.subjectId === org.kpis.revenue.id);
    expect(mine).toEqual([
      expect.objectContaining({
        subjectType: "kpi",
        body: "Slow August; pricing fixed in September.",
        author: { id: org.manager.id, name: org.manager.name },
        version: 2,
      }),
    ]);
    const actions = await handle.db
      .select({ action: activityLog.action })
      .from(activityLog)
      .where(eq(activityLog.entityId, q3ReviewId));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["review.comment_created", "review.comment_updated"]),
    );
  });

  it("changes nothing when the same text is sent again", async () => {
    const manager = await org.as("manager");
    const before = await writeFingerprint(handle.db);
    const again = await manager.reviews.comment({ ...subject(), body: "Slow August; pricing fixed in September." });
    expect(again?.version).toBe(2);
    expect(await writeFingerprint(handle.db)).toEqual(before);
  });

  it("answers a stale version with CONFLICT and the current text", async () => {
    const admin = await org.as("admin");
    const error = await trpcErrorOf(() => admin.reviews.comment({ ...subject(), body: "Overwrite", version: 1 }));
    expect(error.code).toBe("CONFLICT");
  });

  it("answers a writer who saw no commentary, when some was saved meanwhile, with CONFLICT and that text", async () => {
    const [manager, admin] = [await org.as("manager"), await org.as("admin")];
    const other = { reviewId: q3ReviewId, subjectType: "kpi" as const, subjectId: org.kpis.churn.id };
    await manager.reviews.comment({ ...other, body: "Churn rose in August.", version: null });
    const before = await writeFingerprint(handle.db);
    const error = await trpcErrorOf(() => admin.reviews.comment({ ...other, body: "Churn is fine.", version: null }));
    expect(error.code).toBe("CONFLICT");
    expect(clientErrorOf(error, "reviews.comment").shape.data.current).toEqual({
      body: "Churn rose in August.",
      version: 1,
    });
    // The same text as saved is no conflict: nothing to lose.
    expect(await admin.reviews.comment({ ...other, body: "Churn rose in August.", version: null })).toMatchObject({
      version: 1,
    });
    expect(await writeFingerprint(handle.db)).toEqual(before);
    await manager.reviews.comment({ ...other, body: "", version: 1 });
  });

  it("deletes the commentary when the body is empty", async () => {
    const manager = await org.as("manager");
    await manager.reviews.comment({
      reviewId: q3ReviewId,
      subjectType: "perspective",
      subjectId: org.perspectives[1]?.id ?? "",
      body: "Temporary",
    });
    expect(
      await manager.reviews.comment({
        reviewId: q3ReviewId,
        subjectType: "perspective",
        subjectId: org.perspectives[1]?.id ?? "",
        body: "   ",
      }),
    ).toBeNull();
    const review = await manager.reviews.get({ reviewId: q3ReviewId });
    expect(review.comments.some((c) => c.subjectId === org.perspectives[1]?.id)).toBe(false);
  });

  it("accepts perspectives and objectives of the snapshot, and refuses subjects it does not hold", async () => {
    const manager = await org.as("manager");
    await manager.reviews.comment({
      reviewId: q3ReviewId,
      subjectType: "objective",
      subjectId: org.growth.id,
      body: "On it.",
    });
    const perspectiveId = org.perspectives[0]?.id ?? "";
    await manager.reviews.comment({
      reviewId: q3ReviewId,
      subjectType: "perspective",
      subjectId: perspectiveId,
      body: "Mixed quarter.",
    });
    const before = await writeFingerprint(handle.db);
    const wrongType = await trpcErrorOf(() =>
      manager.reviews.comment({ reviewId: q3ReviewId, subjectType: "kpi", subjectId: org.growth.id, body: "x" }),
    );
    expect(wrongType.code).toBe("BAD_REQUEST");
    expect(wrongType.message).toBe("Choose a perspective, objective or KPI of this review.");
    expect(
      await outcomeOf(() =>
        manager.reviews.comment({
          reviewId: q3ReviewId,
          subjectType: "okr" as "kpi",
          subjectId: org.growth.id,
          body: "x",
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => manager.reviews.comment({ ...subject(), body: "x".repeat(5001) }))).toBe(
      "BAD_REQUEST",
    );
    expect(await outcomeOf(() => manager.reviews.comment({ ...subject(), body: "nul\u0000" }))).toBe("BAD_REQUEST");
    expect(await writeFingerprint(handle.db)).toEqual(before);
  });
});

describe("the review read in parts (outline, KPI and OKR pages, subjects)", () => {
  it("outlines the snapshot as get holds it: scores, objectives with their KPI counts, the unlinked KPIs, the OKR count", async () => {
    const caller = await org.as("member");
    const full = await caller.reviews.get({ reviewId: q3ReviewId });
    const { outline, ...rest } = await caller.reviews.outline({ reviewId: q3ReviewId });
    const { snapshot, ...fullRest } = full;
    expect(rest).toEqual(fullRest);
    expect(outline).toEqual({
      takenAt: snapshot.takenAt,
      period: snapshot.period,
      scorecard: {
        period: snapshot.scorecard.period,
        score: snapshot.scorecard.score,
        status: snapshot.scorecard.status,
        perspectives: snapshot.scorecard.perspectives.map(({ objectives, ...p }) => ({
          ...p,
          objectives: objectives.map(({ kpis, ...o }) => ({ ...o, kpiCount: kpis.length })),
        })),
        unlinkedKpiIds: snapshot.scorecard.unlinkedKpis.map((k) => k.id),
      },
      okrCount: snapshot.okrs.length,
    });
  });

  it("pages an objective's KPIs, the unlinked ones and the OKRs in the snapshot's order", async () => {
    const caller = await org.as("member");
    const { snapshot } = await caller.reviews.get({ reviewId: q3ReviewId });
    const objective = snapshot.scorecard.perspectives.flatMap((p) => p.objectives).find((o) => o.kpis.length > 1);
    if (!objective) throw new Error("the fixture has an objective with two KPIs");
    const first = await caller.reviews.kpis({ reviewId: q3ReviewId, objectiveId: objective.id, limit: 1 });
    expect(first).toEqual({ kpis: [objective.kpis[0]], total: objective.kpis.length, nextCursor: "1" });
    const rest = await caller.reviews.kpis({ reviewId: q3ReviewId, objectiveId: objective.id, cursor: "1" });
    expect(rest).toEqual({ kpis: objective.kpis.slice(1), total: objective.kpis.length, nextCursor: null });
    const unlinked = await caller.reviews.kpis({ reviewId: q3ReviewId, objectiveId: null });
    expect(unlinked.kpis).toEqual(snapshot.scorecard.unlinkedKpis);

    const okrs = [];
    let cursor: string | null = null;
    do {
      const page: { okrs: unknown[]; nextCursor: string | null } = await caller.reviews.okrs({
        reviewId: q3ReviewId,
        cursor,
        limit: 2,
      });
      okrs.push(...page.okrs);
      cursor = page.nextCursor;
    } while (cursor);
    expect(okrs).toEqual(snapshot.okrs);
  });

  it("lists the subjects an action may be about in reading order, red ones marked", async () => {
    const caller = await org.as("manager");
    const { snapshot } = await caller.reviews.get({ reviewId: q3ReviewId });
    const expected = snapshot.scorecard.perspectives.flatMap((p) => [
      { subjectType: "perspective", id: p.id, name: p.name, red: p.status === "red" },
      ...p.objectives.flatMap((o) => [
        { subjectType: "objective", id: o.id, name: o.name, red: o.status === "red" },
        ...o.kpis.map((k) => ({ subjectType: "kpi", id: k.id, name: k.name, red: k.status === "red" })),
      ]),
    ]);
    expected.push(
      ...snapshot.scorecard.unlinkedKpis.map((k) => ({
        subjectType: "kpi",
        id: k.id,
        name: k.name,
        red: k.status === "red",
      })),
    );
    expect(await caller.reviews.subjects({ reviewId: q3ReviewId })).toEqual(expected);
  });

  it("answers an objective the snapshot does not hold with NOT_FOUND, a bad cursor with BAD_REQUEST", async () => {
    const caller = await org.as("member");
    const missing = await outcomeOf(() =>
      caller.reviews.kpis({ reviewId: q3ReviewId, objectiveId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(missing).toBe("NOT_FOUND");
    expect(await outcomeOf(() => caller.reviews.okrs({ reviewId: q3ReviewId, cursor: "-1" }))).toBe("BAD_REQUEST");
  });
});

describe("reviews.compare", () => {
  it("gives deltas against the previous review of the same scope, with red items new and resolved", async () => {
    const result = await (await org.as("member")).reviews.compare({ reviewId: q3ReviewId });
    expect(result.previous).toEqual({
      id: q2ReviewId,
      title: `Q2 2026 review — ${org.organization.name}`,
      cycleName: "Q2 2026",
    });
    const revenue = result.deltas.find((d) => d.id === org.kpis.revenue.id);
    expect(revenue).toMatchObject({ previousStatus: "green", currentStatus: "red", newRed: true });
    expect(revenue?.delta).toBeCloseTo(10 / 6 - 20 / 3, 9);
    expect(result.newRed.map((d) => d.id)).toContain(org.kpis.revenue.id);
    expect(result.resolvedRed.map((d) => d.id)).toEqual([org.kpis.churn.id]);
    expect(result.deltas.some((d) => d.kind === "okr")).toBe(false);
  });

  it("has no previous review for the first one, nor for a team whose scope was never reviewed before", async () => {
    const manager = await org.as("manager");
    expect(await manager.reviews.compare({ reviewId: q2ReviewId })).toEqual({
      previous: null,
      deltas: [],
      newRed: [],
      resolvedRed: [],
    });
    const [marketing] = await handle.db
      .select({ id: reviews.id })
      .from(reviews)
      .where(eq(reviews.teamId, org.teams.marketing.id));
    expect((await manager.reviews.compare({ reviewId: marketing?.id ?? "" })).previous).toBeNull();
  });
});

describe("reviews.finalize", () => {
  let reviewId: string;
  let actionId: string;

  beforeAll(async () => {
    const manager = await org.as("manager");
    reviewId = (await manager.reviews.open({ cycleId: org.cycles.q4.id })).id;
    await manager.reviews.comment({ reviewId, subjectType: "kpi", subjectId: org.kpis.churn.id, body: "Watch churn." });
    actionId = (
      await manager.correctiveActions.create({
        reviewId,
        subjectType: "kpi",
        subjectId: org.kpis.churn.id,
        title: "Call every churned customer",
        ownerId: org.member.id,
        dueOn: "2027-02-15",
      })
    ).id;
  });

  it("refuses a stale version with CONFLICT", async () => {
    const manager = await org.as("manager");
    expect(await outcomeOf(() => manager.reviews.finalize({ reviewId, version: 7 }))).toBe("CONFLICT");
  });

  it("freezes the review and its actions, and records it", async () => {
    const manager = await org.as("manager");
    const open = await manager.reviews.get({ reviewId });
    const result = await manager.reviews.finalize({ reviewId, version: open.version });
    expect(result).toMatchObject({ status: "finalized", version: open.version + 1 });
    const review = await manager.reviews.get({ reviewId });
    expect(review).toMatchObject({ status: "finalized", canEdit: false, finalizedBy: { id: org.manager.id } });
    expect(review.finalizedAt).toBeInstanceOf(Date);
    expect(review.actions.find((a) => a.id === actionId)).toMatchObject({
      title: "Call every churned customer",
      status: "open",
      canUpdate: false,
      owner: { id: org.member.id },
    });
    const [row] = await handle.db
      .select()
      .from(activityLog)
      .where(and(eq(activityLog.entityId, reviewId), eq(activityLog.action, "review.finalized")));
    expect(row?.actorId).toBe(org.manager.id);
  });

  it("refuses every later write to the review, writing nothing", async () => {
    const admin = await org.as("admin");
    const before = await writeFingerprint(handle.db);
    const [current] = await handle.db
      .select({ version: reviews.version })
      .from(reviews)
      .where(eq(reviews.id, reviewId));
    const version = current?.version ?? 0;
    for (const call of [
      () => admin.reviews.comment({ reviewId, subjectType: "kpi", subjectId: org.kpis.churn.id, body: "Too late" }),
      () => admin.reviews.comment({ reviewId, subjectType: "kpi", subjectId: org.kpis.churn.id, body: "" }),
      () =>
        admin.correctiveActions.create({
          reviewId,
          subjectType: "kpi",
          subjectId: org.kpis.churn.id,
          title: "Too late",
          ownerId: org.admin.id,
          dueOn: "2027-03-01",
        }),
      () => admin.reviews.finalize({ reviewId, version }),
      () => admin.reviews.finalize({ reviewId, version: version - 1 }),
    ]) {
      const error = await trpcErrorOf(call);
      expect(error.code).toBe("PRECONDITION_FAILED");
      expect(error.message).toBe("This review is finalized and read-only.");
    }
    expect(await writeFingerprint(handle.db)).toEqual(before);
  });

  it("keeps its frozen copy when the live action moves on in a later quarter", async () => {
    const member = await org.as("member");
    await member.correctiveActions.update({ actionId, version: 1, status: "done" });
    const review = await member.reviews.get({ reviewId });
    expect(review.actions.find((a) => a.id === actionId)?.status).toBe("open");
    expect((await member.correctiveActions.listOpen()).map((a) => a.id)).not.toContain(actionId);
  });
});

describe("CSV export", () => {
  it("holds every row of the review with its commentary, and the corrective actions", async () => {
    const manager = await org.as("manager");
    await manager.correctiveActions.create({
      reviewId: q3ReviewId,
      subjectType: "kpi",
      subjectId: org.kpis.revenue.id,
      title: "=cmd|' /C calc'!A0",
      ownerId: org.manager.id,
      dueOn: "2026-11-30",
    });
    const review = await manager.reviews.get({ reviewId: q3ReviewId });
    const rows = readCsv(reviewCsv(review.snapshot, review.comments, review.actions));
    const revenueName = org.kpis.revenue.name;
    expect(rows[0]?.slice(0, 3)).toEqual(["Type", "Perspective", "Name"]);
    expect(rows.find((r) => r[2] === revenueName)).toEqual([
      "KPI",
      org.perspectives[0]?.name,
      revenueName,
      "70",
      "100",
      "80",
      "",
      "1.67",
      "Red",
      "Slow August; pricing fixed in September.",
    ]);
    expect(rows.find((r) => r[2] === "Grow revenue")?.[9]).toBe("On it.");
    expect(rows.filter((r) => r[0]?.startsWith("OKR objective"))).toHaveLength(4);
    const at = rows.findIndex((r) => r[0] === "Corrective actions");
    expect(rows[at + 2]).toEqual(["KPI", revenueName, "'=cmd|' /C calc'!A0", org.manager.name, "2026-11-30", "Open"]);
  });
});

describe("the demo review", () => {
  let demo: DatabaseHandle;
  afterAll(async () => {
    await demo?.close();
  });

  it("is last quarter's, finalized, with commentary and three corrective actions (one done)", async () => {
    demo = await createTestDatabase();
    const orgId = await seedDemoOrganization(demo.db);
    const closed = await cycleByStatus(demo.db, orgId, "closed");
    const viewer = await callerFor(demo.db, DEMO.viewer);
    const [listed] = await viewer.reviews.list();
    expect(listed).toMatchObject({
      cycleId: closed.id,
      status: "finalized",
      team: null,
      title: `${closed.name} review — Northwind Labs`,
    });
    const review = await viewer.reviews.get({ reviewId: listed?.id ?? "" });
    expect(review.snapshot.scorecard.perspectives.length).toBeGreaterThanOrEqual(4);
    expect(review.snapshot.okrs.length).toBeGreaterThan(0);
    expect(review.comments.length).toBeGreaterThanOrEqual(2);
    expect(review.actions.map((a) => a.status).sort()).toEqual(["done", "open", "open"]);
    const member = await callerFor(demo.db, DEMO.member);
    const open = await member.correctiveActions.listOpen();
    expect(open).toHaveLength(2);
    expect(open.filter((a) => a.canUpdate)).toHaveLength(1);
    expect(open.every((a) => a.dueOn > closed.endsOn)).toBe(true);
  });
});
