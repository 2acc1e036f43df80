import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** The id of a table shared by every organization (a reference table): the primary key on its own. */
export const id = () => uuid().primaryKey().defaultRandom();
/**
 * The id of a tenant row. The table's primary key is (organization_id, id), and
 * other tenant tables reference it by both columns (ADR 0013).
 */
export const tenantId = () => uuid().notNull().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
/** Optimistic-concurrency counter: an update names the version it read. */
export const version = () => integer().notNull().default(1);
