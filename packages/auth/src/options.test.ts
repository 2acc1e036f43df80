import { type DatabaseHandle, eq, loginThrottle, users } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { SIGN_IN_THROTTLED_ERROR } from "@meridian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "./client-address";
import { createAuthOptions } from "./options";
import { hashPassword } from "./password";
import { resolveSessionUser, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS, type SessionClaims } from "./session";

const PASSWORD = "correct horse battery";

let handle: DatabaseHandle;
let userId: string;
let options: ReturnType<typeof createAuthOptions>;

type Authorize = (credentials: unknown, request: unknown) => Promise<Record<string, unknown> | null>;
// next-auth's callbacks take more than these tests need; the loose types keep the calls short.
type Jwt = (params: { token: Record<string, unknown>; user?: unknown }) => Promise<Record<string, unknown>>;
type SessionCallback = (params: { session: Record<string, unknown>; token: Record<string, unknown> }) => unknown;
type SignOut = (message: { token: Record<string, unknown> }) => Promise<void>;

beforeAll(async () => {
  handle = await createTestDatabase();
  const [user] = await handle.db
    .insert(users)
    .values({ email: "ada@example.com", name: "Ada", passwordHash: await hashPassword(PASSWORD) })
    .returning({ id: users.id });
  userId = user?.id ?? "";
  options = createAuthOptions({ getDb: async () => handle.db, secret: "test-secret" });
});

afterAll(async () => {
  await handle?.close();
});

const authorize = (credentials: unknown, address = "203.0.113.5") => {
  const provider = options.providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize(credentials, { headers: { "x-forwarded-for": address } });
};
/** A callback of the options, failing the test when it is missing. */
function callback<T>(fn: unknown, name: string): T {
  if (typeof fn !== "function") throw new Error(`createAuthOptions has no ${name}`);
  return fn as T;
}
const jwt = (params: Parameters<Jwt>[0]) => callback<Jwt>(options.callbacks?.jwt, "jwt callback")(params);
const signOut = (token: Record<string, unknown>) =>
  callback<SignOut>(options.events?.signOut, "signOut event")({ token });
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("createAuthOptions", () => {
  it("keeps sessions in signed JWTs that expire after the idle lifetime", () => {
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: SESSION_IDLE_SECONDS });
    expect(SESSION_IDLE_SECONDS).toBe(8 * 60 * 60);
    expect(SESSION_ABSOLUTE_SECONDS).toBe(7 * 24 * 60 * 60);
    expect(options.secret).toBe("test-secret");
    expect(options.pages?.signIn).toBe("/login");
  });

  it("authorizes the right password with the session claims, and a wrong one with null", async () => {
    const user = await authorize({ email: "ADA@example.com", password: PASSWORD });
    expect(user).toEqual({
      id: userId,
      userId,
      sessionVersion: 0,
      authTime: expect.any(Number),
      sessionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(Math.abs((user?.authTime as number) - nowSeconds())).toBeLessThanOrEqual(2);
    expect(await authorize({ email: "ada@example.com", password: "wrong" })).toBeNull();
    expect(await authorize({ email: "nobody@example.com", password: "wrong" })).toBeNull();
  });

  it("reports a throttled sign-in with one clear error, the same for every email", async () => {
    await handle.db
      .insert(users)
      .values({ email: "grace@example.com", name: "Grace", passwordHash: await hashPassword(PASSWORD) });
    for (const email of ["grace@example.com", "nobody-here@example.com"]) {
      for (let i = 0; i < 5; i++) {
        expect(await authorize({ email, password: "wrong" }, "198.51.100.44")).toBeNull();
      }
      await expect(authorize({ email, password: PASSWORD }, "198.51.100.44")).rejects.toThrow(
        new Error(SIGN_IN_THROTTLED_ERROR),
      );
    }
    expect(SIGN_IN_THROTTLED_ERROR).toBe("TooManyAttempts");
  });

  it("counts the connection's address, not the made-up ones a client forwards: 80 of them are one address, locked at 50", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 80; i++) {
      const outcome = await authorize(
        { email: `spray-${i}@example.com`, password: "wrong" },
        `10.20.${i}.1, 198.51.100.61`,
      ).then(
        (user) => (user ? "ok" : "invalid"),
        (error: Error) => error.message,
      );
      answers.push(outcome);
    }
    expect(answers.slice(0, 50)).toEqual(Array(50).fill("invalid"));
    expect(answers.slice(50)).toEqual(Array(30).fill(SIGN_IN_THROTTLED_ERROR));
  });

  it("counts the forwarded address when the connection is a trusted proxy", async () => {
    const behindProxy = createAuthOptions({
      getDb: async () => handle.db,
      secret: "test-secret",
      trustedProxies: parseTrustedProxies("198.51.100.62"),
    });
    const provider = behindProxy.providers[0] as unknown as { options: { authorize: Authorize } };
    for (let i = 0; i < 60; i++) {
      const user = await provider.options.authorize(
        { email: `proxied-${i}@example.com`, password: "wrong" },
        { headers: { "x-forwarded-for": `10.30.${i}.1, 198.51.100.62` } },
      );
      expect(user).toBeNull();
    }
    const rows = await handle.db.select().from(loginThrottle).where(eq(loginThrottle.key, "address:10.30.7.1"));
    expect(rows).toMatchObject([{ failures: 1 }]);
  });

  it("redirects only to the app's own origin after sign-in and sign-out", async () => {
    type Redirect = (params: { url: string; baseUrl: string }) => string | Promise<string>;
    const redirect = callback<Redirect>(options.callbacks?.redirect, "redirect callback");
    const baseUrl = "http://127.0.0.1:3000";
    expect(await redirect({ url: "/okrs?cycle=1", baseUrl })).toBe(`${baseUrl}/okrs?cycle=1`);
    expect(await redirect({ url: `${baseUrl}/kpis`, baseUrl })).toBe(`${baseUrl}/kpis`);
    for (const url of [
      "/\\evil.example/x",
      "/\t/evil.example",
      "//evil.example",
      "https://evil.example",
      "javascript:alert(1)",
    ]) {
      expect(await redirect({ url, baseUrl })).toBe(`${baseUrl}/`);
    }
  });

  it("copies the claims into the token at sign-in and keeps them while the absolute lifetime lasts", async () => {
    const claims: SessionClaims = { userId, sessionVersion: 3, authTime: nowSeconds() - 60 };
    const signedIn = await jwt({ token: { sub: userId }, user: { id: userId, ...claims } });
    expect(signedIn).toMatchObject({ sub: userId, ...claims });
    expect(await jwt({ token: signedIn })).toEqual(signedIn);
  });

  it("empties the token past the absolute lifetime, however active the session, which signs the user out", async () => {
    const old = { userId, sessionVersion: 0, authTime: nowSeconds() - SESSION_ABSOLUTE_SECONDS - 1 };
    expect(await jwt({ token: { ...old } })).toEqual({});
    const almost = { ...old, authTime: nowSeconds() - SESSION_ABSOLUTE_SECONDS + 60 };
    expect(await jwt({ token: { ...almost } })).toMatchObject(almost);
    expect(await jwt({ token: { sub: userId } })).toEqual({});
  });

  it("exposes the claims to the server through the session", async () => {
    const token = { userId, sessionVersion: 1, authTime: 1_800_000_000, sub: userId };
    const session = await callback<SessionCallback>(
      options.callbacks?.session,
      "session callback",
    )({
      session: { expires: "later" },
      token,
    });
    expect(session).toEqual({ expires: "later", claims: { userId, sessionVersion: 1, authTime: 1_800_000_000 } });
  });

  it("ends every session of the user on sign-out, on every device", async () => {
    const [before] = await handle.db.select().from(users).where(eq(users.id, userId));
    const claims: SessionClaims = { userId, sessionVersion: before?.sessionVersion ?? 0, authTime: nowSeconds() };
    expect(await resolveSessionUser(handle.db, claims)).not.toBeNull();
    await signOut({ ...claims });
    expect(await resolveSessionUser(handle.db, claims)).toBeNull();
    const [after] = await handle.db.select().from(users).where(eq(users.id, userId));
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    // A token without claims signs out nobody.
    await signOut({});
    const [unchanged] = await handle.db.select().from(users).where(eq(users.id, userId));
    expect(unchanged?.sessionVersion).toBe(after?.sessionVersion);
  });
});
