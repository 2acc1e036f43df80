import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, tenantId } from "./columns";
import { organizations, users } from "./organizations";

/**
 * An organization's token for the ingestion API. Only a SHA-256 hash of the
 * secret is kept (the secret is shown once, at creation); `prefix` lets people
 * tell their tokens apart.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    prefix: text().notNull(),
    tokenHash: text().notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("api_tokens_org_hash_key").on(t.organizationId, t.tokenHash),
    // Ingestion finds a token by its hash alone, before it knows the organization (ADR 0010, 0013).
    index("api_tokens_hash_idx").on(t.tokenHash),
    index("api_tokens_org_idx").on(t.organizationId),
  ],
);
