import type { Database } from "@meridian/db";
import { SIGN_IN_THROTTLED_ERROR } from "@meridian/domain";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { safeCallbackPath } from "./callback-url";
import { clientAddress, NO_TRUSTED_PROXIES, type TrustedProxies } from "./client-address";
import { checkCredentials } from "./credentials";
import { endEverySession, openSession, readClaims, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "./session";
import { describeUserAgent } from "./user-agent";

export interface AuthDependencies {
  /** The ready (migrated) database; injected by the app that composes the packages. */
  getDb: () => Promise<Database>;
  secret: string;
  /** Proxies whose X-Forwarded-For entries count (`TRUSTED_PROXIES`); by default none, so the connection's address counts. */
  trustedProxies?: TrustedProxies;
}

/**
 * next-auth configuration, in one place for every app. Sessions are signed
 * JWTs holding only the user id, the session generation, the sign-in time and
 * the session's row (ADR 0023); who the user is and what they may do is read
 * from the database per request.
 */
export function createAuthOptions({
  getDb,
  secret,
  trustedProxies = NO_TRUSTED_PROXIES,
}: AuthDependencies): NextAuthOptions {
  return {
    secret,
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 5 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          const db = await getDb();
          const address = clientAddress(request?.headers, trustedProxies);
          const result = await checkCredentials(db, credentials, { address });
          // next-auth reports a thrown error's message to the client as `error`.
          if (!result.ok && result.reason === "throttled") throw new Error(SIGN_IN_THROTTLED_ERROR);
          if (!result.ok) return null;
          const claims = await openSession(db, result.claims, {
            userAgent: describeUserAgent(headerValue(request?.headers, "user-agent")),
            clientAddress: address,
          });
          return { id: claims.userId, ...claims };
        },
      }),
    ],
    callbacks: {
      // Only the app's own paths: a callbackUrl of another origin (or one a browser would read as one) goes home.
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, baseUrl), baseUrl).href;
      },
      jwt({ token, user }) {
        if (user) {
          const claims = readClaims(user as unknown as Record<string, unknown>);
          if (claims) Object.assign(token, claims);
        }
        const claims = readClaims(token);
        // Past the absolute lifetime the token is emptied, which signs the user out.
        if (!claims || Date.now() / 1000 - claims.authTime > SESSION_ABSOLUTE_SECONDS) return {};
        return token;
      },
      // The server re-checks these claims against the database on every request.
      session({ session, token }) {
        return { ...session, claims: readClaims(token) };
      },
    },
    events: {
      // Logging out ends this session's row and every other session of this user, on every device.
      async signOut({ token }) {
        const claims = readClaims(token);
        if (!claims) return;
        await endEverySession(await getDb(), claims.userId);
      },
    },
  };
}

/** One header from next-auth's request, whose headers are a plain object (or, in tests, a Headers). */
function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== "object") return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, unknown>)[name];
  if (Array.isArray(value)) return typeof value[0] === "string" ? value[0] : null;
  return typeof value === "string" ? value : null;
}
