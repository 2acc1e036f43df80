/**
 * A 2,000-person organization's Monday: the time one scheduler tick takes to
 * queue every check-in notice (2,000 people in four time zones, two key
 * results each, all due), and the time the sender takes to deliver them to a
 * local SMTP sink (a real smtp-server on 127.0.0.1), against a baseline: a
 * bare nodemailer loop rendering and sending the same messages with the same
 * concurrency, no database. Then the tick again (it must add nothing) and the
 * statements a tick takes.
 *
 *   pnpm --filter @meridian/api bench:notifications      (also the last step of `pnpm bench`)
 *
 * BENCH_PEOPLE  people in the organization (default 2000).
 * DATABASE_URL  a fresh database on this server, dropped at the end; in-memory PGlite without it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Database, rows, sql, workspaceRoot } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { runScheduledNotifications } from "../../src/jobs/scheduled-notifications";
import { sendPendingEmails } from "../../src/jobs/send-emails";
import { type EmailNotification, renderNotificationEmail } from "../../src/mail/render";
import { createMailTransport } from "../../src/mail/transport";
import { startSmtpSink } from "../support/smtp-sink";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 2_000);
const CONCURRENCY = 10;
const CONNECTIONS = 5;
// Monday 7 December 2026, 20:00Z: past 09:00 on Monday in UTC, Berlin, New York, and (Tuesday 01:45) Kathmandu.
const MONDAY = new Date("2026-12-07T20:00:00Z");
const APP = "https://meridian.example.test";
const SECRET = "bench-secret";

async function seed(db: Database): Promise<string> {
  const [org] = rows<{ id: string }>(
    await db.execute(sql`insert into organizations (name, slug) values ('Bench Co', 'bench-co') returning id`),
  );
  const orgId = org?.id as string;
  await db.execute(sql`
    with u as (
      insert into users (email, name, password_hash, time_zone)
      select 'person' || i || '@bench.test', 'Person ' || i, 'x',
        (array['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu'])[1 + i % 4]
      from generate_series(1, ${PEOPLE}) as i
      returning id
    )
    insert into memberships (organization_id, user_id, role) select ${orgId}, id, 'member' from u`);
  const [cycle] = rows<{ id: string }>(
    await db.execute(sql`insert into cycles (organization_id, name, starts_on, ends_on, status)
      values (${orgId}, 'Q4 2026', '2026-10-01', '2026-12-31', 'open') returning id`),
  );
  await db.execute(sql`
    with o as (
      insert into objectives (organization_id, cycle_id, level, title, owner_id, status)
      select ${orgId}, ${cycle?.id}, 'personal', 'Objective of ' || u.name, u.id, 'active'
      from users u join memberships m on m.user_id = u.id and m.organization_id = ${orgId}
      returning id, owner_id
    )
    insert into key_results (organization_id, objective_id, title, type, target_value, owner_id)
    select ${orgId}, o.id, 'Key result ' || k, 'increase_to', 100, o.owner_id from o, generate_series(1, 2) as k`);
  return orgId;
}

const ms = (start: number) => Math.round(performance.now() - start);

async function main() {
  const handle = await createTestDatabase({ maxConnections: 10 });
  const db = handle.db;
  const sink = await startSmtpSink({ parse: false });
  try {
    const t0 = performance.now();
    const orgId = await seed(db);
    const seedMs = ms(t0);

    const t1 = performance.now();
    const first = await runScheduledNotifications(db, MONDAY);
    const queueMs = ms(t1);
    const t2 = performance.now();
    const again = await runScheduledNotifications(db, MONDAY);
    const repeatMs = ms(t2);

    const transport = createMailTransport(sink.url, { maxConnections: CONNECTIONS });
    const t3 = performance.now();
    const sent = await sendPendingEmails(db, {
      transport,
      from: "Meridian <meridian@bench.test>",
      appUrl: APP,
      secret: SECRET,
      concurrency: CONCURRENCY,
    });
    await sink.waitFor(sent.sent, 120_000);
    const sendMs = ms(t3);
    transport.close();

    // Baseline: the same messages rendered and sent by a bare nodemailer loop, no outbox.
    const messages = rows<EmailNotification & { email: string }>(
      await db.execute(sql`
        select n.kind, n.title, n.body, n.link, n.payload, n.user_id as "userId", n.organization_id as "organizationId",
          u.name as "recipientName", 'Bench Co' as "organizationName", u.email
        from notifications n join users u on u.id = n.user_id where n.organization_id = ${orgId}`),
    );
    const bare = createMailTransport(sink.url, { maxConnections: CONNECTIONS });
    const before = sink.received.length;
    const t4 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < messages.length) {
          const m = messages[next++] as EmailNotification & { email: string };
          const email = await renderNotificationEmail(m, { appUrl: APP, secret: SECRET });
          await bare.sendMail({
            from: "Meridian <meridian@bench.test>",
            to: m.email,
            subject: email.subject,
            html: email.html,
            text: email.text,
            headers: email.headers,
          });
        }
      }),
    );
    await sink.waitFor(before + messages.length, 120_000);
    const bareMs = ms(t4);
    bare.close();

    const driver = process.env.DATABASE_URL ? "PostgreSQL server" : "PGlite (in memory)";
    const perSecond = (n: number, t: number) => Math.round((n / t) * 1000);
    const report = [
      `# Notifications bench: a ${PEOPLE.toLocaleString("en")}-person organization's Monday (${driver})`,
      "",
      `Seeded in ${seedMs} ms: ${PEOPLE} people in 4 time zones, ${PEOPLE * 2} key results, all due.`,
      "",
      "| step | time | items | per second |",
      "| --- | ---: | ---: | ---: |",
      `| scheduler tick: queue the check-in notices | ${queueMs} ms | ${first.checkInDue} | ${perSecond(first.checkInDue, queueMs)} |`,
      `| the same tick again (adds nothing) | ${repeatMs} ms | ${again.checkInDue} | – |`,
      `| sender: deliver to the SMTP sink (claim, render, send, record) | ${sendMs} ms | ${sent.sent} | ${perSecond(sent.sent, sendMs)} |`,
      `| baseline: bare nodemailer loop, same messages, no database | ${bareMs} ms | ${messages.length} | ${perSecond(messages.length, bareMs)} |`,
      "",
      `Sender: ${CONCURRENCY} messages at once over a pool of ${CONNECTIONS} SMTP connections; baseline the same.`,
      `Failed: ${sent.failed}, retried: ${sent.retried}.`,
    ].join("\n");
    process.stdout.write(`${report}\n`);
    const dir = path.join(workspaceRoot(), "artifacts", "bench");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `notifications-${process.env.DATABASE_URL ? "postgres" : "pglite"}.md`),
      `${report}\n`,
    );
    if (first.checkInDue !== PEOPLE || again.checkInDue !== 0 || sent.sent !== PEOPLE) {
      throw new Error(`expected ${PEOPLE} notices queued once and sent, got ${JSON.stringify({ first, again, sent })}`);
    }
  } finally {
    await sink.close();
    await handle.close();
  }
}

await main();
