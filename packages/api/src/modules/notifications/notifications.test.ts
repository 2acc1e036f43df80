import { randomUUID } from "node:crypto";
import { activityLog, and, eq, notificationPreferences, notifications, organizations } from "@meridian/db";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  createMember,
  createOrganization,
  DEMO,
  expectRejectedUntouched,
  outcomeOf,
  useDemoDatabase,
  userIdOf,
  writeFingerprint,
} from "../../../test/support";

const demo = useDemoDatabase();
let member: string;
let manager: string;
let otherOrgId: string;
let outsider: { id: string; email: string };

beforeAll(async () => {
  member = await userIdOf(demo.db, DEMO.member);
  manager = await userIdOf(demo.db, DEMO.manager);
  otherOrgId = (await createOrganization(demo.db)).id;
  outsider = await createMember(demo.db, otherOrgId, "admin");
});

/** A notification straight into the table: the inbox is about reading them, the producers are tested apart. */
async function insertNotification(userId: string, options: { organizationId?: string; inApp?: boolean } = {}) {
  const [row] = await demo.db
    .insert(notifications)
    .values({
      organizationId: options.organizationId ?? demo.orgId,
      userId,
      kind: "mention",
      dedupeKey: `test:${randomUUID()}`,
      title: `Note ${randomUUID().slice(0, 8)}`,
      link: "/my",
      inApp: options.inApp ?? true,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error("notification was not created");
  return row.id;
}

describe("notifications.inbox and unreadCount", () => {
  it("pages the caller's own in-app notifications, newest first, and nobody else's", async () => {
    const viewer = await userIdOf(demo.db, DEMO.viewer);
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push(await insertNotification(viewer));
    await insertNotification(viewer, { inApp: false });
    await insertNotification(member);
    await insertNotification(viewer, { organizationId: otherOrgId });

    const caller = await callerFor(demo.db, DEMO.viewer);
    const first = await caller.notifications.inbox({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await caller.notifications.inbox({ limit: 3, cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((i) => i.id);
    expect(ids).toEqual([...mine].reverse());
    expect(await caller.notifications.unreadCount()).toEqual({ unread: 5 });
  });

  it("answers a forged page position with a 400", async () => {
    const caller = await callerFor(demo.db, DEMO.viewer);
    expect(await outcomeOf(() => caller.notifications.inbox({ cursor: "not-a-cursor" }))).toBe("BAD_REQUEST");
    expect(await outcomeOf(() => caller.notifications.inbox({ limit: 500 }))).toBe("BAD_REQUEST");
  });

  it("keeps a person's notifications of one organization out of another's inbox", async () => {
    await insertNotification(outsider.id, { organizationId: otherOrgId });
    const caller = await callerFor(demo.db, outsider.email);
    const page = await caller.notifications.inbox();
    expect(page.items).toHaveLength(1);
    expect(await (await callerFor(demo.db, DEMO.admin)).notifications.unreadCount()).toEqual({ unread: 0 });
  });
});

describe("notifications.markRead and markAllRead", () => {
  it("marks only the caller's own, and a second time changes nothing", async () => {
    const mine = await insertNotification(member);
    const theirs = await insertNotification(manager);
    const caller = await callerFor(demo.db, DEMO.member);
    expect(await caller.notifications.markRead({ ids: [mine, theirs] })).toEqual({ marked: 1 });
    expect(await caller.notifications.markRead({ ids: [mine] })).toEqual({ marked: 0 });
    const [other] = await demo.db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.id, theirs));
    expect(other?.readAt).toBeNull();
    const page = await caller.notifications.inbox();
    expect(page.items.find((i) => i.id === mine)?.readAt).not.toBeNull();
  });

  it("refuses an empty or malformed list, writing nothing", async () => {
    const caller = await callerFor(demo.db, DEMO.member);
    await expectRejectedUntouched(demo.db, "BAD_REQUEST", () => caller.notifications.markRead({ ids: [] }));
    await expectRejectedUntouched(demo.db, "BAD_REQUEST", () => caller.notifications.markRead({ ids: ["nope"] }));
  });

  it("marks all of the caller's unread, leaving others' alone", async () => {
    await insertNotification(member);
    await insertNotification(member);
    const theirs = await insertNotification(manager);
    const caller = await callerFor(demo.db, DEMO.member);
    const { marked } = await caller.notifications.markAllRead();
    expect(marked).toBeGreaterThanOrEqual(2);
    expect(await caller.notifications.unreadCount()).toEqual({ unread: 0 });
    expect(await caller.notifications.markAllRead()).toEqual({ marked: 0 });
    const managerCaller = await callerFor(demo.db, DEMO.manager);
    expect((await managerCaller.notifications.inbox()).items.find((i) => i.id === theirs)?.readAt).toBeNull();
  });
});

describe("notifications.myPreferences and setMyPreferences", () => {
  it("shows where each choice comes from, and the weekly digest to managers and admins only", async () => {
    const memberPrefs = await (await callerFor(demo.db, DEMO.member)).notifications.myPreferences();
    expect(memberPrefs.kinds.map((k) => k.kind)).not.toContain("weekly_digest");
    expect(memberPrefs.emailAvailable).toBe(Boolean(process.env.SMTP_URL));
    const mention = memberPrefs.kinds.find((k) => k.kind === "mention");
    expect(mention?.channels.in_app).toEqual({
      enabled: true,
      source: "default",
      inherited: true,
      inheritedFrom: "default",
    });
    const managerPrefs = await (await callerFor(demo.db, DEMO.manager)).notifications.myPreferences();
    expect(managerPrefs.kinds.map((k) => k.kind)).toContain("weekly_digest");
  });

  it("replaces the caller's choices, audits the change once, and saving the same again writes nothing", async () => {
    const caller = await callerFor(demo.db, DEMO.manager);
    const choices = [
      { kind: "mention" as const, channel: "email" as const, enabled: false },
      { kind: "weekly_digest" as const, channel: "email" as const, enabled: false },
    ];
    const saved = await caller.notifications.setMyPreferences({ choices });
    const mention = saved.kinds.find((k) => k.kind === "mention");
    expect(mention?.channels.email).toEqual({
      enabled: false,
      source: "mine",
      inherited: true,
      inheritedFrom: "default",
    });
    const audits = await demo.db
      .select({ id: activityLog.id })
      .from(activityLog)
      .where(and(eq(activityLog.action, "notification_preferences.updated"), eq(activityLog.entityId, manager)));
    expect(audits).toHaveLength(1);
    const before = await writeFingerprint(demo.db);
    await caller.notifications.setMyPreferences({ choices: [...choices].reverse() });
    expect(await writeFingerprint(demo.db)).toEqual(before);
    // An empty list hands every choice back to the organization's defaults.
    const reset = await caller.notifications.setMyPreferences({ choices: [] });
    expect(reset.kinds.find((k) => k.kind === "mention")?.channels.email.source).toBe("default");
  });

  it("refuses the weekly digest to a member, a choice named twice and unknown kinds, writing nothing", async () => {
    const caller = await callerFor(demo.db, DEMO.member);
    await expectRejectedUntouched(demo.db, "BAD_REQUEST", () =>
      caller.notifications.setMyPreferences({
        choices: [{ kind: "weekly_digest", channel: "email", enabled: true }],
      }),
    );
    await expectRejectedUntouched(demo.db, "BAD_REQUEST", () =>
      caller.notifications.setMyPreferences({
        choices: [
          { kind: "mention", channel: "email", enabled: true },
          { kind: "mention", channel: "email", enabled: false },
        ],
      }),
    );
    await expectRejectedUntouched(demo.db, "BAD_REQUEST", () =>
      caller.notifications.setMyPreferences({
        choices: [{ kind: "nonsense", channel: "email", enabled: true } as never],
      }),
    );
  });

  it("lets a viewer keep their own choices, which stay in their organization", async () => {
    const caller = await callerFor(demo.db, DEMO.viewer);
    await caller.notifications.setMyPreferences({
      choices: [{ kind: "review_finalized", channel: "email", enabled: true }],
    });
    const rows = await demo.db
      .select({ organizationId: notificationPreferences.organizationId })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, await userIdOf(demo.db, DEMO.viewer)));
    expect(rows).toEqual([{ organizationId: demo.orgId }]);
  });
});

describe("notifications.organizationDefaults and checkInSchedule (admins)", () => {
  it("are refused to everyone but admins, writing nothing", async () => {
    for (const email of [DEMO.manager, DEMO.member, DEMO.viewer]) {
      const caller = await callerFor(demo.db, email);
      expect(await outcomeOf(() => caller.notifications.organizationDefaults())).toBe("FORBIDDEN");
      expect(await outcomeOf(() => caller.notifications.checkInSchedule())).toBe("FORBIDDEN");
      await expectRejectedUntouched(demo.db, "FORBIDDEN", () =>
        caller.notifications.setOrganizationDefaults({ choices: [] }),
      );
      await expectRejectedUntouched(demo.db, "FORBIDDEN", () =>
        caller.notifications.setCheckInSchedule({ weekday: 3, time: "10:00", reminderAfterDays: 2, version: 1 }),
      );
    }
  });

  it("sets the organization's defaults, which people without a choice of their own then take", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const defaults = await admin.notifications.setOrganizationDefaults({
      choices: [{ kind: "comment_on_owned", channel: "email", enabled: true }],
    });
    expect(defaults.kinds.find((k) => k.kind === "comment_on_owned")?.channels.email).toEqual({
      enabled: true,
      source: "organization",
      inherited: false,
      inheritedFrom: "default",
    });
    const memberPrefs = await (await callerFor(demo.db, DEMO.member)).notifications.myPreferences();
    expect(memberPrefs.kinds.find((k) => k.kind === "comment_on_owned")?.channels.email).toEqual({
      enabled: true,
      source: "organization",
      inherited: false,
      inheritedFrom: "default",
    });
    await admin.notifications.setOrganizationDefaults({ choices: [] });
  });

  it("sets the check-in day with the version read, audited; a stale version is a conflict, bad input a 400", async () => {
    const admin = await callerFor(demo.db, DEMO.admin);
    const before = await admin.notifications.checkInSchedule();
    expect(before).toMatchObject({ weekday: 1, time: "09:00", reminderAfterDays: 2 });
    const saved = await admin.notifications.setCheckInSchedule({
      weekday: 4,
      time: "10:30",
      reminderAfterDays: 3,
      version: before.version,
    });
    expect(saved).toEqual({ weekday: 4, time: "10:30", reminderAfterDays: 3, version: before.version + 1 });
    // The same save again changes nothing, whatever version it names.
    expect(
      await admin.notifications.setCheckInSchedule({ weekday: 4, time: "10:30", reminderAfterDays: 3, version: 1 }),
    ).toEqual(saved);
    await expectRejectedUntouched(demo.db, "CONFLICT", () =>
      admin.notifications.setCheckInSchedule({
        weekday: 5,
        time: "10:30",
        reminderAfterDays: 3,
        version: before.version,
      }),
    );
    for (const bad of [
      { weekday: 8, time: "10:30", reminderAfterDays: 3, version: saved.version },
      { weekday: 2, time: "24:00", reminderAfterDays: 3, version: saved.version },
      { weekday: 2, time: "10:30", reminderAfterDays: 0, version: saved.version },
    ]) {
      await expectRejectedUntouched(demo.db, "BAD_REQUEST", () => admin.notifications.setCheckInSchedule(bad));
    }
    const [org] = await demo.db
      .select({ weekday: organizations.checkInWeekday })
      .from(organizations)
      .where(eq(organizations.id, demo.orgId));
    expect(org?.weekday).toBe(4);
    const audits = await demo.db
      .select({ details: activityLog.details })
      .from(activityLog)
      .where(eq(activityLog.action, "organization.check_in_schedule_updated"));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toMatchObject({ before: { weekday: 1 }, after: { weekday: 4 } });
  });
});
