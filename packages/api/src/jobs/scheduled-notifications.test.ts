import { and, checkIns, correctiveActions, eq, keyResults, notifications, reviews, sql, users } from "@meridian/db";
import type { WeeklyDigest } from "@meridian/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  createTeam,
  useTestDatabase,
} from "../../test/support";
import { runScheduledNotifications } from "./scheduled-notifications";

const database = useTestDatabase();
let orgId: string;
const people: Record<string, string> = {};
const krs: Record<string, string> = {};

// Monday 7 December 2026: 09:00 in Berlin is 08:00Z, in Kathmandu 03:15Z, in New York 14:00Z.
const monday = (time: string) => new Date(`2026-12-07T${time}Z`);
const wednesday = (time: string) => new Date(`2026-12-09T${time}Z`);

async function person(key: string, zone: string, role: "member" | "manager" = "member") {
  const user = await createMember(database.db, orgId, role, { name: key });
  await database.db.update(users).set({ timeZone: zone }).where(eq(users.id, user.id));
  people[key] = user.id;
  return user.id;
}

async function checkIn(keyResultId: string, authorId: string, at: Date, value: number, confidence = 7) {
  const db = database.db;
  const [last] = await db
    .select({ seq: sql<number>`coalesce(max(${checkIns.seq}), 0)::int` })
    .from(checkIns)
    .where(and(eq(checkIns.organizationId, orgId), eq(checkIns.keyResultId, keyResultId)));
  await db.insert(checkIns).values({
    organizationId: orgId,
    keyResultId,
    authorId,
    value,
    confidence,
    idempotencyKey: crypto.randomUUID(),
    seq: (last?.seq ?? 0) + 1,
    createdAt: at,
  });
  await db
    .update(keyResults)
    .set({ lastCheckInAt: at, currentValue: value, currentConfidence: confidence })
    .where(and(eq(keyResults.organizationId, orgId), eq(keyResults.id, keyResultId)));
}

beforeAll(async () => {
  const db = database.db;
  orgId = (await createOrganization(db)).id;
  await person("berlin", "Europe/Berlin");
  await person("kathmandu", "Asia/Kathmandu");
  await person("newyork", "America/New_York");
  await person("closed", "Europe/Berlin");
  await person("lead", "Europe/Berlin", "manager");
  const team = await createTeam(db, orgId, { name: "Growth", leads: [people.lead as string] });
  const open = await createCycle(db, orgId, { startsOn: "2026-10-01", endsOn: "2026-12-31", status: "open" });
  const closed = await createCycle(db, orgId, { startsOn: "2026-10-01", endsOn: "2026-12-31", status: "closed" });
  const objective = await createObjective(
    db,
    { organizationId: orgId, cycleId: open.id, ownerId: people.lead as string },
    { title: "Grow the pipeline", teamId: team.id },
  );
  const old = await createObjective(db, {
    organizationId: orgId,
    cycleId: closed.id,
    ownerId: people.closed as string,
  });
  const kr = async (key: string, owner: string, objectiveId = objective.id) => {
    const row = await createKeyResult(
      db,
      { organizationId: orgId, objectiveId, ownerId: people[owner] as string },
      { title: key },
    );
    krs[key] = row.id;
  };
  await kr("Berlin never checked in", "berlin");
  await kr("Kathmandu ten days ago", "kathmandu");
  await kr("New York on Saturday", "newyork");
  await kr("In a closed cycle", "closed", old.id);
  await checkIn(
    krs["Kathmandu ten days ago"] as string,
    people.kathmandu as string,
    new Date("2026-11-27T10:00:00Z"),
    50,
  );
  await checkIn(krs["New York on Saturday"] as string, people.newyork as string, new Date("2026-11-20T10:00:00Z"), 80);
  await checkIn(
    krs["New York on Saturday"] as string,
    people.newyork as string,
    new Date("2026-12-05T15:00:00Z"),
    20,
    6,
  );

  const [review] = await db
    .insert(reviews)
    .values({ organizationId: orgId, cycleId: open.id, title: "Q4", snapshot: {}, openedById: people.lead as string })
    .returning();
  const action = (title: string, dueOn: string, status: "open" | "done") => ({
    organizationId: orgId,
    reviewId: review?.id as string,
    subjectType: "kpi" as const,
    subjectId: crypto.randomUUID(),
    title,
    ownerId: people.berlin as string,
    dueOn,
    status,
  });
  await db
    .insert(correctiveActions)
    .values([
      action("Fix the funnel", "2026-12-01", "open"),
      action("Done already", "2026-12-01", "done"),
      action("Not yet due", "2026-12-20", "open"),
    ]);
});

const sent = async () =>
  database.db
    .select({
      userId: notifications.userId,
      kind: notifications.kind,
      dedupeKey: notifications.dedupeKey,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      payload: notifications.payload,
    })
    .from(notifications)
    .where(eq(notifications.organizationId, orgId));

const of = (rows: Awaited<ReturnType<typeof sent>>, key: string) =>
  rows
    .filter((r) => r.userId === people[key])
    .map((r) => r.dedupeKey)
    .sort();

describe("runScheduledNotifications", () => {
  it("before anyone's Monday 09:00: only the overdue action", async () => {
    const report = await runScheduledNotifications(database.db, monday("03:00:00"));
    expect(report).toMatchObject({ checkInDue: 0, weeklyDigest: 0, actionOverdue: 1 });
    const rows = await sent();
    const overdue = rows.filter((r) => r.kind === "action_overdue");
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ userId: people.berlin, title: "Corrective action overdue: Fix the funnel" });
    expect(overdue[0]?.link).toMatch(/^\/reviews\/[0-9a-f-]{36}$/);
  });

  it("Kathmandu's Monday 09:00 comes first (03:15Z), then Berlin's (08:00Z); recent check-ins and closed cycles are skipped", async () => {
    await runScheduledNotifications(database.db, monday("03:16:00"));
    let rows = await sent();
    expect(of(rows, "kathmandu")).toEqual(["check_in_due:2026-W50"]);
    expect(of(rows, "berlin")).toEqual([`action_overdue:${await actionId("Fix the funnel")}`]);

    const report = await runScheduledNotifications(database.db, monday("08:30:00"));
    expect(report.checkInDue).toBe(1);
    rows = await sent();
    expect(of(rows, "berlin")).toContain("check_in_due:2026-W50");
    const berlin = rows.find((r) => r.userId === people.berlin && r.kind === "check_in_due");
    expect(berlin).toMatchObject({
      title: "Time for your weekly check-in",
      body: "1 key result waits for this week's check-in.",
      link: "/check-in",
      payload: { periodKey: "2026-W50", dueCount: 1 },
    });
    // Checked in on Saturday (last week's check-in within a week of Monday): nothing due.
    expect(of(rows, "newyork")).toEqual([]);
    // Their only key result is in a closed cycle.
    expect(of(rows, "closed")).toEqual([]);
  });

  it("a tick repeated, or run by a second worker at once, adds nothing", async () => {
    const before = (await sent()).length;
    const [a, b] = await Promise.all([
      runScheduledNotifications(database.db, monday("08:31:00")),
      runScheduledNotifications(database.db, monday("08:31:00")),
    ]);
    expect(a.checkInDue + b.checkInDue + a.weeklyDigest + b.weeklyDigest + a.actionOverdue + b.actionOverdue).toBe(0);
    expect((await sent()).length).toBe(before);
  });

  it("the lead's weekly digest: the team's check-ins of the week, what turned, what is stale", async () => {
    const rows = await sent();
    const digestRow = rows.find((r) => r.userId === people.lead && r.kind === "weekly_digest");
    expect(digestRow).toMatchObject({
      dedupeKey: "weekly_digest:2026-W50",
      title: "Weekly digest: Growth",
      link: "/team",
    });
    const digest = digestRow?.payload.digest as WeeklyDigest;
    const titles = (key: string) => digest.sections.find((s) => s.key === key)?.items.map((i) => i.title);
    expect(titles("check_ins")).toEqual(["New York on Saturday"]);
    // 80 → 20 with the cycle two-thirds gone: off track; Kathmandu's 50 % held still while the expected
    // progress moved from 65 % to 73 %: at risk now.
    expect(titles("turned")).toEqual(["New York on Saturday", "Kathmandu ten days ago"]);
    expect(titles("stale")).toEqual(["Berlin never checked in", "Kathmandu ten days ago"]);
    expect(digestRow?.body).toBe("1 check-ins, 2 turned at risk or off track, 2 stale key results.");
  });

  it("Wednesday 09:00: the reminder, only for whoever still has not checked in", async () => {
    await checkIn(
      krs["Kathmandu ten days ago"] as string,
      people.kathmandu as string,
      new Date("2026-12-08T05:00:00Z"),
      60,
    );
    const report = await runScheduledNotifications(database.db, wednesday("08:05:00"));
    expect(report.checkInReminder).toBe(1);
    const rows = await sent();
    expect(of(rows, "berlin")).toContain("check_in_reminder:2026-W50");
    expect(of(rows, "kathmandu")).toEqual(["check_in_due:2026-W50"]);
    expect(rows.find((r) => r.kind === "check_in_reminder")?.title).toBe("Your check-in is still missing");
  });

  it("a cycle closed by Wednesday gets no reminder", async () => {
    await database.db.execute(sql`update cycles set status = 'closed' where organization_id = ${orgId}`);
    await database.db.delete(notifications).where(eq(notifications.kind, "check_in_reminder"));
    const report = await runScheduledNotifications(database.db, wednesday("09:00:00"));
    expect(report.checkInReminder).toBe(0);
  });
});

async function actionId(title: string): Promise<string> {
  const [row] = await database.db
    .select({ id: correctiveActions.id })
    .from(correctiveActions)
    .where(eq(correctiveActions.title, title));
  return row?.id as string;
}
