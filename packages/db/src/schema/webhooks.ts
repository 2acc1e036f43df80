import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tenantId, updatedAt, version } from "./columns";
import { organizations, users } from "./organizations";

/**
 * A URL an organization's admins registered to receive events. The signing
 * secret is kept because every delivery is signed with it (Standard Webhooks);
 * it is shown once, when the endpoint is made. An endpoint is `active`,
 * `paused` (failing for days: no new deliveries until an admin turns it back on)
 * or `disabled` (it answered 410 Gone).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    url: text().notNull(),
    /** `standard` (Standard Webhooks JSON) or `slack` (a Slack incoming webhook: readable messages). */
    target: text().notNull().default("standard"),
    description: text().notNull().default(""),
    events: text().array().notNull(),
    /** `whsec_` then base64: the Standard Webhooks secret format. */
    secret: text().notNull(),
    status: text().notNull().default("active"),
    /** Why it is paused or disabled, in words an admin can act on. */
    statusReason: text(),
    /** The first failed delivery since the last success; null while deliveries succeed. */
    failingSince: timestamp({ withTimezone: true }),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("webhook_endpoints_org_idx").on(t.organizationId, t.createdAt),
  ],
);

/**
 * One event sent to one endpoint. The unique (endpoint, event id) pair means an
 * event is queued once per endpoint however often its producer runs; the
 * event id is the `webhook-id` header, so receivers can drop repeats too.
 * `state`: pending (waiting for its next attempt), succeeded, failed (retries
 * spent, or the endpoint refused it for good), skipped (the endpoint was paused
 * or disabled before it went out).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    endpointId: uuid().notNull(),
    eventId: text().notNull(),
    eventType: text().notNull(),
    /** The body as sent: `{ type, timestamp, data }`. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    state: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** When the sender may next take it: now for a new one, later after a failure, a few minutes ahead while claimed. */
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    /** The HTTP status of the last answer; null when there was none (a timeout, a refused connection). */
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: timestamp({ withTimezone: true }),
    /** Resent by hand: a copy of an earlier delivery (same event id, so receivers can tell). */
    resendOf: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "webhook_deliveries_endpoint_id_fk",
      columns: [t.organizationId, t.endpointId],
      foreignColumns: [webhookEndpoints.organizationId, webhookEndpoints.id],
    }).onDelete("cascade"),
    // One delivery per event and endpoint; resends are separate rows.
    uniqueIndex("webhook_deliveries_event_key")
      .on(t.organizationId, t.endpointId, t.eventId)
      .where(sql`${t.resendOf} is null`),
    index("webhook_deliveries_log_idx").on(t.organizationId, t.endpointId, t.createdAt.desc(), t.id.desc()),
    // The sender's claim across organizations: pending deliveries due now, oldest first.
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt, t.organizationId, t.id).where(sql`${t.state} = 'pending'`),
    // The log's pruning across organizations: finished deliveries, oldest first.
    index("webhook_deliveries_finished_idx").on(t.createdAt).where(sql`${t.state} <> 'pending'`),
  ],
);

/** Every attempt of a delivery, for the log: what the receiver answered and how long it took. */
export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    deliveryId: uuid().notNull(),
    attempt: integer().notNull(),
    statusCode: integer(),
    error: text(),
    durationMs: integer().notNull(),
    /** The first characters of the receiver's answer, to tell an admin what it said. */
    responseExcerpt: text().notNull().default(""),
    succeeded: boolean().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "webhook_delivery_attempts_delivery_id_fk",
      columns: [t.organizationId, t.deliveryId],
      foreignColumns: [webhookDeliveries.organizationId, webhookDeliveries.id],
    }).onDelete("cascade"),
    index("webhook_delivery_attempts_delivery_idx").on(t.organizationId, t.deliveryId, t.attempt),
  ],
);
