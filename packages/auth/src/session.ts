import { and, type Database, eq, isNull, lt, lte, or, sql, userSessions, users } from "@meridian/db";

/** A session ends after this long without a request… */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** …and after this long in any case, however active. */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
/**
 * A session's "last seen" moves forward at most this often: one small write
 * per session every few minutes, not one per request.
 */
export const SESSION_TOUCH_SECONDS = 5 * 60;

/** What the signed session token carries: who, since when, which generation of sessions, and which session. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** Seconds since the epoch at sign-in. */
  authTime: number;
  /**
   * The session's row in `user_sessions` (ADR 0023). Absent from tokens signed
   * before sessions were listed: those stay valid, by session version alone,
   * until they expire (8 hours idle, 7 days at most).
   */
  sessionId?: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  mustChangePassword: boolean;
  /** The session this request belongs to; null for a token signed before sessions were listed. */
  sessionId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { userId, sessionVersion, authTime, sessionId } = token;
  if (typeof userId !== "string" || typeof sessionVersion !== "number" || typeof authTime !== "number") return null;
  if (sessionId === undefined) return { userId, sessionVersion, authTime };
  // A session id that is not one is no session at all, never a legacy token.
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return null;
  return { userId, sessionVersion, authTime, sessionId: sessionId.toLowerCase() };
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isActive: users.isActive,
  sessionVersion: users.sessionVersion,
  mustChangePassword: users.mustChangePassword,
};

/**
 * The user behind a session token, re-read from the database on every request:
 * a deactivated user, a bumped session version (logout, password change), a
 * signed-out session row or an expired absolute lifetime all end the session
 * at once. One primary-key lookup (the session joined to its user); a write
 * only when "last seen" is older than SESSION_TOUCH_SECONDS.
 */
export async function resolveSessionUser(
  db: Database,
  claims: SessionClaims | null,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  if (!claims) return null;
  if (now.getTime() / 1000 - claims.authTime > SESSION_ABSOLUTE_SECONDS) return null;
  if (!claims.sessionId) return resolveLegacy(db, claims);

  const [row] = await db
    .select({
      ...userColumns,
      sessionUserId: userSessions.userId,
      rowVersion: userSessions.sessionVersion,
      revokedAt: userSessions.revokedAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, claims.sessionId))
    .limit(1);
  // The row's generation, not the token's: "sign out all other devices" moves this session to the new one.
  if (
    !row?.isActive ||
    row.sessionUserId !== claims.userId ||
    row.revokedAt !== null ||
    row.sessionVersion !== row.rowVersion
  ) {
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_SECONDS * 1000) {
    await touchSession(db, claims.sessionId, now);
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    mustChangePassword: row.mustChangePassword,
    sessionId: claims.sessionId,
  };
}

/** A token from before sessions were listed: the session version alone decides, as it did. */
async function resolveLegacy(db: Database, claims: SessionClaims): Promise<SessionUser | null> {
  const [user] = await db.select(userColumns).from(users).where(eq(users.id, claims.userId)).limit(1);
  if (!user?.isActive || user.sessionVersion !== claims.sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    mustChangePassword: user.mustChangePassword,
    sessionId: null,
  };
}

/**
 * Moves "last seen" forward. The condition repeats the throttle in SQL, so of
 * several requests arriving together only the first writes anything.
 */
async function touchSession(db: Database, sessionId: string, now: Date) {
  const due = new Date(now.getTime() - SESSION_TOUCH_SECONDS * 1000);
  await db
    .update(userSessions)
    .set({ lastSeenAt: now })
    .where(and(eq(userSessions.id, sessionId), lte(userSessions.lastSeenAt, due)));
}

export interface SessionOrigin {
  /** The summary of the browser and system ("Firefox 133 on macOS"). */
  userAgent: string;
  clientAddress: string | null;
  now?: Date;
}

/**
 * Records a new session at sign-in and returns the claims its token carries.
 * The user's sessions dead for longer than the absolute lifetime are deleted
 * on the way, so the table holds about a week of sign-ins per person.
 */
export async function openSession(
  db: Database,
  claims: Omit<SessionClaims, "sessionId">,
  { userAgent, clientAddress, now = new Date() }: SessionOrigin,
): Promise<SessionClaims> {
  const expired = new Date(now.getTime() - SESSION_ABSOLUTE_SECONDS * 1000);
  await db
    .delete(userSessions)
    .where(
      and(
        eq(userSessions.userId, claims.userId),
        or(lt(userSessions.lastSeenAt, expired), lt(userSessions.revokedAt, expired)),
      ),
    );
  const [row] = await db
    .insert(userSessions)
    .values({
      userId: claims.userId,
      sessionVersion: claims.sessionVersion,
      userAgent,
      clientAddress,
      createdAt: now,
      lastSeenAt: now,
    })
    .returning({ id: userSessions.id });
  if (!row) throw new Error("the session was not recorded");
  return { ...claims, sessionId: row.id };
}

/**
 * Logging out: this session's row is marked ended, and so — logout ends the
 * person's sessions on every device (docs: DESIGN, ADR 0003) — are the others;
 * the generation bump also ends tokens that name no row.
 */
export async function endEverySession(db: Database, userId: string, now: Date = new Date()) {
  await db.transaction(async (tx) => {
    await tx
      .update(userSessions)
      .set({ revokedAt: now })
      .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
  });
}
