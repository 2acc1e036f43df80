import type { DatabaseHandle } from "@meridian/db";
import { eq, memberships, organizations, sql, users } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "./credentials";
import { hashPassword, verifyPassword } from "./password";
import { authSecret, MissingSecretError } from "./secret";
import { resolveSessionUser, SESSION_ABSOLUTE_SECONDS } from "./session";

let handle: DatabaseHandle;
let userId: string;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  handle = await createTestDatabase();
  const [user] = await handle.db
    .insert(users)
    .values({ email: "ada@example.com", name: "Ada", passwordHash: await hashPassword(PASSWORD) })
    .returning({ id: users.id });
  userId = user?.id ?? "";
});
afterAll(async () => {
  await handle?.close();
});

describe("password hashing", () => {
  it("uses argon2id with 19 MiB and 2 iterations", async () => {
    const hash = await hashPassword("s3cret-passphrase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "s3cret-passphrase")).toBe(true);
    expect(await verifyPassword(hash, "S3cret-passphrase")).toBe(false);
  });

  it("salts each hash and treats a malformed stored hash as a failed check", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});

describe("checkCredentials", () => {
  it("signs in with the right password, matching the email case-insensitively", async () => {
    const result = await checkCredentials(handle.db, { email: "  ADA@example.com ", password: PASSWORD });
    expect(result).toEqual({ ok: true, claims: { userId, sessionVersion: 0, authTime: expect.any(Number) } });
  });

  it("stamps the sign-in time from `now`, in whole seconds", async () => {
    const now = new Date("2026-11-22T12:00:00.750Z");
    const result = await checkCredentials(
      handle.db,
      { email: "ada@example.com", password: PASSWORD },
      { address: null, now },
    );
    expect(result).toEqual({ ok: true, claims: { userId, sessionVersion: 0, authTime: 1795348800 } });
  });

  it("gives the same answer for a wrong password, an unknown email and malformed input", async () => {
    const invalid = { ok: false, reason: "invalid" };
    expect(await checkCredentials(handle.db, { email: "ada@example.com", password: "wrong" })).toEqual(invalid);
    expect(await checkCredentials(handle.db, { email: "nobody@example.com", password: PASSWORD })).toEqual(invalid);
    expect(await checkCredentials(handle.db, { email: "not-an-email", password: PASSWORD })).toEqual(invalid);
    expect(await checkCredentials(handle.db, { email: "ada@example.com", password: "" })).toEqual(invalid);
    expect(await checkCredentials(handle.db, null)).toEqual(invalid);
    // A successful sign-in clears the wrong password from the account's count.
    expect((await checkCredentials(handle.db, { email: "ada@example.com", password: PASSWORD })).ok).toBe(true);
  });

  it("refuses a deactivated user like a wrong password", async () => {
    await handle.db.update(users).set({ isActive: false }).where(eq(users.id, userId));
    try {
      expect(await checkCredentials(handle.db, { email: "ada@example.com", password: PASSWORD })).toEqual({
        ok: false,
        reason: "invalid",
      });
    } finally {
      await handle.db.update(users).set({ isActive: true }).where(eq(users.id, userId));
    }
  });

  it("refuses someone deactivated in every organization, but not someone still active in one", async () => {
    const [first, second] = await handle.db
      .insert(organizations)
      .values([
        { name: "First", slug: "first-auth" },
        { name: "Second", slug: "second-auth" },
      ])
      .returning({ id: organizations.id });
    if (!first || !second) throw new Error("organizations were not created");
    const [person] = await handle.db
      .insert(users)
      .values({ email: "grace@example.com", name: "Grace", passwordHash: await hashPassword(PASSWORD) })
      .returning({ id: users.id });
    if (!person) throw new Error("user was not created");
    const signIn = () => checkCredentials(handle.db, { email: "grace@example.com", password: PASSWORD });

    // In no organization yet (just invited somewhere, say): may sign in.
    expect((await signIn()).ok).toBe(true);
    await handle.db.insert(memberships).values([
      { organizationId: first.id, userId: person.id, role: "member", deactivatedAt: new Date() },
      { organizationId: second.id, userId: person.id, role: "viewer" },
    ]);
    expect((await signIn()).ok).toBe(true);
    await handle.db.update(memberships).set({ deactivatedAt: new Date() }).where(eq(memberships.userId, person.id));
    expect(await signIn()).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("resolveSessionUser", () => {
  const now = new Date("2026-11-22T12:00:00Z");
  const fresh = () => ({ userId, sessionVersion: 0, authTime: now.getTime() / 1000 - 60 });

  it("returns the user for a current session", async () => {
    expect(await resolveSessionUser(handle.db, fresh(), now)).toMatchObject({ id: userId, email: "ada@example.com" });
  });

  it("ends a session past its absolute lifetime", async () => {
    const old = { ...fresh(), authTime: now.getTime() / 1000 - SESSION_ABSOLUTE_SECONDS - 1 };
    expect(await resolveSessionUser(handle.db, old, now)).toBeNull();
  });

  it("ends sessions signed before a session-version bump, and those of a deactivated user", async () => {
    await handle.db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    expect(await resolveSessionUser(handle.db, fresh(), now)).toBeNull();
    expect(await resolveSessionUser(handle.db, { ...fresh(), sessionVersion: 1 }, now)).not.toBeNull();
    await handle.db.update(users).set({ isActive: false }).where(eq(users.id, userId));
    expect(await resolveSessionUser(handle.db, { ...fresh(), sessionVersion: 1 }, now)).toBeNull();
  });

  it("returns null for no claims or an unknown user", async () => {
    expect(await resolveSessionUser(handle.db, null, now)).toBeNull();
    expect(await resolveSessionUser(handle.db, { ...fresh(), userId: crypto.randomUUID() }, now)).toBeNull();
  });
});

describe("authSecret", () => {
  it("is required, with a message that says how to set it", () => {
    expect(() => authSecret({ NODE_ENV: "production" })).toThrow(MissingSecretError);
    expect(() => authSecret({ NEXTAUTH_SECRET: "   " })).toThrow(/NEXTAUTH_SECRET is not set/);
    expect(authSecret({ NODE_ENV: "production", NEXTAUTH_SECRET: "from-env" })).toBe("from-env");
  });
});
