import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /**
     * What the token may do (`okrs:read`, `kpis:write`…, the catalog in domain). Tokens made before
     * scopes existed keep the push endpoints they were made for.
     */
    scopes: text().array().notNull().default(sql`'{kpis:write,marketing:write}'::text[]`),
    /** The first instant the token no longer works; null: until revoked. */
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("api_tokens_org_hash_key").on(t.organizationId, t.tokenHash),
    // Ingestion finds a token by its hash alone, before it knows the organization (ADR 0010, 0013).
    index("api_tokens_hash_idx").on(t.tokenHash),
    index("api_tokens_org_idx").on(t.organizationId),
  ],
);

/**
 * Requests per token per minute for the REST API's rate limit. Counted in Postgres so that
 * every app instance agrees; old windows are deleted as new ones start.
 */
export const apiRateLimits = pgTable(
  "api_rate_limits",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    tokenId: uuid().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.tokenId, t.windowStart] })],
);
