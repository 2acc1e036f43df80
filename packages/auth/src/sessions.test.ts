import { type DatabaseHandle, eq, sql, userSessions, users } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthOptions } from "./options";
import { hashPassword } from "./password";
import { openSession, readClaims, resolveSessionUser, SESSION_TOUCH_SECONDS, type SessionClaims } from "./session";
import { describeUserAgent } from "./user-agent";

const PASSWORD = "correct horse battery";
const FIREFOX_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

let people = 0;
async function person() {
  const [user] = await handle.db
    .insert(users)
    .values({ email: `person-${++people}@example.com`, name: "Ada", passwordHash: "not-a-hash" })
    .returning({ id: users.id, sessionVersion: users.sessionVersion });
  if (!user) throw new Error("no user");
  return user;
}

const nowSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

async function signedIn(now = new Date()) {
  const user = await person();
  const claims = await openSession(
    handle.db,
    { userId: user.id, sessionVersion: user.sessionVersion, authTime: nowSeconds(now) },
    { userAgent: "Firefox 133 on macOS", clientAddress: "203.0.113.9", now },
  );
  return { userId: user.id, claims };
}

async function sessionRow(id: string) {
  const [row] = await handle.db.select().from(userSessions).where(eq(userSessions.id, id));
  return row;
}

describe("sign-in records a session", () => {
  it("with the browser and system, the address, and its id in the token's claims", async () => {
    const [user] = await handle.db
      .insert(users)
      .values({ email: "grace@example.com", name: "Grace", passwordHash: await hashPassword(PASSWORD) })
      .returning({ id: users.id });
    const options = createAuthOptions({ getDb: async () => handle.db, secret: "test-secret" });
    const provider = options.providers[0] as unknown as {
      options: { authorize: (c: unknown, r: unknown) => Promise<Record<string, unknown> | null> };
    };
    const claims = readClaims(
      await provider.options.authorize(
        { email: "grace@example.com", password: PASSWORD },
        { headers: { "x-forwarded-for": "198.51.100.7", "user-agent": FIREFOX_MAC } },
      ),
    );
    expect(claims?.sessionId).toBeDefined();
    expect(await sessionRow(claims?.sessionId ?? "")).toMatchObject({
      userId: user?.id,
      sessionVersion: 0,
      userAgent: "Firefox 133 on macOS",
      clientAddress: "198.51.100.7",
      revokedAt: null,
    });
    expect(await resolveSessionUser(handle.db, claims)).toMatchObject({ id: user?.id, sessionId: claims?.sessionId });
  });
});

describe("resolveSessionUser with a session id", () => {
  it("resolves a live session, naming it", async () => {
    const { userId, claims } = await signedIn();
    expect(await resolveSessionUser(handle.db, claims)).toMatchObject({ id: userId, sessionId: claims.sessionId });
  });

  it("refuses a signed-out session, while the person's other session goes on", async () => {
    const { userId, claims } = await signedIn();
    const other = await openSession(handle.db, { ...claims }, { userAgent: "Safari", clientAddress: null });
    await handle.db
      .update(userSessions)
      .set({ revokedAt: new Date() })
      .where(eq(userSessions.id, claims.sessionId ?? ""));
    expect(await resolveSessionUser(handle.db, claims)).toBeNull();
    expect(await resolveSessionUser(handle.db, other)).toMatchObject({ id: userId });
  });

  it("refuses a session whose row is gone", async () => {
    const { claims } = await signedIn();
    await handle.db.delete(userSessions).where(eq(userSessions.id, claims.sessionId ?? ""));
    expect(await resolveSessionUser(handle.db, claims)).toBeNull();
  });

  it("refuses another person's session id under one's own user id", async () => {
    const mine = await signedIn();
    const theirs = await signedIn();
    expect(await resolveSessionUser(handle.db, { ...mine.claims, sessionId: theirs.claims.sessionId })).toBeNull();
  });

  it("refuses it after the person's session generation moves on (logout elsewhere, password change)", async () => {
    const { userId, claims } = await signedIn();
    await handle.db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    expect(await resolveSessionUser(handle.db, claims)).toBeNull();
  });

  it("refuses a deactivated person's session", async () => {
    const { userId, claims } = await signedIn();
    await handle.db.update(users).set({ isActive: false }).where(eq(users.id, userId));
    expect(await resolveSessionUser(handle.db, claims)).toBeNull();
  });

  it("moves last seen forward at most every few minutes", async () => {
    const start = new Date("2026-12-01T09:00:00Z");
    const { claims } = await signedIn(start);
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const lastSeen = async () => (await sessionRow(claims.sessionId ?? ""))?.lastSeenAt.toISOString();

    expect(await resolveSessionUser(handle.db, claims, at(60))).not.toBeNull();
    expect(await lastSeen()).toBe(start.toISOString());
    expect(await resolveSessionUser(handle.db, claims, at(SESSION_TOUCH_SECONDS - 1))).not.toBeNull();
    expect(await lastSeen()).toBe(start.toISOString());
    expect(await resolveSessionUser(handle.db, claims, at(SESSION_TOUCH_SECONDS))).not.toBeNull();
    expect(await lastSeen()).toBe(at(SESSION_TOUCH_SECONDS).toISOString());
    // Several requests together after the interval: the first one writes, the rest find nothing due.
    const later = SESSION_TOUCH_SECONDS * 2 + 10;
    await Promise.all([1, 2, 3].map(() => resolveSessionUser(handle.db, claims, at(later))));
    expect(await lastSeen()).toBe(at(later).toISOString());
    expect(await resolveSessionUser(handle.db, claims, at(later + 30))).not.toBeNull();
    expect(await lastSeen()).toBe(at(later).toISOString());
  });
});

describe("tokens signed before sessions were listed (no session id)", () => {
  it("still resolve by session version alone, until the generation moves on", async () => {
    const user = await person();
    const legacy: SessionClaims = { userId: user.id, sessionVersion: 0, authTime: nowSeconds(new Date()) - 60 };
    expect(await resolveSessionUser(handle.db, legacy)).toMatchObject({ id: user.id, sessionId: null });
    await handle.db.update(users).set({ sessionVersion: 1 }).where(eq(users.id, user.id));
    expect(await resolveSessionUser(handle.db, legacy)).toBeNull();
  });
});

describe("sign-in housekeeping", () => {
  it("deletes the person's sessions dead for longer than the absolute lifetime, and no one else's", async () => {
    const long = new Date("2026-11-01T09:00:00Z");
    const { userId, claims: old } = await signedIn(long);
    const someoneElse = await signedIn(long);
    const fresh = await openSession(
      handle.db,
      { ...old, authTime: nowSeconds(new Date()) },
      {
        userAgent: "Firefox",
        clientAddress: null,
      },
    );
    expect(await sessionRow(old.sessionId ?? "")).toBeUndefined();
    expect(await sessionRow(fresh.sessionId ?? "")).toMatchObject({ userId });
    expect(await sessionRow(someoneElse.claims.sessionId ?? "")).toBeDefined();
  });
});

describe("readClaims", () => {
  it("keeps a session id and refuses a token whose session id is not one", () => {
    const base = { userId: "u", sessionVersion: 0, authTime: 1 };
    const id = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";
    expect(readClaims({ ...base, sessionId: id })).toEqual({ ...base, sessionId: id.toLowerCase() });
    expect(readClaims(base)).toEqual(base);
    expect(readClaims({ ...base, sessionId: "'; drop table users" })).toBeNull();
    expect(readClaims({ ...base, sessionId: 42 })).toBeNull();
  });
});

describe("describeUserAgent", () => {
  it("summarises browser and system", () => {
    expect(describeUserAgent(FIREFOX_MAC)).toBe("Firefox 133 on macOS");
    expect(describeUserAgent(CHROME_WINDOWS)).toBe("Chrome 131 on Windows 10");
    expect(describeUserAgent(SAFARI_IPHONE)).toBe("Safari 17 on iOS");
  });

  it("says so when there is nothing to read, and keeps odd headers short and printable", () => {
    expect(describeUserAgent(undefined)).toBe("Unknown browser");
    expect(describeUserAgent("")).toBe("Unknown browser");
    const odd = describeUserAgent(`x\u0001${"y".repeat(500)}`);
    expect(odd.length).toBeLessThanOrEqual(120);
    expect(odd).not.toMatch(/\p{Cc}/u);
  });
});
