import { randomUUID } from "node:crypto";
import { type Executor, rows, sql } from "@meridian/db";
import type { WebhookEvent, WebhookEventData } from "@meridian/domain";
import { appBaseUrl } from "../../mail/config";

/** The absolute address of an app page, for an event's `url`. */
export function appLink(path: string): string {
  return `${appBaseUrl()}${path}`;
}

type EventData<E extends WebhookEvent> = WebhookEventData<E>;
/** The data, or a function that reads it: called only when some endpoint takes the event. */
type DataSource<E extends WebhookEvent> = EventData<E> | (() => Promise<EventData<E> | null>);

/** Whether any active endpoint of the organization takes this event (one indexed read). */
export async function hasSubscribers(tx: Executor, organizationId: string, type: WebhookEvent): Promise<boolean> {
  const found = rows(
    await tx.execute(sql`
      select 1 as one from webhook_endpoints
      where organization_id = ${organizationId} and status = 'active' and ${type} = any(events)
      limit 1
    `),
  );
  return found.length > 0;
}

/**
 * Queues one event for every active endpoint of the organization subscribed
 * to its type: one set-based insert, inside the caller's transaction, so a
 * change that rolls back sends nothing and one that commits is sent by the
 * delivery job. Every endpoint gets the same event id (`msg_<uuid>`, the
 * `webhook-id` header) and body `{ type, timestamp, data }`. Returns the
 * event id, or null when a data function found no endpoint or nothing to send.
 */
export async function emitWebhookEvent<E extends WebhookEvent>(
  tx: Executor,
  organizationId: string,
  type: E,
  data: DataSource<E>,
): Promise<string | null> {
  const [id] = await emitWebhookEvents(tx, organizationId, type, typeof data === "function" ? data : [data]);
  return id ?? null;
}

/**
 * Several events of one type at once (the objectives a check-in moved, the
 * KPIs of an import): still one insert. `data` may be a function that reads
 * them, called only when some endpoint takes the type, so a producer spends
 * no read on an organization without webhooks.
 */
export async function emitWebhookEvents<E extends WebhookEvent>(
  tx: Executor,
  organizationId: string,
  type: E,
  data: readonly EventData<E>[] | (() => Promise<EventData<E> | readonly EventData<E>[] | null>),
): Promise<string[]> {
  let list: readonly EventData<E>[];
  if (typeof data === "function") {
    if (!(await hasSubscribers(tx, organizationId, type))) return [];
    const read = await data();
    list = read === null ? [] : Array.isArray(read) ? read : [read as EventData<E>];
  } else {
    list = data;
  }
  if (list.length === 0) return [];
  const timestamp = new Date().toISOString();
  const events = list.map((d) => ({ id: `msg_${randomUUID()}`, payload: { type, timestamp, data: d } }));
  await tx.execute(sql`
    insert into webhook_deliveries (organization_id, endpoint_id, event_id, event_type, payload)
    select e.organization_id, e.id, ev.value->>'id', ${type}, ev.value->'payload'
    from webhook_endpoints e
    cross join jsonb_array_elements(${JSON.stringify(events)}::jsonb) ev
    where e.organization_id = ${organizationId} and e.status = 'active' and ${type} = any(e.events)
    on conflict (organization_id, endpoint_id, event_id) where resend_of is null do nothing
  `);
  return events.map((e) => e.id);
}
