import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, SESSION_TOUCH_SECONDS } from "@meridian/auth";
import { and, desc, type Executor, eq, gt, isNull, sql, userSessions, users } from "@meridian/db";
import { AppError } from "../../lib/errors";
import type { SignedInScope } from "./me.queries";

/** How many sessions the list shows: a week of sign-ins for anyone who signs in now and then. */
export const SESSION_LIST_LIMIT = 50;

/** The caller's own profile, with the version a save names. */
export async function getProfile({ db, user }: SignedInScope) {
  return readProfile(db, user.id);
}

/** The profile as a save would see it, inside the save's transaction when given one. */
export async function readProfile(executor: Executor, userId: string) {
  const [profile] = await executor
    .select({ name: users.name, email: users.email, timeZone: users.timeZone, version: users.version })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!profile) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  return profile;
}

/**
 * The caller's sessions that can still make a request: not signed out, of the
 * current generation, seen within the idle lifetime (with the "last seen"
 * granularity as slack) and younger than the absolute one. This one first.
 */
export async function listSessions({ db, user }: SignedInScope, now: Date = new Date()) {
  const idleSince = new Date(now.getTime() - (SESSION_IDLE_SECONDS + SESSION_TOUCH_SECONDS) * 1000);
  const bornSince = new Date(now.getTime() - SESSION_ABSOLUTE_SECONDS * 1000);
  const current = user.sessionId ?? "00000000-0000-0000-0000-000000000000";
  const rows = await db
    .select({
      id: userSessions.id,
      device: userSessions.userAgent,
      address: userSessions.clientAddress,
      signedInAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      current: sql<boolean>`${userSessions.id} = ${current}`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.userId, user.id),
        isNull(userSessions.revokedAt),
        eq(userSessions.sessionVersion, users.sessionVersion),
        gt(userSessions.lastSeenAt, idleSince),
        gt(userSessions.createdAt, bornSince),
      ),
    )
    .orderBy(desc(sql`${userSessions.id} = ${current}`), desc(userSessions.lastSeenAt), desc(userSessions.id))
    .limit(SESSION_LIST_LIMIT);
  return rows.map((row) => ({
    ...row,
    current: Boolean(row.current),
    signedInAt: row.signedInAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  }));
}
