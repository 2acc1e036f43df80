import { type Database, eq, users } from "@meridian/db";

/** A session ends after this long without a request… */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** …and after this long in any case, however active. */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;

/** What the signed session token carries: who, since when, and which generation of sessions. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  /** Seconds since the epoch at sign-in. */
  authTime: number;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  mustChangePassword: boolean;
}

export function readClaims(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { userId, sessionVersion, authTime } = token;
  if (typeof userId !== "string" || typeof sessionVersion !== "number" || typeof authTime !== "number") return null;
  return { userId, sessionVersion, authTime };
}

/**
 * The user behind a session token, re-read from the database on every request:
 * a deactivated user, a bumped session version (logout, password change) or an
 * expired absolute lifetime all end the session at once.
 */
export async function resolveSessionUser(
  db: Database,
  claims: SessionClaims | null,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  if (!claims) return null;
  if (now.getTime() / 1000 - claims.authTime > SESSION_ABSOLUTE_SECONDS) return null;
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!user?.isActive || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword };
}
