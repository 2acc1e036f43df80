import "server-only";
import { getDatabase } from "@meridian/api/server";
import {
  authSecret,
  createAuthOptions,
  parseTrustedProxies,
  readClaims,
  resolveSessionUser,
  type SessionUser,
} from "@meridian/auth";
import { redirect } from "next/navigation";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import { cache } from "react";

let options: NextAuthOptions | undefined;
/** Built on first use, not at import, so `next build` needs no secret. */
export function authOptions(): NextAuthOptions {
  options ??= createAuthOptions({
    getDb: getDatabase,
    secret: authSecret(),
    // Whose X-Forwarded-For entries count for the sign-in limits (docs/security.md).
    trustedProxies: parseTrustedProxies(process.env.TRUSTED_PROXIES),
  });
  return options;
}

/** The signed-in user for this request, re-read from the database; null for a visitor. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const claims = readClaims((session as { claims?: Record<string, unknown> } | null)?.claims);
  return resolveSessionUser(await getDatabase(), claims);
});

/** For every app page: a visitor goes to the login page. */
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}
