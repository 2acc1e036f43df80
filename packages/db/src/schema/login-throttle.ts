import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-in counters per account and per address, in the database so the
 * limit holds across every app instance. Not tenant-owned: sign-in comes before
 * any organization.
 */
export const loginThrottle = pgTable("login_throttle", {
  /** "account:<email>" or "address:<ip>". */
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});
