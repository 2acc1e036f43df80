export {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  not,
  or,
  SQL,
  sql,
} from "drizzle-orm";
// Types for helpers that work on any versioned table (the API's audited update).
export type { AnyPgColumn, PgTable, PgUpdateSetSource, SelectedFields } from "drizzle-orm/pg-core";
export { alias } from "drizzle-orm/pg-core";
export type { SelectResultFields } from "drizzle-orm/query-builders/select.types";
export { chunk } from "./chunk";
export * from "./client";
export { migrate, pendingMigrations, rows } from "./migrate";
export { dataDir, workspaceRoot } from "./paths";
export * from "./schema";
export { isDatabaseUnavailable } from "./unavailable";
