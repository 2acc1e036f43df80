import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./organizations";

/**
 * Signed-in sessions, one per sign-in (ADR 0023). The signed token names its
 * row, so a person can see where they are signed in and end one device.
 * Not tenant-owned: people, and so their sessions, are global (a reference
 * table, like `users`).
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /**
     * The user's session generation this session belongs to: a bump of
     * `users.session_version` (logout, password change, deactivation) ends
     * it; "sign out all other devices" moves the current session along.
     */
    sessionVersion: integer().notNull(),
    /** "Firefox 133 on macOS": a summary, not the raw header. */
    userAgent: text().notNull(),
    /** The address the sign-in came from, as the sign-in throttle reads it; null when unknown. */
    clientAddress: text(),
    createdAt: createdAt(),
    /** Moved forward at most every few minutes (SESSION_TOUCH_SECONDS), not on every request. */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.lastSeenAt)],
);
