import { and, eq, inArray, isNull, keyResults, objectives } from "@meridian/db";
import { keyResultProgress, type Progress, type WeightedProgress, weightedProgress } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  createOrganizationWithOkr,
  cycleByStatus,
  type OpenedDashboard as Dashboard,
  DEMO,
  DEMO_TITLES,
  dashboardFor,
  flattenTree,
  type TreeNode as ObjectiveNode,
  openDashboard,
  teamByName,
  trpcErrorOf,
  useDemoDatabase,
  userIdOf,
} from "../../../test/support";

const { GROWTH, PIPELINE, CLOSE, WEBINARS, QUALITY, RELIABILITY, CI, RETENTION, PEOPLE, PRIVATE, ADVOCACY } =
  DEMO_TITLES;

/** Marketing's draft, written by Sam, aligned under GROWTH: Marketing and admins see it. */

const demo = useDemoDatabase();
/** The Engineering team's draft: its hiring plan, aligned under PEOPLE. */
let DRAFT: string;

beforeAll(async () => {
  const engineering = await teamByName(demo.db, demo.orgId, "Engineering");
  const drafts = await demo.db
    .select()
    .from(objectives)
    .where(
      and(
        eq(objectives.organizationId, demo.orgId),
        eq(objectives.status, "draft"),
        eq(objectives.teamId, engineering.id),
      ),
    );
  const [draft] = drafts;
  if (!draft || drafts.length !== 1) throw new Error(`expected one Engineering draft, found ${drafts.length}`);
  DRAFT = draft.title;
});

function node(dashboard: Dashboard, title: string): ObjectiveNode {
  const found = flattenTree(dashboard.roots).find((n) => n.title === title);
  if (!found) throw new Error(`"${title}" is not on the dashboard`);
  return found;
}

const titles = (dashboard: Dashboard) => flattenTree(dashboard.roots).map((n) => n.title);
/**
 * The titles of an objective's aligned objectives, sorted: the demo seeds them in
 * one transaction, so they share a creation time and their order is the ids'.
 */
const childTitles = (n: ObjectiveNode) => n.children.map((c) => c.title).sort();

/** The progress of an objective from its own key results, computed from the stored rows with the domain math. */
async function keyResultItems(objectiveId: string): Promise<WeightedProgress[]> {
  const rows = await demo.db
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.objectiveId, objectiveId), isNull(keyResults.archivedAt)));
  return rows.map((kr) => ({ ...keyResultProgress(kr, kr.currentValue), weight: kr.weight }));
}

/**
 * The design's rollup, applied by hand to the stored rows: Σ wᵢ·pᵢ / Σ wᵢ over the
 * objective's key results, its aligned (active or closed) objectives, or both.
 */
async function expectedProgress(objectiveId: string): Promise<Progress & { measurable: boolean }> {
  const [objective] = await demo.db.select().from(objectives).where(eq(objectives.id, objectiveId));
  if (!objective) throw new Error(`no objective ${objectiveId}`);
  const items: WeightedProgress[] = [];
  if (objective.progressSource !== "aligned_objectives") items.push(...(await keyResultItems(objective.id)));
  if (objective.progressSource !== "key_results") {
    const children = await demo.db
      .select()
      .from(objectives)
      .where(and(eq(objectives.parentId, objective.id), inArray(objectives.status, ["active", "closed"])));
    for (const child of children) {
      const p = await expectedProgress(child.id);
      if (p.measurable) items.push({ ...p, weight: child.weight });
    }
  }
  return { ...weightedProgress(items), measurable: items.some((i) => i.weight > 0) };
}

describe("objectives.dashboard: alignment tree", () => {
  it("shows the current cycle with company objectives at the roots and team objectives aligned under them", async () => {
    const dashboard = await dashboardFor(demo.db, DEMO.member);
    expect(dashboard.cycle).toMatchObject({ name: "Q4 2026", status: "open" });
    expect(dashboard.expected).toBeGreaterThanOrEqual(0);
    expect(dashboard.expected).toBeLessThanOrEqual(1);

    expect(dashboard.roots.map((r) => r.level)).toEqual(["company", "company", "company"]);
    expect(dashboard.roots.map((r) => r.title).sort()).toEqual([GROWTH, QUALITY, PEOPLE].sort());
    expect(childTitles(node(dashboard, GROWTH))).toEqual([PIPELINE, ADVOCACY, CLOSE].sort());
    expect(childTitles(node(dashboard, PIPELINE))).toEqual([WEBINARS]);
    expect(childTitles(node(dashboard, QUALITY))).toEqual([RELIABILITY, RETENTION].sort());
    expect(childTitles(node(dashboard, RELIABILITY))).toEqual([CI]);
    for (const root of dashboard.roots) {
      for (const child of root.children) {
        expect(child.level).toBe("team");
        expect(child.parentId).toBe(root.id);
      }
    }
    expect(node(dashboard, PIPELINE)).toMatchObject({
      team: { name: "Marketing" },
      owner: { name: "Maya Chen" },
      status: "active",
      visibility: "public",
    });
  });

  it("counts every visible objective once in the status totals", async () => {
    const dashboard = await dashboardFor(demo.db, DEMO.admin);
    const all = flattenTree(dashboard.roots);
    expect(Object.values(dashboard.totals).reduce((a, b) => a + b, 0)).toBe(all.length);
    for (const status of ["on_track", "at_risk", "off_track", "no_data"] as const) {
      expect(dashboard.totals[status]).toBe(all.filter((n) => n.progressStatus === status).length);
    }
  });

  it("returns null for an organization without any cycle", async () => {
    const org = await createOrganization(demo.db);
    const member = await createMember(demo.db, org.id);
    expect(await (await callerFor(demo.db, member.email)).objectives.dashboard()).toBeNull();
  });
});

describe("objectives.dashboard: progress", () => {
  it('rolls up a "both" parent as the weighted mean of its key results and its aligned objectives', async () => {
    const dashboard = await dashboardFor(demo.db, DEMO.member);
    const growth = node(dashboard, GROWTH);
    expect(growth.progressSource).toBe("both");
    expect(childTitles(growth)).toEqual([PIPELINE, ADVOCACY, CLOSE].sort());

    const expected = await expectedProgress(growth.id);
    expect(growth.progress).toBeCloseTo(expected.progress, 12);
    expect(growth.hasData).toBe(true);
    // Neither source alone gives this number.
    const own = weightedProgress(await keyResultItems(growth.id));
    const children = growth.children.map((c) => ({ progress: c.progress, hasData: c.hasData, weight: c.weight }));
    expect(growth.progress).not.toBeCloseTo(own.progress, 6);
    expect(growth.progress).not.toBeCloseTo(weightedProgress(children).progress, 6);
  });

  it("matches the domain math for every objective on the admin's dashboard", async () => {
    const all = flattenTree((await dashboardFor(demo.db, DEMO.admin)).roots).filter((n) => n.status !== "draft");
    expect(all.length).toBeGreaterThan(8);
    for (const n of all) {
      const expected = await expectedProgress(n.id);
      expect({ title: n.title, progress: n.progress, hasData: n.hasData }).toEqual({
        title: n.title,
        progress: expect.closeTo(expected.progress, 12),
        hasData: expected.hasData,
      });
    }
  });

  it('rolls up an "aligned objectives" parent by its children\'s weights (Reliability counts twice)', async () => {
    const dashboard = await dashboardFor(demo.db, DEMO.member);
    const reliability = await expectedProgress(node(dashboard, RELIABILITY).id);
    const retention = await expectedProgress(node(dashboard, RETENTION).id);
    expect(node(dashboard, RELIABILITY).weight).toBe(2);
    expect(node(dashboard, QUALITY).progress).toBeCloseTo((2 * reliability.progress + retention.progress) / 3, 12);
  });

  it("reports the same progress to everyone, whatever they may see", async () => {
    const [viewer, member, admin] = await Promise.all([
      dashboardFor(demo.db, DEMO.viewer),
      dashboardFor(demo.db, DEMO.member),
      dashboardFor(demo.db, DEMO.admin),
    ]);
    for (const title of [GROWTH, QUALITY, PEOPLE, PIPELINE]) {
      expect(node(viewer, title).progress).toBe(node(admin, title).progress);
      expect(node(member, title).progress).toBe(node(admin, title).progress);
    }
  });

  it("computes key-result progress with the domain formula and marks unmeasured ones as no data", async () => {
    const dashboard = await dashboardFor(demo.db, DEMO.member);
    const webinars = node(dashboard, WEBINARS);
    const registrations = webinars.keyResults.find((k) => k.title === "Webinar registrations per session");
    const guide = webinars.keyResults.find((k) => k.title === "Publish the buyer's guide");
    if (!registrations?.currentValue || !guide) throw new Error("expected the webinar key results");
    expect(registrations.progress).toBeCloseTo((registrations.currentValue - 150) / (400 - 150), 12);
    expect(guide).toMatchObject({ currentValue: null, progress: 0, hasData: false, status: "no_data" });
  });
});

describe("objectives.dashboard: visibility", () => {
  it.each([
    [DEMO.nina, true],
    [DEMO.ravi, true],
    [DEMO.lena, true],
    [DEMO.admin, true],
    [DEMO.member, false],
    [DEMO.manager, false],
    [DEMO.viewer, false],
    [DEMO.priya, false],
  ])("draft of the Engineering team — %s sees it: %s", async (email, visible) => {
    const dashboard = await dashboardFor(demo.db, email);
    expect(titles(dashboard).includes(DRAFT)).toBe(visible);
    if (visible) {
      expect(childTitles(node(dashboard, PEOPLE))).toContain(DRAFT);
      expect(node(dashboard, DRAFT).status).toBe("draft");
    }
  });

  it.each([
    [DEMO.ravi, true],
    [DEMO.lena, true],
    [DEMO.admin, true],
    [DEMO.member, false],
    [DEMO.viewer, false],
    [DEMO.nina, false],
    [DEMO.manager, false],
  ])('private objective "Grow into a team lead role" — %s sees it: %s', async (email, visible) => {
    const dashboard = await dashboardFor(demo.db, email);
    expect(titles(dashboard).includes(PRIVATE)).toBe(visible);
    // Neither is a key result of it visible anywhere on the dashboard.
    const krTitles = flattenTree(dashboard.roots).flatMap((n) => n.keyResults.map((k) => k.title));
    expect(krTitles.includes("Mentoring sessions held")).toBe(visible);
    if (visible) expect(node(dashboard, PRIVATE)).toMatchObject({ visibility: "private", parentId: null });
  });

  it("shows a closed cycle on request, with nobody able to check in", async () => {
    const closed = await cycleByStatus(demo.db, demo.orgId, "closed");
    const dashboard = await dashboardFor(demo.db, DEMO.admin, closed.id);
    expect(dashboard.cycle).toMatchObject({ id: closed.id, status: "closed" });
    expect(titles(dashboard)).toEqual(["Prove the mid-market motion", "Stabilise the platform"]);
    expect(flattenTree(dashboard.roots).flatMap((n) => n.keyResults.map((k) => k.canCheckIn))).not.toContain(true);
  });

  it("answers NOT_FOUND for a cycle of another organization, or one that does not exist", async () => {
    const other = await createOrganizationWithOkr(demo.db);
    const caller = await callerFor(demo.db, DEMO.admin);
    for (const cycleId of [other.cycle.id, "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"]) {
      const error = await trpcErrorOf(() => caller.objectives.dashboard({ cycleId }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("No such cycle.");
    }
    // And the other organization's objectives never leak into the demo dashboard.
    expect(titles(await dashboardFor(demo.db, DEMO.admin))).not.toContain(other.objective.title);
  });

  it("rejects a cycle id that is not a UUID with BAD_REQUEST", async () => {
    const caller = await callerFor(demo.db, DEMO.member);
    const error = await trpcErrorOf(() => caller.objectives.dashboard({ cycleId: "current" }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("objectives.dashboard: canCheckIn", () => {
  const keyResultsOf = (dashboard: Dashboard) => flattenTree(dashboard.roots).flatMap((n) => n.keyResults);

  it("is never set for the viewer", async () => {
    const krs = keyResultsOf(await dashboardFor(demo.db, DEMO.viewer));
    expect(krs.length).toBeGreaterThan(10);
    expect(krs.filter((k) => k.canCheckIn)).toEqual([]);
  });

  it("is set for the member exactly on the key results they own", async () => {
    const memberId = await userIdOf(demo.db, DEMO.member);
    const krs = keyResultsOf(await dashboardFor(demo.db, DEMO.member));
    const allowed = krs.filter((k) => k.canCheckIn);
    expect(allowed.map((k) => k.title).sort()).toEqual([
      "Attendance rate",
      "Cost per lead",
      "Publish the buyer's guide",
      "Webinar registrations per session",
    ]);
    // Sam also owns the key results of Marketing's draft, which are not open for check-ins yet.
    for (const n of flattenTree((await dashboardFor(demo.db, DEMO.member)).roots)) {
      for (const kr of n.keyResults) expect(kr.canCheckIn).toBe(kr.owner.id === memberId && n.status === "active");
    }
  });

  it("is set for the Marketing lead on Marketing's key results and their own, not on other teams'", async () => {
    const dashboard = await dashboardFor(demo.db, DEMO.manager);
    const marketing = flattenTree(dashboard.roots).filter((n) => n.team?.name === "Marketing");
    expect(marketing.map((n) => n.title).sort()).toEqual([PIPELINE, WEBINARS, ADVOCACY].sort());
    for (const n of flattenTree(dashboard.roots)) {
      for (const kr of n.keyResults) expect(kr.canCheckIn).toBe(n.team?.name === "Marketing" && n.status === "active");
    }
  });

  it("is set for the admin on every key result of an active objective, not on drafts", async () => {
    const dashboard = await dashboardFor(demo.db, DEMO.admin);
    for (const n of flattenTree(dashboard.roots)) {
      for (const kr of n.keyResults) expect(kr.canCheckIn).toBe(n.status === "active");
    }
    expect(node(dashboard, DRAFT).keyResults.map((k) => k.canCheckIn)).toEqual([false]);
  });
});

describe("objectives.dashboard: archived objectives and key results", () => {
  it("leaves them out of the tree and out of their parent's progress", async () => {
    const org = await createOrganizationWithOkr(demo.db);
    const scope = { organizationId: org.organization.id, cycleId: org.cycle.id, ownerId: org.admin.id };
    const parent = await createObjective(demo.db, scope, { level: "company", progressSource: "aligned_objectives" });
    const child = await createObjective(demo.db, scope, { parentId: parent.id });
    const krScope = { organizationId: org.organization.id, objectiveId: child.id, ownerId: org.member.id };
    await createKeyResult(demo.db, krScope, { currentValue: 50 });
    const archivedKr = await createKeyResult(demo.db, krScope, { currentValue: 100, archivedAt: new Date() });

    const caller = await callerFor(demo.db, org.admin.email);
    const before = await openDashboard(caller);
    if (!before) throw new Error("expected a dashboard");
    const parentBefore = before.roots.find((r) => r.id === parent.id);
    // 0 → 100 at 50 is 0.5; the archived key result at 100 does not count.
    expect(parentBefore?.children.map((c) => c.id)).toEqual([child.id]);
    expect(parentBefore?.children[0]?.keyResults.map((k) => k.id)).not.toContain(archivedKr.id);
    expect(parentBefore?.progress).toBe(0.5);

    await caller.objectives.archive({ objectiveId: child.id, version: child.version });
    const after = await openDashboard(caller);
    const parentAfter = after?.roots.find((r) => r.id === parent.id);
    expect(flattenTree(after?.roots ?? []).map((n) => n.id)).not.toContain(child.id);
    expect(parentAfter).toMatchObject({ children: [], progress: 0, hasData: false, progressStatus: "no_data" });
  });
});
