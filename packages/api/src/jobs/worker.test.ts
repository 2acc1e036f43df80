import { eq, notifications, rows, sql, users } from "@meridian/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCycle,
  createKeyResult,
  createMember,
  createObjective,
  createOrganization,
  useTestDatabase,
} from "../../test/support";
import { type SmtpSink, startSmtpSink } from "../../test/support/smtp-sink";
import { notify } from "../modules/notifications/notify";
import { type NotificationWorker, startNotificationWorker } from "./worker";

const database = useTestDatabase();
let sink: SmtpSink;
let orgId: string;
let memberId: string;
const workers: NotificationWorker[] = [];
// A Monday, 09:30 UTC: the member (in UTC) is past this period's check-in moment.
const monday = new Date("2026-12-07T09:30:00Z");

/** The test database's own connection string on the server (createTestDatabase made it), or none on PGlite. */
async function serverUrl(): Promise<string | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const [row] = rows<{ name: string }>(await database.db.execute(sql`select current_database() as name`));
  const url = new URL(base);
  url.pathname = `/${row?.name}`;
  return url.toString();
}

async function startWorker() {
  const url = await serverUrl();
  const worker = await startNotificationWorker({
    db: database.db,
    driver: url ? "postgres" : "pglite",
    databaseUrl: url,
    env: {
      SMTP_URL: sink.url,
      MAIL_FROM: "Meridian <meridian@example.test>",
      NEXTAUTH_URL: "https://meridian.example.test",
      NEXTAUTH_SECRET: "worker-test-secret",
    },
    pollingIntervalSeconds: 0.5,
    now: () => monday,
  });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  const db = database.db;
  sink = await startSmtpSink();
  orgId = (await createOrganization(db)).id;
  const member = await createMember(db, orgId, "member", { name: "Mia Park" });
  memberId = member.id;
  await db.update(users).set({ timeZone: "UTC" }).where(eq(users.id, member.id));
  const cycle = await createCycle(db, orgId, { startsOn: "2026-10-01", endsOn: "2026-12-31" });
  const objective = await createObjective(db, { organizationId: orgId, cycleId: cycle.id, ownerId: member.id });
  await createKeyResult(db, { organizationId: orgId, objectiveId: objective.id, ownerId: member.id });
});

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await sink?.close();
});

describe("the notification worker on pg-boss", () => {
  it("two workers on one database: the scheduled check-in notice and an instant event arrive once each", async () => {
    // One after the other, as app instances come up (pg-boss installs its schema on the first start).
    const first = await startWorker();
    const second = await startWorker();
    await notify(database.db, {
      organizationId: orgId,
      kind: "mention",
      recipients: [{ userId: memberId, dedupeKey: "mention:w1" }],
      title: "Someone mentioned you",
      link: "/objectives/x",
    });
    await Promise.all([first?.kick(), second?.kick()]);
    await sink.waitFor(2, 60_000);
    // More ticks from both: nothing is sent again.
    await Promise.all([first?.kick(), second?.kick()]);
    await new Promise((r) => setTimeout(r, 4_000));
    const subjects = sink.received.map((m) => m.parsed?.subject).sort();
    expect(subjects).toEqual(["Someone mentioned you", "Time for your weekly check-in"]);
    const states = await database.db
      .select({ kind: notifications.kind, emailState: notifications.emailState, inApp: notifications.inApp })
      .from(notifications)
      .where(eq(notifications.userId, memberId));
    expect(states.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: "check_in_due", emailState: "sent", inApp: true },
      { kind: "mention", emailState: "sent", inApp: true },
    ]);
  });

  it("the tick is a pg-boss cron schedule, kept in the database", async () => {
    const schedules = await workers[0]?.boss.getSchedules();
    expect(schedules?.map((s) => [s.name, s.cron]).sort()).toEqual([
      ["meridian-notifications", "* * * * *"],
      ["meridian-webhooks", "* * * * *"],
    ]);
  });
});
