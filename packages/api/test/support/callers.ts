import {
  openSession,
  resolveSessionUser,
  type SessionClaims,
  type SessionOrigin,
  type SessionUser,
} from "@meridian/auth";
import { type Database, eq, users } from "@meridian/db";
import { createCaller } from "../../src/root";
import { createContext } from "../../src/trpc";

export type Caller = ReturnType<typeof createCaller>;

/** The claims a freshly signed session token carries for this user, as the sign-in would write them. */
export async function sessionClaimsFor(db: Database, email: string): Promise<SessionClaims> {
  const [user] = await db
    .select({ id: users.id, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  if (!user) throw new Error(`No user ${email} in the test database`);
  return { userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
}

/** The session user the app would put in the context for `email`: claims re-read through the auth package. */
export async function sessionUserFor(db: Database, email: string): Promise<SessionUser> {
  const user = await resolveSessionUser(db, await sessionClaimsFor(db, email));
  if (!user) throw new Error(`The session of ${email} does not resolve (inactive user?)`);
  return user;
}

/** A caller signed in as `email`, acting in `organizationId` (else their first organization). */
export async function callerFor(db: Database, email: string, organizationId?: string | null): Promise<Caller> {
  const user = await sessionUserFor(db, email);
  return createCaller(createContext({ db, user, requestedOrganizationId: organizationId ?? null }));
}

/** A caller for whatever user `claims` resolve to; null claims or a dead session is a visitor. */
export async function callerForClaims(
  db: Database,
  claims: SessionClaims | null,
  organizationId?: string | null,
): Promise<Caller> {
  const user = await resolveSessionUser(db, claims);
  return createCaller(createContext({ db, user, requestedOrganizationId: organizationId ?? null }));
}

/** A visitor without a session. */
export function anonymousCaller(db: Database): Caller {
  return createCaller(createContext({ db, user: null, requestedOrganizationId: null }));
}

/**
 * Signs `email` in the way the login does now: a session row is recorded and
 * its id goes into the claims. (The plain claims above are those of a token
 * signed before sessions were listed, which still work.)
 */
export async function openSessionFor(
  db: Database,
  email: string,
  origin: SessionOrigin = { userAgent: "Firefox 133 on macOS", clientAddress: "203.0.113.10" },
): Promise<SessionClaims> {
  return openSession(db, await sessionClaimsFor(db, email), origin);
}

/** A caller on a freshly recorded session of `email`, with its claims. */
export async function sessionCallerFor(
  db: Database,
  email: string,
  organizationId?: string | null,
  origin?: SessionOrigin,
): Promise<{ caller: Caller; claims: SessionClaims }> {
  const claims = await openSessionFor(db, email, origin);
  return { caller: await callerForClaims(db, claims, organizationId), claims };
}
