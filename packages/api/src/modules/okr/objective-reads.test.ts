import { and, eq, objectives, rows, sql } from "@meridian/db";
import {
  canSeeObjective,
  OBJECTIVE_STATUSES,
  type ObjectiveStatus,
  progressStatus,
  VISIBILITIES,
  type Viewer,
} from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  createTeam,
  statementsOf,
  trpcErrorOf,
  useTestDatabase,
} from "../../../test/support";
import { sqlArray } from "../../lib/sql-array";
import { progressStatusOf, visibleTo } from "./objective-filters";
import { refreshStaleRollups } from "./objective-rollup";

const database = useTestDatabase();
const db = () => database.db;

let org: { id: string };
let cycleId: string;
let admin: { id: string; email: string };
let lead: { id: string; email: string };
let member: { id: string; email: string };
let outsider: { id: string; email: string };
let teamA: string;
let teamB: string;

beforeAll(async () => {
  org = await createOrganization(db());
  admin = await createMember(db(), org.id, "admin");
  lead = await createMember(db(), org.id, "manager");
  member = await createMember(db(), org.id, "member");
  outsider = await createMember(db(), org.id, "viewer");
  teamA = (await createTeam(db(), org.id, { leads: [lead.id], members: [member.id] })).id;
  teamB = (await createTeam(db(), org.id)).id;
  cycleId = (await createCycle(db(), org.id)).id;
});

describe("visibility in SQL", () => {
  it("keeps exactly the objectives canSeeObjective lets each viewer see", async () => {
    const scope = { organizationId: org.id, cycleId };
    const owners = [member.id, lead.id, admin.id];
    const teamsOf = [teamA, teamB, null];
    const statuses: ObjectiveStatus[] = OBJECTIVE_STATUSES.filter((s) => s !== "archived");
    for (const ownerId of owners)
      for (const teamId of teamsOf)
        for (const visibility of VISIBILITIES)
          for (const status of statuses)
            await createObjective(db(), { ...scope, ownerId }, { teamId, visibility, status, level: "personal" });

    const viewers: Viewer[] = [
      { role: "member", userId: member.id, teamIds: new Set([teamA]), ledTeamIds: new Set() },
      { role: "manager", userId: lead.id, teamIds: new Set([teamA]), ledTeamIds: new Set([teamA]) },
      { role: "viewer", userId: outsider.id, teamIds: new Set(), ledTeamIds: new Set() },
      { role: "member", userId: outsider.id, teamIds: new Set([teamA, teamB]), ledTeamIds: new Set([teamB]) },
      { role: "admin", userId: admin.id, teamIds: new Set(), ledTeamIds: new Set() },
    ];
    const all = await db()
      .select({
        id: objectives.id,
        ownerId: objectives.ownerId,
        teamId: objectives.teamId,
        visibility: objectives.visibility,
        status: objectives.status,
      })
      .from(objectives)
      .where(and(eq(objectives.organizationId, org.id), eq(objectives.cycleId, cycleId)));
    expect(all.length).toBe(owners.length * teamsOf.length * VISIBILITIES.length * statuses.length);

    for (const viewer of viewers) {
      const seen = await db()
        .select({ id: objectives.id })
        .from(objectives)
        .where(and(eq(objectives.organizationId, org.id), eq(objectives.cycleId, cycleId), visibleTo(viewer)));
      const expected = all.filter((o) => canSeeObjective(viewer, o)).map((o) => o.id);
      expect(seen.map((r) => r.id).sort()).toEqual(expected.sort());
      // Every viewer but the admin misses something, or the test would prove nothing.
      if (viewer.role !== "admin") expect(expected.length).toBeLessThan(all.length);
    }
  });
});

describe("progress status in SQL", () => {
  it("agrees with progressStatus across the boundaries, with and without low confidence", async () => {
    const other = await createCycle(db(), org.id);
    const expectedNow = 0.55;
    const progresses = [-0.5, 0, 0.1, 0.15, 0.15 + 1e-10, 0.1499999, 0.35, 0.35 + 2e-9, 0.36, 0.5, 0.55, 1, 1.4];
    const confidences = [null, 0, 3, 4, 10];
    const rows = progresses.flatMap((progress) =>
      confidences.flatMap((lowestConfidence) =>
        [true, false].map((hasData) => ({ progress, lowestConfidence, progressHasData: hasData })),
      ),
    );
    await db()
      .insert(objectives)
      .values(
        rows.map((r, i) => ({
          organizationId: org.id,
          cycleId: other.id,
          level: "personal" as const,
          title: `Status ${i}`,
          ownerId: member.id,
          ...r,
          progressStale: false,
        })),
      );
    const read = await db()
      .select({
        progress: objectives.progress,
        hasData: objectives.progressHasData,
        lowestConfidence: objectives.lowestConfidence,
        status: progressStatusOf(expectedNow),
      })
      .from(objectives)
      .where(and(eq(objectives.organizationId, org.id), eq(objectives.cycleId, other.id)));
    expect(read.length).toBe(rows.length);
    for (const r of read) {
      expect({ ...r, status: r.status }).toEqual({
        ...r,
        status: progressStatus({ progress: r.progress, hasData: r.hasData }, expectedNow, r.lowestConfidence),
      });
    }
    expect(new Set(read.map((r) => r.status))).toEqual(new Set(["on_track", "at_risk", "off_track", "no_data"]));
  });
});

describe("paging", () => {
  let pagedCycle: string;
  let parentId: string;

  beforeAll(async () => {
    pagedCycle = (await createCycle(db(), org.id)).id;
    const scope = { organizationId: org.id, cycleId: pagedCycle, ownerId: admin.id };
    const parent = await createObjective(db(), scope, { level: "company", title: "The one above them all" });
    parentId = parent.id;
    for (let i = 0; i < 61; i++) {
      await createObjective(db(), scope, { level: "team", teamId: teamA, parentId, title: `Aligned ${i}` });
    }
    for (let i = 0; i < 55; i++) await createObjective(db(), scope, { level: "personal", title: `Loose ${i}` });
  });

  it("walks objectives.list page by page: every objective once, in one order, the last page without a cursor", async () => {
    const caller = await callerFor(db(), admin.email);
    const ids: string[] = [];
    let pages = 0;
    let cursor: string | null | undefined;
    do {
      const page = await caller.objectives.list({ cycleId: pagedCycle, cursor, limit: 50 });
      if (!page) throw new Error("expected a page");
      expect(page.objectives.length).toBeLessThanOrEqual(50);
      ids.push(...page.objectives.map((o) => o.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(ids.length).toBe(117);
    expect(new Set(ids).size).toBe(117);
    const first = await caller.objectives.list({ cycleId: pagedCycle, limit: 100 });
    expect(first?.objectives.map((o) => o.id)).toEqual(ids.slice(0, 100));
    expect(first?.objectives[0]?.title).toBe("The one above them all");
  });

  it("pages the dashboard's roots and a branch's aligned objectives the same way", async () => {
    const caller = await callerFor(db(), admin.email);
    const dashboard = await caller.objectives.dashboard({ cycleId: pagedCycle });
    expect(dashboard?.roots.length).toBe(50);
    expect(dashboard?.roots[0]).toMatchObject({ id: parentId, alignedCount: 61, keyResultCount: 0 });
    const second = await caller.objectives.dashboard({ cycleId: pagedCycle, cursor: dashboard?.nextCursor });
    expect(second?.roots.length).toBe(6);
    expect(second?.nextCursor).toBeNull();
    expect(Object.values(dashboard?.totals ?? {}).reduce((a, b) => a + b, 0)).toBe(117);

    const branch = await caller.objectives.branch({ objectiveId: parentId });
    expect(branch.aligned.length).toBe(50);
    const rest = await caller.objectives.branch({ objectiveId: parentId, cursor: branch.nextCursor });
    expect(rest.aligned.length).toBe(11);
    expect(rest.nextCursor).toBeNull();
    expect(new Set([...branch.aligned, ...rest.aligned].map((o) => o.id)).size).toBe(61);
    for (const o of [...branch.aligned, ...rest.aligned]) expect(o.parentId).toBe(parentId);
  });

  it("reads an objective's page in one statement, the membership riding in it, its aligned objectives paged", async () => {
    const caller = await callerFor(db(), admin.email);
    const krId = (await createKeyResult(db(), { organizationId: org.id, objectiveId: parentId, ownerId: admin.id })).id;
    await caller.checkIns.create({
      keyResultId: krId,
      value: 10,
      confidence: 6,
      comment: "first",
      idempotencyKey: crypto.randomUUID(),
    });
    await caller.comments.create({ objectiveId: parentId, body: "A word" });
    const { result: shown, sent } = await statementsOf(db(), () => caller.objectives.get({ objectiveId: parentId }));
    // The page and, in the same statement, the membership read again (ADR 0031): not one statement per part.
    expect(sent.length).toBe(1);
    if (!shown) throw new Error("expected the page");
    expect(shown.objective.keyResults.map((kr) => kr.id)).toEqual([krId]);
    expect(shown.checkIns.map((c) => [c.keyResultId, c.value, c.comment])).toEqual([[krId, 10, "first"]]);
    expect(shown.checkIns[0]?.createdAt).toBeInstanceOf(Date);
    expect(shown.comments.map((c) => c.body)).toEqual(["A word"]);
    expect(shown.activity.length).toBeGreaterThan(0);
    expect(shown.aligned.length).toBe(50);
    // The page's cursor is the branch's: the rest of what aligns under it follows.
    const rest = await caller.objectives.branch({ objectiveId: parentId, cursor: shown.alignedNextCursor });
    expect(rest.aligned.length).toBe(11);
    expect(new Set([...shown.aligned, ...rest.aligned].map((o) => o.id)).size).toBe(61);
  });

  it("reads the dashboard and a branch in one statement each, the membership riding in it once seen", async () => {
    const caller = await callerFor(db(), member.email);
    await caller.objectives.dashboard({ cycleId: pagedCycle });
    const dashboard = await statementsOf(db(), () => caller.objectives.dashboard({ cycleId: pagedCycle }));
    expect(dashboard.sent.length).toBe(1);
    expect(dashboard.result?.roots.length).toBe(50);
    const branch = await statementsOf(db(), () => caller.objectives.branch({ objectiveId: parentId }));
    expect(branch.sent.length).toBe(1);
    expect(branch.result.keyResults.length).toBe(1);
    expect(branch.result.aligned.length).toBe(50);
  });

  it("answers a forged or garbled cursor with BAD_REQUEST", async () => {
    const caller = await callerFor(db(), admin.email);
    const forged = Buffer.from(JSON.stringify({ l: "team", c: "2026-02-31 10:00:00+00", i: parentId })).toString(
      "base64url",
    );
    for (const cursor of ["not-a-cursor", forged, Buffer.from("{}").toString("base64url")]) {
      const error = await trpcErrorOf(() => caller.objectives.list({ cycleId: pagedCycle, cursor }));
      expect(error.code).toBe("BAD_REQUEST");
      const branchError = await trpcErrorOf(() => caller.objectives.branch({ objectiveId: parentId, cursor }));
      expect(branchError.code).toBe("BAD_REQUEST");
    }
  });
});

describe("objectives.list search", () => {
  it("takes %, _ and \\ in the search text literally", async () => {
    const searchCycle = (await createCycle(db(), org.id)).id;
    const scope = { organizationId: org.id, cycleId: searchCycle, ownerId: admin.id };
    await createObjective(db(), scope, { title: "Reach 100% uptime" });
    await createObjective(db(), scope, { title: "Ship the v2_beta" });
    await createObjective(db(), scope, { title: "Plain title" });
    const caller = await callerFor(db(), admin.email);
    const titles = async (q: string) =>
      (await caller.objectives.list({ cycleId: searchCycle, q }))?.objectives.map((o) => o.title);
    expect(await titles("%")).toEqual(["Reach 100% uptime"]);
    expect(await titles("_")).toEqual(["Ship the v2_beta"]);
    expect(await titles("\\")).toEqual([]);
    expect(await titles("TITLE")).toEqual(["Plain title"]);
  });
});

describe("stored rollups", () => {
  it("hold after a run of writes what a recompute from scratch gives", async () => {
    const rollupCycle = (await createCycle(db(), org.id)).id;
    const scope = { organizationId: org.id, cycleId: rollupCycle, ownerId: admin.id };
    const top = await createObjective(db(), scope, { level: "company", progressSource: "aligned_objectives" });
    const mid = await createObjective(db(), scope, { parentId: top.id, progressSource: "both", weight: 3 });
    const leaf = await createObjective(db(), scope, { parentId: mid.id, teamId: teamA });
    const other = await createObjective(db(), scope, { parentId: top.id, teamId: teamA });
    const leafKr = await createKeyResult(db(), { organizationId: org.id, objectiveId: leaf.id, ownerId: member.id });
    const midKr = await createKeyResult(db(), { organizationId: org.id, objectiveId: mid.id, ownerId: admin.id });
    const otherKr = await createKeyResult(db(), { organizationId: org.id, objectiveId: other.id, ownerId: admin.id });

    const caller = await callerFor(db(), admin.email);
    const checkIn = (keyResultId: string, value: number, confidence = 7) =>
      caller.checkIns.create({ keyResultId, value, confidence, comment: "", idempotencyKey: crypto.randomUUID() });
    await checkIn(leafKr.id, 40);
    await checkIn(midKr.id, 80, 2);
    const late = await checkIn(otherKr.id, 10);
    await caller.checkIns.update({ checkInId: late.checkIn.id, value: 30, confidence: 5, comment: "fixed" });
    await caller.keyResults.create({
      objectiveId: leaf.id,
      title: "Second",
      type: "increase_to",
      startValue: 0,
      targetValue: 10,
    });
    const storedTop = async () =>
      (await db().select().from(objectives).where(eq(objectives.id, top.id)))[0]?.progress ?? Number.NaN;
    const beforeMove = await storedTop();
    const [current] = await db().select().from(objectives).where(eq(objectives.id, other.id));
    await caller.objectives.update({ objectiveId: other.id, version: current?.version ?? 0, parentId: mid.id });
    expect(await storedTop()).not.toBe(beforeMove);

    const read = () =>
      db()
        .select({
          id: objectives.id,
          progress: objectives.progress,
          hasData: objectives.progressHasData,
          measurable: objectives.progressMeasurable,
          lowestConfidence: objectives.lowestConfidence,
          keyResultCount: objectives.keyResultCount,
          stale: objectives.progressStale,
        })
        .from(objectives)
        .where(eq(objectives.cycleId, rollupCycle))
        .orderBy(objectives.id);
    const kept = await read();
    expect(kept.every((o) => !o.stale)).toBe(true);
    expect(kept.find((o) => o.id === mid.id)).toMatchObject({ lowestConfidence: 2, keyResultCount: 1 });

    await db().update(objectives).set({ progressStale: true, progress: -1 }).where(eq(objectives.cycleId, rollupCycle));
    expect(await refreshStaleRollups(db())).toBeGreaterThanOrEqual(1);
    const recomputed = await read();
    for (const [i, o] of recomputed.entries())
      expect(o).toEqual({ ...kept[i], progress: expect.closeTo(kept[i]?.progress ?? 0, 12) });
  });

  it("leave a new aligned objective without check-ins out of its parent's progress, stored and recomputed alike", async () => {
    const newCycle = (await createCycle(db(), org.id)).id;
    const scope = { organizationId: org.id, cycleId: newCycle, ownerId: admin.id };
    const parent = await createObjective(db(), scope, { level: "company", progressSource: "aligned_objectives" });
    const child = await createObjective(db(), scope, { parentId: parent.id });
    const kr = await createKeyResult(db(), { organizationId: org.id, objectiveId: child.id, ownerId: admin.id });
    const caller = await callerFor(db(), admin.email);
    await caller.checkIns.create({
      keyResultId: kr.id,
      value: 60,
      confidence: 8,
      comment: "",
      idempotencyKey: crypto.randomUUID(),
    });
    // A second child, just written, nobody has checked in on yet: no data, not 0 %.
    await caller.objectives.create({
      cycleId: newCycle,
      level: "company",
      title: "New and silent",
      parentId: parent.id,
      publish: true,
      keyResults: [{ title: "Not started", type: "increase_to", startValue: 0, targetValue: 10 }],
    });
    const storedParent = async () => (await db().select().from(objectives).where(eq(objectives.id, parent.id)))[0];
    expect(await storedParent()).toMatchObject({ progress: expect.closeTo(0.6, 12), progressHasData: true });
    expect((await caller.objectives.get({ objectiveId: parent.id }))?.objective.progress).toBeCloseTo(0.6, 12);

    await db().update(objectives).set({ progressStale: true, progress: -1 }).where(eq(objectives.cycleId, newCycle));
    await refreshStaleRollups(db());
    expect(await storedParent()).toMatchObject({ progress: expect.closeTo(0.6, 12), progressHasData: true });
  });

  // One PGlite connection runs one transaction at a time; the race needs the server.
  it.runIf(Boolean(process.env.DATABASE_URL))(
    "stay right when check-ins under one parent land at the same time",
    async () => {
      const raceCycle = (await createCycle(db(), org.id)).id;
      const scope = { organizationId: org.id, cycleId: raceCycle, ownerId: admin.id };
      const parent = await createObjective(db(), scope, { level: "company", progressSource: "aligned_objectives" });
      const krs = [];
      for (let i = 0; i < 6; i++) {
        const child = await createObjective(db(), scope, { parentId: parent.id });
        krs.push(await createKeyResult(db(), { organizationId: org.id, objectiveId: child.id, ownerId: admin.id }));
      }
      const caller = await callerFor(db(), admin.email);
      await Promise.all(
        krs.map((kr) =>
          caller.checkIns.create({
            keyResultId: kr.id,
            value: 60,
            confidence: 8,
            comment: "",
            idempotencyKey: crypto.randomUUID(),
          }),
        ),
      );
      const [stored] = await db().select().from(objectives).where(eq(objectives.id, parent.id));
      expect(stored?.progress).toBeCloseTo(0.6, 12);
      expect(stored?.progressHasData).toBe(true);
    },
  );
});

describe("lists bound as one parameter", () => {
  it("carry more ids than Postgres takes parameters (65,535) in a single bound value", async () => {
    const ids = Array.from({ length: 70_000 }, () => crypto.randomUUID());
    const query = sql`select count(*)::int as n from unnest(${sqlArray(ids, "uuid")}) as ids(id)`;
    expect(db().select({ n: sql<number>`1` }).from(sql`(${query}) q`).toSQL().params.length).toBe(1);
    const [row] = rows<{ n: number }>(await db().execute(query));
    expect(row?.n).toBe(70_000);
  });

  it("keeps quotes, backslashes and nulls apart", async () => {
    const values = ['a "quoted" word', "back\\slash", "comma, brace}", null];
    const result = rows<{ v: string | null }>(await db().execute(sql`select unnest(${sqlArray(values, "text")}) as v`));
    expect(result.map((r) => r.v)).toEqual(values);
  });
});
