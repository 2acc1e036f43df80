import { relations } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantId, updatedAt, version } from "./columns";
import { roleEnum } from "./enums";

export const organizations = pgTable("organizations", {
  id: id(),
  name: text().notNull(),
  slug: text().notNull().unique(),
  /** Seeded demo data: the login page lists the demo accounts while one exists. */
  isDemo: boolean().notNull().default(false),
  fiscalYearStartMonth: integer().notNull().default(1),
  /** Length of a new cycle, in months (3: quarters). */
  defaultCycleMonths: integer().notNull().default(3),
  /** The weekly check-in: ISO weekday (1 = Monday) and local time, in each person's own time zone. */
  checkInWeekday: integer().notNull().default(1),
  checkInTime: text().notNull().default("09:00"),
  /** Days after the check-in day when a missing check-in gets its reminder. */
  reminderAfterDays: integer().notNull().default(2),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

/** People are global; what they may do is decided per organization by their membership. */
export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored lower-cased. */
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    isActive: boolean().notNull().default(true),
    mustChangePassword: boolean().notNull().default(false),
    /** An IANA zone such as Europe/Berlin: reminders arrive on the check-in day in the person's own time. */
    timeZone: text().notNull().default("UTC"),
    /** Bumped to end every session signed before it (password change, deactivation). */
    sessionVersion: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    /** Set when an admin deactivates the person here; their data stays. */
    deactivatedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("memberships_org_user_key").on(t.organizationId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);

/**
 * An admin's invitation of someone who already has an account (in another
 * organization). They are not a member, and see nothing of the organization,
 * until they accept it signed in; declining deletes it.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    invitedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("invitations_org_user_key").on(t.organizationId, t.userId),
    index("invitations_user_idx").on(t.userId),
  ],
);

export const organizationsRelations = relations(organizations, ({ many }) => ({
  memberships: many(memberships),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));
