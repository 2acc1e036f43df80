import { type LookupAddress, lookup } from "node:dns";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { type Database, type Executor, rows, sql } from "@meridian/db";
import { WEBHOOK_LOG_RETENTION_DAYS, WEBHOOK_PAUSE_AFTER_DAYS, WEBHOOK_RETRY_DELAYS_SECONDS } from "@meridian/domain";
import { Webhook } from "standardwebhooks";
import { notify } from "../modules/notifications/notify";
import { formatSlackMessage } from "../modules/webhooks/slack";
import { isForbiddenAddress, privateAddressesAllowed, unsafeUrlReason } from "../modules/webhooks/url-safety";

/** How long a worker holds a claimed delivery: far over the request's timeout. */
export const WEBHOOK_CLAIM_SECONDS = 300;
/** A receiver has this long to answer, body included. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_BATCH = 50;
/** What the log keeps of a receiver's answer. */
const EXCERPT_CHARS = 500;
/** What is read of an answer at most (the rest is dropped unread). */
const MAX_READ_BYTES = 16_384;
/** Where an admin manages the endpoints: the link of the notices. */
export const WEBHOOK_SETTINGS_PATH = "/settings/webhooks";

export interface DeliverOptions {
  env?: Record<string, string | undefined>;
  /** Deliveries sent at once within a round. */
  concurrency?: number;
  batchSize?: number;
  /** Stop after this many rounds (a tick must end; the next one continues). */
  maxRounds?: number;
}

export interface DeliverReport {
  succeeded: number;
  retried: number;
  failed: number;
  skipped: number;
  paused: number;
  /** Finished deliveries past the log's retention, removed this tick. */
  pruned: number;
}

interface Claimed {
  id: string;
  organizationId: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret: string;
  target: string;
  endpointStatus: string;
}

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseExcerpt: string;
  succeeded: boolean;
}

/**
 * Sends the webhook deliveries that are due, round after round, until none is
 * left. First endpoints failing for WEBHOOK_PAUSE_AFTER_DAYS are paused (their
 * admins told). Each round claims its rows with `for update skip locked` and
 * moves their next attempt a claim's length ahead in the same statement, so
 * another worker neither waits for them nor takes them: a delivery is sent by
 * one worker. A worker that dies mid-round loses nothing: its claims expire
 * and the deliveries go out later (a receiver may then see an event id twice,
 * which the Standard Webhooks id lets it drop).
 */
export async function deliverPendingWebhooks(db: Database, options: DeliverOptions = {}): Promise<DeliverReport> {
  const report: DeliverReport = { succeeded: 0, retried: 0, failed: 0, skipped: 0, paused: 0, pruned: 0 };
  report.pruned = await pruneWebhookLog(db);
  report.paused = await pauseFailingEndpoints(db);
  const maxRounds = options.maxRounds ?? 100;
  for (let round = 0; round < maxRounds; round++) {
    const claimed = await claimDue(db, options.batchSize ?? WEBHOOK_BATCH);
    if (claimed.length === 0) break;
    await mapLimit(claimed, options.concurrency ?? 8, async (delivery) => {
      const result = await deliverClaimed(db, delivery, options);
      report[result]++;
    });
  }
  return report;
}

/**
 * Sends one pending delivery now, whatever its due time (the settings page's
 * "send test"), and answers with its state and the attempt. A delivery another
 * worker holds, or one no longer pending, is left alone.
 */
export async function deliverWebhookNow(
  db: Database,
  organizationId: string,
  deliveryId: string,
  options: DeliverOptions = {},
) {
  const [claimed] = await claim(
    db,
    sql`d.organization_id = ${organizationId} and d.id = ${deliveryId} and d.state = 'pending'`,
    1,
  );
  if (!claimed) return { deliveryId, state: "pending" as const, attempt: null };
  const state = await deliverClaimed(db, claimed, options);
  const [attempt] = rows<AttemptOutcome>(
    await db.execute(sql`
      select status_code as "statusCode", error, duration_ms as "durationMs", response_excerpt as "responseExcerpt", succeeded
      from webhook_delivery_attempts where organization_id = ${organizationId} and delivery_id = ${deliveryId}
      order by attempt desc limit 1
    `),
  );
  return {
    deliveryId,
    state: state === "retried" ? ("pending" as const) : state,
    attempt: attempt ?? null,
  };
}

function claimDue(db: Database, limit: number) {
  return claim(db, sql`d.state = 'pending' and d.next_attempt_at <= now()`, limit);
}

async function claim(db: Database, where: ReturnType<typeof sql>, limit: number): Promise<Claimed[]> {
  const result = await db.execute(sql`
    with due as (
      select d.organization_id, d.id from webhook_deliveries d
      where ${where}
      order by d.next_attempt_at, d.organization_id, d.id
      limit ${limit}
      for update skip locked
    ), claimed as (
      update webhook_deliveries d
      set next_attempt_at = now() + make_interval(secs => ${WEBHOOK_CLAIM_SECONDS}), attempts = d.attempts + 1
      from due where d.organization_id = due.organization_id and d.id = due.id
      returning d.id, d.organization_id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts
    )
    select c.id, c.organization_id as "organizationId", c.endpoint_id as "endpointId", c.event_id as "eventId",
      c.event_type as "eventType", c.payload, c.attempts, e.url, e.secret, e.target, e.status as "endpointStatus"
    from claimed c join webhook_endpoints e on e.organization_id = c.organization_id and e.id = c.endpoint_id
  `);
  return rows<Claimed>(result);
}

type DeliveryResult = "succeeded" | "retried" | "failed" | "skipped";

async function deliverClaimed(db: Database, delivery: Claimed, options: DeliverOptions): Promise<DeliveryResult> {
  if (delivery.endpointStatus !== "active") {
    await db.execute(sql`
      update webhook_deliveries set state = 'skipped', attempts = attempts - 1,
        last_error = ${`The endpoint is ${delivery.endpointStatus}.`}
      where organization_id = ${delivery.organizationId} and id = ${delivery.id} and state = 'pending'
    `);
    return "skipped";
  }
  const outcome = await send(delivery, options);
  return record(db, delivery, outcome);
}

/** The request's body and headers: Standard Webhooks JSON, or a Slack message for a Slack target. */
export function buildRequest(delivery: Pick<Claimed, "eventId" | "payload" | "secret" | "target">, at: Date) {
  const body = JSON.stringify(delivery.target === "slack" ? formatSlackMessage(delivery.payload) : delivery.payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Meridian-Webhooks/1",
    "webhook-id": delivery.eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(delivery.secret).sign(delivery.eventId, at, body),
  };
  return { body, headers };
}

async function send(delivery: Claimed, options: DeliverOptions): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const env = options.env ?? process.env;
  // Checked again now: the name may resolve elsewhere than when the endpoint was saved.
  const unsafe = await unsafeUrlReason(delivery.url, { env });
  if (unsafe)
    return {
      statusCode: null,
      error: `Not sent: ${unsafe}`,
      durationMs: elapsed(),
      responseExcerpt: "",
      succeeded: false,
    };
  const { body, headers } = buildRequest(delivery, new Date());
  try {
    const answer = await post(delivery.url, headers, body, privateAddressesAllowed(env) ? undefined : guardedLookup);
    const ok = answer.statusCode >= 200 && answer.statusCode < 300;
    return {
      statusCode: answer.statusCode,
      error: ok ? null : `The receiver answered ${answer.statusCode}.`,
      durationMs: elapsed(),
      responseExcerpt: answer.body.slice(0, EXCERPT_CHARS),
      succeeded: ok,
    };
  } catch (error) {
    return {
      statusCode: null,
      error: describeError(error),
      durationMs: elapsed(),
      responseExcerpt: "",
      succeeded: false,
    };
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError" || error.name === "AbortError") {
      return `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} seconds.`;
    }
    const code = (error as { code?: string }).code;
    return (code ? `${code}: ${error.message}` : error.message).slice(0, 500);
  }
  return String(error).slice(0, 500);
}

/**
 * The connection's own name lookup refuses private addresses as well, so a
 * name that resolves to a public address when checked and a private one when
 * connecting (DNS rebinding) cannot slip through.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 4);
    const bad = addresses.find((a) => isForbiddenAddress(a.address));
    if (bad) {
      return callback(
        Object.assign(new Error(`${hostname} resolves to ${bad.address}, a private, loopback or reserved address.`), {
          code: "EFORBIDDENADDRESS",
        }),
        "",
        4,
      );
    }
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" }), "", 4);
    return callback(null, first.address, first.family);
  });
};

/** A POST with no redirects followed, the whole exchange bounded by the timeout, and the answer read up to a limit. */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  lookupFn: LookupFunction | undefined,
): Promise<{ statusCode: number; headers: IncomingHttpHeaders; body: string }> {
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        ...(lookupFn ? { lookup: lookupFn } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_READ_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_READ_BYTES) res.destroy();
        });
        const done = () =>
          resolve({
            statusCode: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_READ_BYTES),
          });
        res.on("end", done);
        res.on("close", done);
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Writes the attempt and its consequences in one transaction: the attempt
 * row, the delivery's state (succeeded; pending after its backoff; failed),
 * the endpoint's failing-since, and for a 410 the endpoint disabled and its
 * admins told. Only the claim that sent it records it (the attempt count
 * matches), so an expired claim taken over by another worker is not written twice.
 */
async function record(db: Database, delivery: Claimed, outcome: AttemptOutcome): Promise<DeliveryResult> {
  const gone = outcome.statusCode === 410;
  const delay = WEBHOOK_RETRY_DELAYS_SECONDS[delivery.attempts - 1];
  const result: DeliveryResult = outcome.succeeded ? "succeeded" : gone || delay === undefined ? "failed" : "retried";
  const state = result === "retried" ? "pending" : result;
  await db.transaction(async (tx) => {
    const updated = rows(
      await tx.execute(sql`
        update webhook_deliveries set state = ${state}, last_attempt_at = now(),
          last_status_code = ${outcome.statusCode}, last_error = ${outcome.error},
          delivered_at = ${outcome.succeeded ? sql`now()` : sql`delivered_at`},
          next_attempt_at = ${result === "retried" ? sql`now() + make_interval(secs => ${delay ?? 0})` : sql`next_attempt_at`}
        where organization_id = ${delivery.organizationId} and id = ${delivery.id}
          and state = 'pending' and attempts = ${delivery.attempts}
        returning id
      `),
    );
    if (updated.length === 0) return;
    await tx.execute(sql`
      insert into webhook_delivery_attempts
        (organization_id, delivery_id, attempt, status_code, error, duration_ms, response_excerpt, succeeded)
      values (${delivery.organizationId}, ${delivery.id}, ${delivery.attempts}, ${outcome.statusCode}, ${outcome.error},
        ${outcome.durationMs}, ${outcome.responseExcerpt}, ${outcome.succeeded})
    `);
    if (outcome.succeeded) {
      await tx.execute(sql`
        update webhook_endpoints set failing_since = null
        where organization_id = ${delivery.organizationId} and id = ${delivery.endpointId} and failing_since is not null
      `);
    } else if (gone) {
      await stopEndpoint(tx, {
        organizationId: delivery.organizationId,
        endpointId: delivery.endpointId,
        url: delivery.url,
        status: "disabled",
        reason:
          "The receiver answered 410 Gone: it no longer wants these events. Turn the endpoint on again to resume.",
      });
    } else {
      await tx.execute(sql`
        update webhook_endpoints set failing_since = coalesce(failing_since, now())
        where organization_id = ${delivery.organizationId} and id = ${delivery.endpointId}
      `);
    }
  });
  return result;
}

/**
 * Deletes finished deliveries (and, by cascade, their attempts) older than
 * WEBHOOK_LOG_RETENTION_DAYS, at most `limit` a tick so one tick never holds
 * a long lock; a backlog drains over the following minutes. Pending ones stay
 * whatever their age.
 */
export async function pruneWebhookLog(db: Database, limit = 1000): Promise<number> {
  const result = await db.execute(sql`
    with old as (
      select organization_id, id from webhook_deliveries
      where state <> 'pending' and created_at < now() - make_interval(days => ${WEBHOOK_LOG_RETENTION_DAYS})
      order by created_at
      limit ${limit}
      for update skip locked
    )
    delete from webhook_deliveries d using old
    where d.organization_id = old.organization_id and d.id = old.id
    returning d.id
  `);
  return rows(result).length;
}

/**
 * Pauses every active endpoint whose deliveries have failed without one
 * success for WEBHOOK_PAUSE_AFTER_DAYS, skips what it still has pending, and
 * tells the organization's admins. Returns how many were paused.
 */
export async function pauseFailingEndpoints(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const paused = rows<{ organizationId: string; id: string; url: string }>(
      await tx.execute(sql`
        select organization_id as "organizationId", id, url from webhook_endpoints
        where status = 'active' and failing_since < now() - make_interval(days => ${WEBHOOK_PAUSE_AFTER_DAYS})
        for update skip locked
      `),
    );
    for (const endpoint of paused) {
      await stopEndpoint(tx, {
        organizationId: endpoint.organizationId,
        endpointId: endpoint.id,
        url: endpoint.url,
        status: "paused",
        reason: `Every delivery failed for ${WEBHOOK_PAUSE_AFTER_DAYS} days. Fix the receiver, then turn the endpoint on again.`,
      });
    }
    return paused.length;
  });
}

/** Pauses or disables an endpoint, skips its pending deliveries and tells the organization's admins, in the caller's transaction. */
async function stopEndpoint(
  tx: Executor,
  stop: { organizationId: string; endpointId: string; url: string; status: "paused" | "disabled"; reason: string },
) {
  const changed = rows<{ id: string }>(
    await tx.execute(sql`
      update webhook_endpoints set status = ${stop.status}, status_reason = ${stop.reason}, updated_at = now(),
        version = version + 1
      where organization_id = ${stop.organizationId} and id = ${stop.endpointId} and status = 'active'
      returning id
    `),
  );
  if (changed.length === 0) return;
  await tx.execute(sql`
    update webhook_deliveries set state = 'skipped', last_error = ${`The endpoint was ${stop.status}.`}
    where organization_id = ${stop.organizationId} and endpoint_id = ${stop.endpointId} and state = 'pending'
  `);
  await tx.execute(sql`
    insert into activity_log (organization_id, actor_id, entity_type, entity_id, action, details)
    values (${stop.organizationId}, null, 'webhook_endpoint', ${stop.endpointId}, ${`webhook_endpoint.${stop.status}`},
      ${JSON.stringify({ url: stop.url, reason: stop.reason })}::jsonb)
  `);
  const admins = rows<{ userId: string }>(
    await tx.execute(sql`
      select user_id as "userId" from memberships
      where organization_id = ${stop.organizationId} and role = 'admin' and deactivated_at is null
    `),
  );
  const host = URL.canParse(stop.url) ? new URL(stop.url).host : stop.url;
  const stamp = new Date().toISOString();
  await notify(tx, {
    organizationId: stop.organizationId,
    kind: "webhook_paused",
    recipients: admins.map((a) => ({
      userId: a.userId,
      dedupeKey: `webhook_${stop.status}:${stop.endpointId}:${stamp}`,
    })),
    title: stop.status === "paused" ? `Webhook to ${host} paused` : `Webhook to ${host} disabled`,
    body: stop.reason,
    link: WEBHOOK_SETTINGS_PATH,
    payload: { endpointId: stop.endpointId, url: stop.url, status: stop.status },
  });
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const i = next++;
      await fn(items[i] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
