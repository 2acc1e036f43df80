import { relations, sql } from "drizzle-orm";
import {
  boolean,
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
import { createdAt, tenantId, updatedAt } from "./columns";
import { emailStateEnum, notificationChannelEnum, notificationKindEnum } from "./enums";
import { organizations, users } from "./organizations";

/**
 * One thing a person is told about: shown in the app's notification centre
 * (when `in_app`) and, when the person takes email for its kind, an outbox
 * row the delivery job sends (`email_state`). The dedupe key names the person's
 * event and period (for example `check_in_due:2026-W49`): a second insert of
 * it, by any worker, adds nothing.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum().notNull(),
    dedupeKey: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    /** The app path of the object it is about, such as /objectives/<id>. */
    link: text().notNull(),
    /** Who caused it, when a person did (a comment's author); null for scheduled ones. */
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** What the email template needs beyond title, body and link (the digest's sections). */
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    inApp: boolean().notNull().default(true),
    readAt: timestamp({ withTimezone: true }),
    emailState: emailStateEnum().notNull().default("none"),
    emailAttempts: integer().notNull().default(0),
    emailError: text(),
    emailedAt: timestamp({ withTimezone: true }),
    /**
     * When the sender may next take the pending email: now for a new one, later after a failed try
     * (the backoff), and a few minutes ahead while a worker is sending it (its claim: another worker
     * skips it until then).
     */
    emailNextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("notifications_dedupe_key").on(t.organizationId, t.userId, t.dedupeKey),
    index("notifications_inbox_idx").on(t.organizationId, t.userId, t.createdAt.desc()),
    index("notifications_unread_idx").on(t.organizationId, t.userId).where(sql`${t.readAt} is null and ${t.inApp}`),
    index("notifications_email_pending_idx").on(t.organizationId, t.createdAt).where(sql`${t.emailState} = 'pending'`),
    // The sender's claim across organizations: the pending emails due now, oldest first.
    index("notifications_email_due_idx")
      .on(t.emailNextAttemptAt, t.organizationId, t.id)
      .where(sql`${t.emailState} = 'pending'`),
  ],
);

/** A person's own choice for one kind on one channel; absent means the organization's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum().notNull(),
    channel: notificationChannelEnum().notNull(),
    enabled: boolean().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId, t.kind, t.channel] })],
);

/** An organization's default for one kind on one channel; absent means the catalog's default. */
export const notificationDefaults = pgTable(
  "notification_defaults",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: notificationKindEnum().notNull(),
    channel: notificationChannelEnum().notNull(),
    enabled: boolean().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.kind, t.channel] })],
);

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
  actor: one(users, { fields: [notifications.actorId], references: [users.id] }),
}));
