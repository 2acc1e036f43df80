import { index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { organizations, users } from "./organizations";

/** The audit trail: every change writes one row in the same transaction. */
export const activityLog = pgTable(
  "activity_log",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    action: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("activity_log_org_created_idx").on(t.organizationId, t.createdAt),
    index("activity_log_org_entity_idx").on(t.organizationId, t.entityType, t.entityId),
    index("activity_log_org_actor_idx").on(t.organizationId, t.actorId),
  ],
);
