import { and, eq, notificationPreferences, notifications, sql } from "@meridian/db";
import { buildWeeklyDigest } from "@meridian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMember, createOrganization, useTestDatabase } from "../../test/support";
import { type SmtpSink, startSmtpSink } from "../../test/support/smtp-sink";
import { MAX_EMAIL_ATTEMPTS, sendPendingEmails } from "../jobs/send-emails";
import { runNotificationTick } from "../jobs/worker";
import { notify } from "../modules/notifications/notify";
import { createMailTransport } from "./transport";
import { handleUnsubscribe } from "./unsubscribe-route";

const database = useTestDatabase();
const APP = "https://meridian.example.test";
const SECRET = "test-secret-for-unsubscribe-links";
let sink: SmtpSink;
let orgId: string;
let ana: { id: string; email: string };
let ben: { id: string; email: string };

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP;
  process.env.NEXTAUTH_SECRET = SECRET;
  sink = await startSmtpSink();
  orgId = (await createOrganization(database.db, { name: "Acme" })).id;
  ana = await createMember(database.db, orgId, "member", { name: "Ana Lima" });
  ben = await createMember(database.db, orgId, "manager", { name: "Ben Ode" });
});
afterAll(async () => {
  await sink?.close();
});

function sender(url: string, overrides: { batchSize?: number } = {}) {
  const transport = createMailTransport(url);
  return {
    transport,
    send: () =>
      sendPendingEmails(database.db, {
        transport,
        from: "Meridian <meridian@example.test>",
        appUrl: APP,
        secret: SECRET,
        ...overrides,
      }),
  };
}

/** A header of the message as sent (folded lines joined). */
function rawHeader(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim() ?? "";
}

const unsubscribeHeaderUrl = (raw: string) => rawHeader(raw, "List-Unsubscribe").replace(/^<|>$/g, "");

const emailRows = (kind?: string) =>
  database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.organizationId, orgId), kind ? sql`${notifications.kind} = ${kind}` : undefined));

describe("email delivery through a real SMTP server", () => {
  it("sends the check-in notice, the digest and an event: recipients, subject, absolute links, plain text, unsubscribe", async () => {
    const db = database.db;
    await notify(db, {
      organizationId: orgId,
      kind: "check_in_due",
      recipients: [{ userId: ana.id, dedupeKey: "check_in_due:2026-W50" }],
      title: "Time for your weekly check-in",
      body: "2 key results wait for this week's check-in.",
      link: "/check-in",
      payload: { periodKey: "2026-W50", dueCount: 2 },
    });
    const digest = buildWeeklyDigest({
      periodKey: "2026-W50",
      now: new Date("2026-12-07T08:00:00Z"),
      expectedAtWeekStart: 0.5,
      expectedNow: 0.55,
      teamNames: ["Growth"],
      checkIns: [
        {
          keyResultId: "k1",
          keyResultTitle: "Close 40 deals",
          objectiveId: "11111111-1111-4111-8111-111111111111",
          objectiveTitle: "Grow",
          teamName: "Growth",
          authorName: "Ana Lima",
          value: 12,
          confidence: 7,
          at: new Date("2026-12-04T10:00:00Z"),
        },
      ],
      keyResults: [],
    });
    await notify(db, {
      organizationId: orgId,
      kind: "weekly_digest",
      recipients: [{ userId: ben.id, dedupeKey: "weekly_digest:2026-W50" }],
      title: "Weekly digest: Growth",
      link: "/team",
      payload: { periodKey: "2026-W50", digest },
    });
    await notify(db, {
      organizationId: orgId,
      kind: "mention",
      recipients: [{ userId: ben.id, dedupeKey: "mention:c1" }],
      title: "Ana Lima mentioned you",
      body: "“@Ben can you check the pipeline numbers?”",
      link: "/objectives/11111111-1111-4111-8111-111111111111",
    });

    const { transport, send } = sender(sink.url);
    const report = await send();
    transport.close();
    expect(report).toEqual({ sent: 3, retried: 0, failed: 0 });
    await sink.waitFor(3);

    const bySubject = new Map(sink.received.map((m) => [m.parsed?.subject ?? "", m]));
    const checkIn = bySubject.get("Time for your weekly check-in");
    expect(checkIn?.envelopeTo).toEqual([ana.email]);
    expect(checkIn?.parsed?.from?.text).toBe('"Meridian" <meridian@example.test>');
    expect(checkIn?.parsed?.html).toContain(`href="${APP}/check-in"`);
    expect(checkIn?.parsed?.text).toContain("2 key results you own wait for this week’s check-in (2026-W50)");
    expect(checkIn?.parsed?.text).toContain(`${APP}/check-in`);

    const digestMail = [...bySubject.entries()].find(([s]) => s.startsWith("Weekly digest: Growth"))?.[1];
    expect(digestMail?.parsed?.subject).toBe("Weekly digest: Growth · 1 check-ins, 0 turned, 0 stale");
    expect(digestMail?.envelopeTo).toEqual([ben.email]);
    expect(digestMail?.parsed?.html).toContain(`${APP}/objectives/11111111-1111-4111-8111-111111111111`);
    expect(digestMail?.parsed?.text).toContain("Ana Lima checked in 12 (confidence 7/10)");
    expect(digestMail?.parsed?.text).toContain("Nothing turned at risk or off track.");

    const mention = bySubject.get("Ana Lima mentioned you");
    expect(mention?.parsed?.text).toContain("can you check the pipeline numbers?");

    for (const mail of sink.received) {
      expect(rawHeader(mail.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
      const url = unsubscribeHeaderUrl(mail.raw);
      expect(url).toMatch(new RegExp(`^${APP}/api/notifications/unsubscribe\\?token=`));
      expect(mail.parsed?.text).toContain(url);
      expect(mail.parsed?.html).toContain("Unsubscribe from");
    }
    const rows = await emailRows();
    expect(rows.map((r) => r.emailState)).toEqual(["sent", "sent", "sent"]);
    expect(rows.every((r) => r.emailedAt !== null && r.emailAttempts === 1)).toBe(true);
  });

  it("the unsubscribe link works with no sign-in (GET and the one-click POST), for that kind only; a forged one changes nothing", async () => {
    const db = database.db;
    const mail = sink.received.find((m) => m.parsed?.subject === "Ana Lima mentioned you");
    const url = unsubscribeHeaderUrl(mail?.raw ?? "");

    const forged = url.replace(/.{4}$/, "AAAA");
    const refused = await handleUnsubscribe(db, new Request(forged));
    expect(refused.status).toBe(400);
    expect(await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ben.id))).toEqual(
      [],
    );

    const clicked = await handleUnsubscribe(db, new Request(url));
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain("You will get no more “Mention” emails from Acme.");
    const oneClick = await handleUnsubscribe(
      db,
      new Request(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(oneClick.status).toBe(200);
    const prefs = await db
      .select({
        kind: notificationPreferences.kind,
        channel: notificationPreferences.channel,
        enabled: notificationPreferences.enabled,
      })
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, ben.id));
    expect(prefs).toEqual([{ kind: "mention", channel: "email", enabled: false }]);

    await notify(db, {
      organizationId: orgId,
      kind: "mention",
      recipients: [{ userId: ben.id, dedupeKey: "mention:c2" }],
      title: "Ana Lima mentioned you again",
      link: "/objectives/x",
    });
    const [again] = await db.select().from(notifications).where(eq(notifications.dedupeKey, "mention:c2"));
    expect(again).toMatchObject({ inApp: true, emailState: "none" });
  });

  it("two workers on the same database send each email once", async () => {
    const db = database.db;
    const before = sink.received.length;
    for (let i = 0; i < 30; i++) {
      await notify(db, {
        organizationId: orgId,
        kind: "action_assigned",
        recipients: [{ userId: i % 2 ? ana.id : ben.id, dedupeKey: `action_assigned:a${i}` }],
        title: `Corrective action assigned ${i}`,
        link: "/reviews/r",
      });
    }
    const a = sender(sink.url, { batchSize: 4 });
    const b = sender(sink.url, { batchSize: 4 });
    const [ra, rb] = await Promise.all([a.send(), b.send()]);
    a.transport.close();
    b.transport.close();
    expect(ra.sent + rb.sent).toBe(30);
    await sink.waitFor(before + 30);
    await new Promise((r) => setTimeout(r, 300));
    const subjects = sink.received.slice(before).map((m) => m.parsed?.subject);
    expect(subjects).toHaveLength(30);
    expect(new Set(subjects).size).toBe(30);
    const states = await emailRows("action_assigned");
    expect(states.filter((r) => r.emailState === "sent")).toHaveLength(30);
    expect(states.every((r) => r.emailAttempts === 1)).toBe(true);
  });

  it("an SMTP server that refuses mail: retries with backoff, then a recorded failure, and nothing lost", async () => {
    const db = database.db;
    const refusing = await startSmtpSink({ refuse: { code: 451, message: "try again later" } });
    try {
      await notify(db, {
        organizationId: orgId,
        kind: "action_assigned",
        recipients: [{ userId: ana.id, dedupeKey: "action_assigned:r9" }],
        title: "Corrective action assigned",
        link: "/reviews/r9",
      });
      const row = async () =>
        (await db.select().from(notifications).where(eq(notifications.dedupeKey, "action_assigned:r9")))[0];
      expect((await row())?.emailState).toBe("pending");

      const { transport, send } = sender(refusing.url);
      const delays: number[] = [];
      for (let attempt = 1; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
        const report = await send();
        const now = await row();
        if (attempt < MAX_EMAIL_ATTEMPTS) {
          expect(report).toEqual({ sent: 0, retried: 1, failed: 0 });
          expect(now).toMatchObject({ emailState: "pending", emailAttempts: attempt });
          expect(now?.emailError).toContain("try again later");
          delays.push(Math.round(((now?.emailNextAttemptAt.getTime() ?? 0) - Date.now()) / 60_000));
          // Not due yet: a tick now sends nothing.
          expect(await send()).toEqual({ sent: 0, retried: 0, failed: 0 });
          // The backoff has passed.
          await db.execute(
            sql`update notifications set email_next_attempt_at = now() where dedupe_key = 'action_assigned:r9'`,
          );
        } else {
          expect(report).toEqual({ sent: 0, retried: 0, failed: 1 });
          expect(now).toMatchObject({ emailState: "failed", emailAttempts: MAX_EMAIL_ATTEMPTS, inApp: true });
          expect(now?.emailError).toContain("451");
        }
      }
      transport.close();
      expect(delays).toEqual([1, 5, 25, 125]);
      expect(refusing.received).toEqual([]);
    } finally {
      await refusing.close();
    }
  });

  it("a worker that stopped mid-send loses nothing: its claim expires and the next worker sends the email", async () => {
    const db = database.db;
    await notify(db, {
      organizationId: orgId,
      kind: "action_overdue",
      recipients: [{ userId: ana.id, dedupeKey: "action_overdue:crash" }],
      title: "Corrective action overdue: crash test",
      link: "/reviews/r",
    });
    // A claim taken by a worker that then died: attempts counted, next attempt pushed ahead.
    await db.execute(sql`update notifications set email_attempts = 1, email_next_attempt_at = now() + interval '5 minutes'
      where dedupe_key = 'action_overdue:crash'`);
    const { transport, send } = sender(sink.url);
    expect((await send()).sent).toBe(0);
    await db.execute(sql`update notifications set email_next_attempt_at = now() - interval '1 second'
      where dedupe_key = 'action_overdue:crash'`);
    expect((await send()).sent).toBe(1);
    transport.close();
    expect(sink.received.some((m) => m.parsed?.subject === "Corrective action overdue: crash test")).toBe(true);
  });

  it("with no SMTP server, notifications stay in the app and no email is left pending", async () => {
    const db = database.db;
    await notify(db, {
      organizationId: orgId,
      kind: "action_assigned",
      recipients: [{ userId: ana.id, dedupeKey: "action_assigned:no-smtp" }],
      title: "Corrective action assigned (no SMTP)",
      link: "/reviews/r",
    });
    await runNotificationTick(db, { transport: null, from: "", appUrl: APP, secret: SECRET });
    const [row] = await db.select().from(notifications).where(eq(notifications.dedupeKey, "action_assigned:no-smtp"));
    expect(row).toMatchObject({
      inApp: true,
      emailState: "none",
      emailError: "email is off: no SMTP server is configured",
    });
    const pending = await db.select().from(notifications).where(eq(notifications.emailState, "pending"));
    expect(pending).toEqual([]);
  });
});
