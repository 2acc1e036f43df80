import {
  and,
  asc,
  type Executor,
  eq,
  rows,
  sql,
  users,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
} from "@meridian/db";
import type { ZWebhookDeliveryIdSchema, ZWebhookDeliveryListSchema, ZWebhookEndpointIdSchema } from "@meridian/domain";
import type { z } from "zod";
import { notFound } from "../../lib/errors";
import type { OrgScope } from "../../lib/scope";
import { decodeDeliveryCursor, encodeDeliveryCursor } from "./delivery-cursor";

/** An endpoint as the settings page shows it: everything but the secret. */
export const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  target: webhookEndpoints.target,
  description: webhookEndpoints.description,
  events: webhookEndpoints.events,
  status: webhookEndpoints.status,
  statusReason: webhookEndpoints.statusReason,
  failingSince: webhookEndpoints.failingSince,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
  version: webhookEndpoints.version,
};

export type WebhookDeliveryState = "pending" | "succeeded" | "failed" | "skipped";

interface EndpointListRow {
  id: string;
  url: string;
  target: string;
  description: string;
  events: string[];
  status: string;
  statusReason: string | null;
  failingSince: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  createdByName: string | null;
  pending: number;
  succeeded: number;
  failed: number;
  lastDeliveryState: WebhookDeliveryState | null;
  lastDeliveryAt: Date | null;
  lastStatusCode: number | null;
}

/**
 * The organization's endpoints, newest first, each with its deliveries
 * counted by state and its latest delivery: one statement for the page.
 */
export async function listWebhookEndpoints(scope: OrgScope) {
  const result = await scope.db.execute(sql`
    select e.id, e.url, e.target, e.description, e.events, e.status, e.status_reason as "statusReason",
      e.failing_since as "failingSince", e.created_at as "createdAt", e.updated_at as "updatedAt", e.version,
      u.name as "createdByName",
      coalesce(c.pending, 0)::int as pending, coalesce(c.succeeded, 0)::int as succeeded,
      coalesce(c.failed, 0)::int as failed,
      l.state as "lastDeliveryState", l.at as "lastDeliveryAt", l.last_status_code as "lastStatusCode"
    from webhook_endpoints e
    left join users u on u.id = e.created_by_id
    left join lateral (
      select count(*) filter (where d.state = 'pending') as pending,
        count(*) filter (where d.state = 'succeeded') as succeeded,
        count(*) filter (where d.state = 'failed') as failed
      from webhook_deliveries d where d.organization_id = e.organization_id and d.endpoint_id = e.id
    ) c on true
    left join lateral (
      select d.state, coalesce(d.last_attempt_at, d.created_at) as at, d.last_status_code
      from webhook_deliveries d where d.organization_id = e.organization_id and d.endpoint_id = e.id
      order by d.created_at desc, d.id desc limit 1
    ) l on true
    where e.organization_id = ${scope.org.id}
    order by e.created_at desc, e.id desc
  `);
  return rows<EndpointListRow>(result).map((r) => ({
    ...r,
    failingSince: toDate(r.failingSince),
    createdAt: toDate(r.createdAt) as Date,
    updatedAt: toDate(r.updatedAt) as Date,
    lastDeliveryAt: toDate(r.lastDeliveryAt),
  }));
}

/** Raw statements give timestamps as strings on one driver and Dates on the other. */
function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

/** One endpoint, without its secret; inside a transaction, read through it (`db`). */
export async function getWebhookEndpoint(
  scope: OrgScope,
  input: z.output<typeof ZWebhookEndpointIdSchema>,
  db: Executor = scope.db,
) {
  const [endpoint] = await db
    .select({ ...endpointColumns, createdByName: users.name })
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdById))
    .where(and(eq(webhookEndpoints.organizationId, scope.org.id), eq(webhookEndpoints.id, input.endpointId)))
    .limit(1);
  if (!endpoint) throw notFound("No such webhook endpoint.");
  return endpoint;
}

interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  state: WebhookDeliveryState;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  resendOf: string | null;
  createdAt: Date;
  cursorAt: string;
}

/** One endpoint's delivery log, newest first, a page at a time. */
export async function listWebhookDeliveries(scope: OrgScope, input: z.output<typeof ZWebhookDeliveryListSchema>) {
  await getWebhookEndpoint(scope, input);
  const cursor = input.cursor ? decodeDeliveryCursor(input.cursor) : null;
  const result = await scope.db.execute(sql`
    select d.id, d.event_id as "eventId", d.event_type as "eventType", d.state, d.attempts,
      d.last_status_code as "lastStatusCode", d.last_error as "lastError", d.next_attempt_at as "nextAttemptAt",
      d.last_attempt_at as "lastAttemptAt", d.delivered_at as "deliveredAt", d.resend_of as "resendOf",
      d.created_at as "createdAt",
      to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"
    from webhook_deliveries d
    where d.organization_id = ${scope.org.id} and d.endpoint_id = ${input.endpointId}
      ${cursor ? sql`and (d.created_at, d.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)` : sql``}
    order by d.created_at desc, d.id desc
    limit ${input.limit + 1}
  `);
  const found = rows<DeliveryRow>(result);
  const page = found.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ cursorAt: _cursorAt, ...d }) => ({
      ...d,
      nextAttemptAt: toDate(d.nextAttemptAt) as Date,
      lastAttemptAt: toDate(d.lastAttemptAt),
      deliveredAt: toDate(d.deliveredAt),
      createdAt: toDate(d.createdAt) as Date,
      // A pending delivery's next attempt; a finished one's is meaningless.
      ...(d.state === "pending" ? {} : { nextAttemptAt: null }),
    })),
    nextCursor:
      found.length > input.limit && last ? encodeDeliveryCursor({ createdAt: last.cursorAt, id: last.id }) : null,
  };
}

/** One delivery with its payload and every attempt, oldest first. */
export async function getWebhookDelivery(scope: OrgScope, input: z.output<typeof ZWebhookDeliveryIdSchema>) {
  const [delivery] = await scope.db
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      endpointUrl: webhookEndpoints.url,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      payload: webhookDeliveries.payload,
      state: webhookDeliveries.state,
      attemptCount: webhookDeliveries.attempts,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
      resendOf: webhookDeliveries.resendOf,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEndpoints,
      and(
        eq(webhookEndpoints.organizationId, webhookDeliveries.organizationId),
        eq(webhookEndpoints.id, webhookDeliveries.endpointId),
      ),
    )
    .where(and(eq(webhookDeliveries.organizationId, scope.org.id), eq(webhookDeliveries.id, input.deliveryId)))
    .limit(1);
  if (!delivery) throw notFound("No such webhook delivery.");
  const attempts = await scope.db
    .select({
      id: webhookDeliveryAttempts.id,
      attempt: webhookDeliveryAttempts.attempt,
      statusCode: webhookDeliveryAttempts.statusCode,
      error: webhookDeliveryAttempts.error,
      durationMs: webhookDeliveryAttempts.durationMs,
      responseExcerpt: webhookDeliveryAttempts.responseExcerpt,
      succeeded: webhookDeliveryAttempts.succeeded,
      createdAt: webhookDeliveryAttempts.createdAt,
    })
    .from(webhookDeliveryAttempts)
    .where(
      and(
        eq(webhookDeliveryAttempts.organizationId, scope.org.id),
        eq(webhookDeliveryAttempts.deliveryId, delivery.id),
      ),
    )
    .orderBy(asc(webhookDeliveryAttempts.attempt), asc(webhookDeliveryAttempts.createdAt));
  return { ...delivery, state: delivery.state as WebhookDeliveryState, attempts };
}
