import { type Database, rows, sql } from "@meridian/db";
import type { NotificationKind } from "@meridian/domain";
import type { Transporter } from "nodemailer";
import { sqlArray } from "../lib/sql-array";
import { type EmailContext, type EmailNotification, renderNotificationEmail } from "../mail/render";

/** Tries per email before it is recorded as failed. */
export const MAX_EMAIL_ATTEMPTS = 5;
/** How long a worker holds a claimed email; well over the transport's timeouts. */
export const CLAIM_SECONDS = 300;
/** Emails claimed per round; a round's results are written back in one statement. */
export const SEND_BATCH = 100;

/** Seconds to wait after the n-th failed try: 1, 5, 25, 125 minutes (×5 each time), then failed. */
export function retryDelaySeconds(attempt: number): number {
  return 60 * 5 ** Math.max(0, attempt - 1);
}

export interface SendOptions extends EmailContext {
  transport: Pick<Transporter, "sendMail">;
  from: string;
  /** Emails sent at once within a round (the transport's pool bounds connections). */
  concurrency?: number;
  batchSize?: number;
  /** Stop after this many rounds (a tick must end; the next one continues). */
  maxRounds?: number;
}

export interface SendReport {
  sent: number;
  retried: number;
  failed: number;
}

interface Claimed extends EmailNotification {
  id: string;
  email: string;
  attempts: number;
}

/**
 * Sends the pending emails that are due, round after round, until none is
 * left. Each round claims its rows with `for update skip locked` and moves
 * their next attempt a claim's length ahead in the same statement, so another
 * worker (another app instance, or the same one's next tick) neither waits for
 * them nor takes them: an email is sent by one worker. A failed try waits for
 * its backoff; the fifth is recorded as failed with the error. A worker that
 * dies mid-round loses nothing: its claims expire and the emails go out later.
 */
export async function sendPendingEmails(db: Database, options: SendOptions): Promise<SendReport> {
  const report: SendReport = { sent: 0, retried: 0, failed: 0 };
  const maxRounds = options.maxRounds ?? 1_000;
  for (let round = 0; round < maxRounds; round++) {
    const claimed = await claim(db, options.batchSize ?? SEND_BATCH);
    if (claimed.length === 0) break;
    const outcomes = await mapLimit(claimed, options.concurrency ?? 5, (n) => sendOne(n, options));
    await record(db, claimed, outcomes, report);
  }
  return report;
}

async function claim(db: Database, limit: number): Promise<Claimed[]> {
  const result = await db.execute(sql`
    with due as (
      select organization_id, id from notifications
      where email_state = 'pending' and email_next_attempt_at <= now()
      order by email_next_attempt_at, organization_id, id
      limit ${limit}
      for update skip locked
    ), claimed as (
      update notifications n
      set email_next_attempt_at = now() + make_interval(secs => ${CLAIM_SECONDS}),
        email_attempts = n.email_attempts + 1
      from due where n.organization_id = due.organization_id and n.id = due.id
      returning n.id, n.organization_id, n.user_id, n.kind, n.title, n.body, n.link, n.payload, n.email_attempts
    )
    select c.id, c.organization_id as "organizationId", c.user_id as "userId", c.kind, c.title, c.body, c.link,
      c.payload, c.email_attempts as attempts, u.email, u.name as "recipientName", o.name as "organizationName"
    from claimed c join users u on u.id = c.user_id join organizations o on o.id = c.organization_id
  `);
  return rows<Claimed & { kind: NotificationKind }>(result);
}

type Outcome = { ok: true } | { ok: false; error: string };

async function sendOne(n: Claimed, options: SendOptions): Promise<Outcome> {
  try {
    const email = await renderNotificationEmail(n, options);
    await options.transport.sendMail({
      from: options.from,
      to: { name: n.recipientName, address: n.email },
      subject: email.subject,
      html: email.html,
      text: email.text,
      headers: email.headers,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500) };
  }
}

/** One statement per round writes every outcome: sent, back to pending after its backoff, or failed. */
async function record(db: Database, claimed: Claimed[], outcomes: Outcome[], report: SendReport): Promise<void> {
  const states: string[] = [];
  const delays: number[] = [];
  const errors: (string | null)[] = [];
  claimed.forEach((n, i) => {
    const outcome = outcomes[i] ?? { ok: false, error: "not sent" };
    if (outcome.ok) {
      states.push("sent");
      delays.push(0);
      errors.push(null);
      report.sent++;
    } else if (n.attempts >= MAX_EMAIL_ATTEMPTS) {
      states.push("failed");
      delays.push(0);
      errors.push(outcome.error);
      report.failed++;
    } else {
      states.push("pending");
      delays.push(retryDelaySeconds(n.attempts));
      errors.push(outcome.error);
      report.retried++;
    }
  });
  await db.execute(sql`
    update notifications n
    set email_state = r.state::email_state,
      emailed_at = case when r.state = 'sent' then now() else n.emailed_at end,
      email_error = r.error,
      email_next_attempt_at = case when r.state = 'pending' then now() + make_interval(secs => r.delay) else n.email_next_attempt_at end
    from unnest(${sqlArray(
      claimed.map((n) => n.organizationId),
      "uuid",
    )}, ${sqlArray(
      claimed.map((n) => n.id),
      "uuid",
    )}, ${sqlArray(states, "text")}, ${sqlArray(delays, "int4")}, ${sqlArray(errors, "text")})
      as r(organization_id, id, state, delay, error)
    where n.organization_id = r.organization_id and n.id = r.id and n.email_state = 'pending'
  `);
}

/**
 * With no SMTP server configured, notifications are in-app only: pending
 * emails are set to 'none' (with the reason) instead of waiting forever, and a
 * server configured later does not send a backlog of old news.
 */
export async function dropPendingEmails(db: Database): Promise<number> {
  const result = await db.execute(sql`
    update notifications set email_state = 'none', email_error = 'email is off: no SMTP server is configured'
    where email_state = 'pending'
    returning 1 as one
  `);
  return rows(result).length;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
