import { randomUUID } from "node:crypto";
import { checkIns, correctiveActions, eq, keyResults, kpiActuals, kpis, reviews, sql } from "@meridian/db";
import {
  CHECK_IN_INTERVAL_MS,
  dueActualPeriod,
  isActualDue,
  isCheckInStale,
  type KpiFrequency,
  todayIso,
} from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anonymousCaller,
  callerFor,
  clientErrorOf,
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  createTeam,
  DEMO,
  outcomeOf,
  trpcErrorOf,
  useDemoDatabase,
} from "../../../test/support";

const demo = useDemoDatabase();
const DAY_MS = 86_400_000;

type People = Record<"admin" | "manager" | "member" | "viewer" | "colleague", { id: string; email: string }>;
let orgId: string;
let people: People;
let cycleId: string;
const kr: Record<string, string> = {};
const kpi: Record<string, string> = {};
const action: Record<string, string> = {};

const as = (who: keyof People) => callerFor(demo.db, people[who].email, orgId);
const queue = async (who: keyof People) => (await as(who)).checkIns.weekly();
const titles = (q: Awaited<ReturnType<typeof queue>>) => q.keyResults.map((d) => d.keyResult.title).sort();

async function setLastCheckIn(id: string, at: Date | null, value = 10) {
  await demo.db.update(keyResults).set({ lastCheckInAt: at, currentValue: value }).where(eq(keyResults.id, id));
}

async function insertKpi(
  name: string,
  ownerId: string,
  frequency: KpiFrequency,
  extra: Partial<typeof kpis.$inferInsert> = {},
) {
  const [row] = await demo.db
    .insert(kpis)
    .values({ organizationId: orgId, ownerId, name, frequency, goal: 100, redFlag: 80, ...extra })
    .returning({ id: kpis.id });
  if (!row) throw new Error("KPI was not created");
  return row.id;
}

const actual = (kpiId: string, periodStart: string, value: number) =>
  demo.db.insert(kpiActuals).values({ organizationId: orgId, kpiId, periodStart, value });

/**
 * A fresh organization beside the demo one: a member owning key results in every state a check-in
 * can be in, KPIs of every frequency with and without their owed actual, and corrective actions.
 */
beforeAll(async () => {
  const org = await createOrganization(demo.db, { name: "Queue Co" });
  orgId = org.id;
  const make = async (role: "admin" | "manager" | "member" | "viewer", name: string) => {
    const u = await createMember(demo.db, orgId, role, { name, email: `${name.toLowerCase()}@queue.test` });
    return { id: u.id, email: u.email };
  };
  people = {
    admin: await make("admin", "Ada"),
    manager: await make("manager", "Max"),
    member: await make("member", "Mia"),
    viewer: await make("viewer", "Vic"),
    colleague: await make("member", "Cal"),
  };
  const team = await createTeam(demo.db, orgId, {
    leads: [people.manager.id],
    members: [people.member.id, people.colleague.id],
  });
  const cycle = await createCycle(demo.db, orgId, { name: "Queue cycle" });
  cycleId = cycle.id;
  const scope = { organizationId: orgId, cycleId };
  const mine = await createObjective(
    demo.db,
    { ...scope, ownerId: people.member.id },
    { title: "B objective", teamId: team.id },
  );
  const theirs = await createObjective(
    demo.db,
    { ...scope, ownerId: people.manager.id },
    { title: "A objective", teamId: team.id },
  );
  const draft = await createObjective(
    demo.db,
    { ...scope, ownerId: people.member.id },
    { status: "draft", teamId: team.id },
  );
  const closed = await createCycle(demo.db, orgId, {
    name: "Old",
    startsOn: "2020-01-01",
    endsOn: "2020-03-31",
    status: "closed",
  });
  const old = await createObjective(demo.db, { organizationId: orgId, cycleId: closed.id, ownerId: people.member.id });
  const add = async (title: string, objectiveId: string, ownerId = people.member.id, extra = {}) => {
    kr[title] = (
      await createKeyResult(demo.db, { organizationId: orgId, objectiveId, ownerId }, { title, ...extra })
    ).id;
  };
  await add("never checked in", mine.id);
  await add("checked in yesterday", mine.id);
  await add("checked in 8 days ago", mine.id);
  await add("archived", mine.id, people.member.id, { archivedAt: new Date() });
  await add("colleague's", mine.id, people.colleague.id);
  await add("mine in the manager's objective", theirs.id);
  await add("manager's own", theirs.id, people.manager.id);
  await add("on a draft", draft.id);
  await add("in a closed cycle", old.id);
  const now = Date.now();
  await setLastCheckIn(kr["checked in yesterday"] as string, new Date(now - DAY_MS));
  await setLastCheckIn(kr["checked in 8 days ago"] as string, new Date(now - 8 * DAY_MS), 40);
  // Its sparkline: three check-ins, in seq order.
  await demo.db.insert(checkIns).values(
    [20, 30, 40].map((value, i) => ({
      organizationId: orgId,
      keyResultId: kr["checked in 8 days ago"] as string,
      authorId: people.member.id,
      value,
      confidence: 6,
      idempotencyKey: randomUUID(),
      seq: i + 1,
    })),
  );

  const today = todayIso();
  kpi.monthlyDue = await insertKpi("Monthly, owed", people.member.id, "monthly");
  kpi.monthlyDone = await insertKpi("Monthly, entered", people.member.id, "monthly");
  kpi.quarterlyDue = await insertKpi("Quarterly, owed", people.member.id, "quarterly");
  kpi.weeklyDone = await insertKpi("Weekly, entered", people.member.id, "weekly");
  kpi.archived = await insertKpi("Archived", people.member.id, "monthly", { archivedAt: new Date() });
  kpi.colleague = await insertKpi("Colleague's", people.colleague.id, "monthly");
  kpi.computed = await insertKpi("Conversion", people.member.id, "monthly", {
    kind: "ratio",
    inputAId: kpi.monthlyDue,
    inputBId: kpi.monthlyDone,
  });
  await actual(kpi.monthlyDone, dueActualPeriod("monthly", today).start, 90);
  // The month under way has a value too; the owed one is the last one that ended.
  await actual(kpi.monthlyDue, `${todayIso().slice(0, 8)}01`, 95);
  await actual(kpi.quarterlyDue, "2020-01-01", 70);
  await actual(kpi.weeklyDone, dueActualPeriod("weekly", today).start, 12);

  const [review] = await demo.db
    .insert(reviews)
    .values({ organizationId: orgId, cycleId, title: "Queue review", snapshot: {}, openedById: people.manager.id })
    .returning({ id: reviews.id });
  if (!review) throw new Error("review was not created");
  const addAction = async (title: string, ownerId: string, dueOn: string, status: "open" | "in_progress" | "done") => {
    const [row] = await demo.db
      .insert(correctiveActions)
      .values({
        organizationId: orgId,
        reviewId: review.id,
        subjectType: "kpi",
        subjectId: kpi.monthlyDue as string,
        title,
        ownerId,
        dueOn,
        status,
      })
      .returning({ id: correctiveActions.id });
    action[title] = row?.id ?? "";
  };
  await addAction("Call the top ten accounts", people.member.id, "2026-12-20", "open");
  await addAction("Fix the funnel", people.member.id, "2026-12-10", "in_progress");
  await addAction("Already done", people.member.id, "2026-12-01", "done");
  await addAction("The colleague's", people.colleague.id, "2026-12-01", "open");
});

describe("checkIns.weekly: what the member owes", () => {
  it("lists the active key results they own with no check-in this week, on active objectives of the open cycle", async () => {
    const q = await queue("member");
    expect(q.cycle?.id).toBe(cycleId);
    expect(titles(q)).toEqual(["checked in 8 days ago", "mine in the manager's objective", "never checked in"]);
    // Ordered by objective title, then by the key results' order.
    expect(q.keyResults[0]?.objective.title).toBe("A objective");
    for (const due of q.keyResults) expect(due.keyResult.canCheckIn).toBe(true);
  });

  it("gives each its last value, target, expected-by-now and its recent check-in values, oldest first", async () => {
    const q = await queue("member");
    const row = q.keyResults.find((d) => d.keyResult.title === "checked in 8 days ago");
    expect(row?.recentValues).toEqual([20, 30, 40]);
    expect(row?.keyResult).toMatchObject({ currentValue: 40, targetValue: 100, startValue: 0, progress: 0.4 });
    expect(q.expected).toBeGreaterThan(0);
    expect(q.expected).toBeLessThan(1);
    expect(q.keyResults.find((d) => d.keyResult.title === "never checked in")?.recentValues).toEqual([]);
  });

  it("lists the entered KPIs they own whose last ended period has no actual, with their newest actual", async () => {
    const q = await queue("member");
    const today = todayIso();
    expect(q.kpis.map((k) => k.name)).toEqual(["Monthly, owed", "Quarterly, owed"]);
    expect(q.kpis[0]).toMatchObject({
      frequency: "monthly",
      duePeriodStart: dueActualPeriod("monthly", today).start,
      lastActual: { periodStart: `${today.slice(0, 8)}01`, value: 95 },
      goal: 100,
      redFlag: 80,
    });
    expect(q.kpis[1]).toMatchObject({
      duePeriodStart: dueActualPeriod("quarterly", today).start,
      lastActual: { periodStart: "2020-01-01", value: 70 },
    });
  });

  it("lists the open and in-progress corrective actions assigned to them, soonest due first", async () => {
    const q = await queue("member");
    expect(q.actions.map((a) => a.title)).toEqual(["Fix the funnel", "Call the top ten accounts"]);
    expect(q.actions[0]).toMatchObject({
      status: "in_progress",
      dueOn: "2026-12-10",
      review: { title: "Queue review" },
    });
  });
});

describe("checkIns.weekly: the due rules in SQL are the domain's", () => {
  it("a check-in is due again exactly when isCheckInStale says so", async () => {
    const id = kr["never checked in"] as string;
    const now = Date.now();
    // Either side of the week, with room for the time the request takes.
    for (const age of [CHECK_IN_INTERVAL_MS - 60_000, CHECK_IN_INTERVAL_MS + 60_000, 0, 30 * DAY_MS]) {
      const at = new Date(now - age);
      await setLastCheckIn(id, at);
      const listed = titles(await queue("member")).includes("never checked in");
      expect(listed, `checked in ${age} ms ago`).toBe(isCheckInStale(at, new Date()));
    }
    await setLastCheckIn(id, null);
    expect(titles(await queue("member"))).toContain("never checked in");
  });

  it("a KPI is due exactly when isActualDue says so, for each frequency", async () => {
    const q = await queue("member");
    const listed = new Set(q.kpis.map((k) => k.id));
    const rows = await demo.db.select().from(kpis).where(eq(kpis.ownerId, people.member.id));
    const actuals = await demo.db.select().from(kpiActuals).where(eq(kpiActuals.organizationId, orgId));
    for (const row of rows.filter((r) => r.archivedAt === null)) {
      const starts = actuals.filter((a) => a.kpiId === row.id).map((a) => a.periodStart);
      expect(listed.has(row.id), row.name).toBe(isActualDue(row, starts));
    }
  });
});

describe("checkIns.weekly: what leaves the queue", () => {
  it("a key result checked in leaves it; a repeat of the same check-in adds nothing", async () => {
    const member = await as("member");
    const due = (await member.checkIns.weekly()).keyResults.find((d) => d.keyResult.title === "never checked in");
    if (!due) throw new Error("expected the key result in the queue");
    const input = {
      keyResultId: due.keyResult.id,
      value: 12,
      confidence: 7,
      comment: "weekly",
      idempotencyKey: randomUUID(),
      keyResultVersion: due.keyResult.version,
    };
    const first = await member.checkIns.create(input);
    const again = await member.checkIns.create(input);
    expect(again).toMatchObject({ replayed: true, checkIn: { id: first.checkIn.id } });
    const [n] = await demo.db
      .select({ n: sql<number>`count(*)::int` })
      .from(checkIns)
      .where(eq(checkIns.keyResultId, due.keyResult.id));
    expect(n?.n).toBe(1);
    expect(titles(await member.checkIns.weekly())).not.toContain("never checked in");
  });

  it("two copies of one save sent at once (a double Enter) record one check-in, neither a conflict", async () => {
    const member = await as("member");
    const due = (await member.checkIns.weekly()).keyResults.find(
      (d) => d.keyResult.title === "mine in the manager's objective",
    );
    if (!due) throw new Error("expected the key result in the queue");
    const input = {
      keyResultId: due.keyResult.id,
      value: 5,
      confidence: 5,
      comment: "",
      idempotencyKey: randomUUID(),
      keyResultVersion: due.keyResult.version,
    };
    const [a, b] = await Promise.all([member.checkIns.create(input), member.checkIns.create(input)]);
    expect(a.checkIn.id).toBe(b.checkIn.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
  });

  it("a stale row is refused with the key result as it is now, and nothing is written", async () => {
    const member = await as("member");
    const due = (await member.checkIns.weekly()).keyResults.find((d) => d.keyResult.title === "checked in 8 days ago");
    if (!due) throw new Error("expected the key result in the queue");
    // The team's lead checks in on it meanwhile.
    await (await as("manager")).checkIns.create({
      keyResultId: due.keyResult.id,
      value: 55,
      confidence: 4,
      comment: "",
      idempotencyKey: randomUUID(),
    });
    const error = await trpcErrorOf(() =>
      member.checkIns.create({
        keyResultId: due.keyResult.id,
        value: 60,
        confidence: 8,
        comment: "mine",
        idempotencyKey: randomUUID(),
        keyResultVersion: due.keyResult.version,
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(clientErrorOf(error, "checkIns.create").shape.data.current).toMatchObject({
      currentValue: 55,
      currentConfidence: 4,
      version: due.keyResult.version + 1,
    });
    const [row] = await demo.db.select().from(keyResults).where(eq(keyResults.id, due.keyResult.id));
    expect(row?.currentValue).toBe(55);
    // Saving again on the version now seen goes through: a knowing overwrite.
    const saved = await member.checkIns.create({
      keyResultId: due.keyResult.id,
      value: 60,
      confidence: 8,
      comment: "mine",
      idempotencyKey: randomUUID(),
      keyResultVersion: due.keyResult.version + 1,
    });
    expect(saved.replayed).toBe(false);
  });

  it("a KPI's owed actual entered, and an action marked done, leave it", async () => {
    const member = await as("member");
    const owed = (await member.checkIns.weekly()).kpis.find((k) => k.id === kpi.monthlyDue);
    if (!owed) throw new Error("expected the KPI in the queue");
    await member.kpiActuals.save({ kpiId: owed.id, values: [{ periodStart: owed.duePeriodStart, value: 88 }] });
    const open = (await member.checkIns.weekly()).actions.find((a) => a.id === action["Fix the funnel"]);
    if (!open) throw new Error("expected the action in the queue");
    await member.correctiveActions.update({ actionId: open.id, version: open.version, status: "done" });
    const after = await member.checkIns.weekly();
    expect(after.kpis.map((k) => k.id)).not.toContain(kpi.monthlyDue);
    expect(after.actions.map((a) => a.title)).toEqual(["Call the top ten accounts"]);
  });
});

describe("checkIns.weekly: roles and organizations", () => {
  it("refuses a viewer, who checks in on nothing, and a visitor without a session", async () => {
    expect(await outcomeOf(async () => (await as("viewer")).checkIns.weekly())).toBe("FORBIDDEN");
    expect(await outcomeOf(() => anonymousCaller(demo.db).checkIns.weekly())).toBe("UNAUTHORIZED");
  });

  it("gives a manager and an admin their own items only, not their team's nor the organization's", async () => {
    expect(titles(await queue("manager"))).toEqual(["manager's own"]);
    const adminQueue = await queue("admin");
    expect(adminQueue.keyResults).toEqual([]);
    expect(adminQueue.kpis).toEqual([]);
    expect(adminQueue.actions).toEqual([]);
    const colleague = await queue("colleague");
    expect(titles(colleague)).toEqual(["colleague's"]);
    expect(colleague.kpis.map((k) => k.name)).toEqual(["Colleague's"]);
    expect(colleague.actions.map((a) => a.title)).toEqual(["The colleague's"]);
  });

  it("never mixes organizations: the demo member's queue holds only the demo organization's items", async () => {
    const demoQueue = await (await callerFor(demo.db, DEMO.member)).checkIns.weekly();
    const ours = new Set([...Object.values(kr), ...Object.values(kpi), ...Object.values(action)]);
    for (const id of [
      ...demoQueue.keyResults.map((d) => d.keyResult.id),
      ...demoQueue.kpis.map((k) => k.id),
      ...demoQueue.actions.map((a) => a.id),
    ]) {
      expect(ours.has(id)).toBe(false);
    }
    expect(demoQueue.keyResults.length).toBeGreaterThan(0);
    expect(demoQueue.cycle?.id).not.toBe(cycleId);
  });
});
