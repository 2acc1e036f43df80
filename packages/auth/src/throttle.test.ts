import { type DatabaseHandle, eq, loginThrottle, users } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "./credentials";
import { hashPassword } from "./password";
import { ACCOUNT_RULE, ADDRESS_RULE, accountKey, addressKey, clearFailures, isLocked, recordFailure } from "./throttle";

const PASSWORD = "correct horse battery";
const MINUTE = 60_000;
const T0 = new Date("2026-11-22T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

let handle: DatabaseHandle;
let passwordHash: string;
let sequence = 0;

beforeAll(async () => {
  handle = await createTestDatabase();
  passwordHash = await hashPassword(PASSWORD);
});

afterAll(async () => {
  await handle?.close();
});

/** A fresh account (and a fresh address to sign in from), so that no test shares a counter. */
async function account() {
  const n = ++sequence;
  const email = `person${n}@example.com`;
  await handle.db.insert(users).values({ email, name: `Person ${n}`, passwordHash });
  return { email, address: `203.0.113.${n}` };
}

function attempt(email: string, password: string, address: string | null, now: Date) {
  return checkCredentials(handle.db, { email, password }, { address, now });
}

async function throttleRow(key: string) {
  const [row] = await handle.db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return row ?? null;
}

describe("the rules", () => {
  it("are 5 failures per account and 50 per address, each within 15 minutes, locking for 15 minutes", () => {
    expect(ACCOUNT_RULE).toEqual({ maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
    expect(ADDRESS_RULE).toEqual({ maxFailures: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
    expect(accountKey("  Ada@Example.COM ")).toBe("account:ada@example.com");
    expect(addressKey("198.51.100.7")).toBe("address:198.51.100.7");
  });
});

describe("per account", () => {
  it("locks an account after 5 failures: the 6th attempt is refused even with the right password", async () => {
    const { email } = await account();
    const results = [];
    for (let i = 0; i < ACCOUNT_RULE.maxFailures; i++) {
      const result = await attempt(email, "wrong", null, at(i));
      results.push(result.ok ? "ok" : result.reason);
    }
    expect(results).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid"]);
    expect(await attempt(email, PASSWORD, null, at(5))).toEqual({ ok: false, reason: "throttled" });
    // From any address: the lock is on the account.
    expect(await attempt(email, PASSWORD, "198.51.100.1", at(6))).toEqual({ ok: false, reason: "throttled" });
    expect(await attempt(email.toUpperCase(), PASSWORD, null, at(6))).toEqual({ ok: false, reason: "throttled" });
    const row = await throttleRow(accountKey(email));
    expect(row?.lockedUntil).toEqual(at(4 + 15));
  });

  it("answers an email without an account exactly the same way, so nobody learns which emails exist", async () => {
    const { email: real } = await account();
    const ghost = `ghost${sequence}@example.com`;
    const sequenceFor = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await attempt(email, i < 5 ? "wrong" : PASSWORD, null, at(i));
        out.push(r.ok ? "ok" : r.reason);
      }
      return out;
    };
    const forReal = await sequenceFor(real);
    const forGhost = await sequenceFor(ghost);
    expect(forReal).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "throttled", "throttled"]);
    expect(forGhost).toEqual(forReal);
    const [realRow, ghostRow] = [await throttleRow(accountKey(real)), await throttleRow(accountKey(ghost))];
    expect(ghostRow).toMatchObject({ failures: realRow?.failures, lockedUntil: realRow?.lockedUntil });
  });

  it("counts failures within the window only: an old failure no longer counts once the window has passed", async () => {
    const { email } = await account();
    for (let i = 0; i < 4; i++) await attempt(email, "wrong", null, at(i));
    // 16 minutes after the first failure the window has expired: this failure starts a new one.
    expect(await attempt(email, "wrong", null, at(16))).toEqual({ ok: false, reason: "invalid" });
    expect(await throttleRow(accountKey(email))).toMatchObject({
      failures: 1,
      windowStartedAt: at(16),
      lockedUntil: null,
    });
    expect((await attempt(email, PASSWORD, null, at(17))).ok).toBe(true);
  });

  it("lifts the lock when it has run its 15 minutes, and not before", async () => {
    const { email } = await account();
    for (let i = 0; i < 5; i++) await attempt(email, "wrong", null, at(0));
    expect((await attempt(email, PASSWORD, null, at(14))).ok).toBe(false);
    expect((await attempt(email, PASSWORD, null, at(15))).ok).toBe(true);
  });

  it("does not count attempts made while locked, so they do not extend the lock", async () => {
    const { email } = await account();
    for (let i = 0; i < 5; i++) await attempt(email, "wrong", null, at(0));
    const lockedUntil = (await throttleRow(accountKey(email)))?.lockedUntil;
    for (let i = 1; i < 10; i++) await attempt(email, "wrong", null, at(i));
    expect((await throttleRow(accountKey(email)))?.lockedUntil).toEqual(lockedUntil);
    expect((await attempt(email, PASSWORD, null, at(15))).ok).toBe(true);
  });

  it("clears the account's count on a successful sign-in", async () => {
    const { email } = await account();
    for (let i = 0; i < 4; i++) await attempt(email, "wrong", null, at(i));
    expect((await attempt(email, PASSWORD, null, at(4))).ok).toBe(true);
    expect(await throttleRow(accountKey(email))).toBeNull();
    // Four more would make nine in the window had the success not cleared them.
    for (let i = 5; i < 9; i++) await attempt(email, "wrong", null, at(i));
    expect((await attempt(email, PASSWORD, null, at(9))).ok).toBe(true);
  });

  it("does not count malformed input", async () => {
    const { email } = await account();
    for (let i = 0; i < 10; i++) {
      expect(await checkCredentials(handle.db, { email, password: "" }, { address: null, now: at(0) })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect(await throttleRow(accountKey(email))).toBeNull();
  });
});

describe("per address", () => {
  it(`locks an address after ${ADDRESS_RULE.maxFailures} failures across different emails, whatever the account`, async () => {
    const address = "192.0.2.77";
    const { email: victim } = await account();
    // Spread over many emails, so that no account reaches its own limit; all but the last at once.
    const emails = Array.from({ length: ADDRESS_RULE.maxFailures }, (_, i) => `spray${i}@example.com`);
    const results = await Promise.all(emails.slice(1).map((email) => attempt(email, "guess", address, at(0))));
    expect(results.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(await throttleRow(addressKey(address))).toMatchObject({ failures: ADDRESS_RULE.maxFailures - 1 });
    expect(await attempt(emails[0] ?? "", "guess", address, at(0))).toEqual({ ok: false, reason: "invalid" });

    expect(await attempt(victim, PASSWORD, address, at(1))).toEqual({ ok: false, reason: "throttled" });
    // The same account from another address is fine: only the address is locked.
    expect((await attempt(victim, PASSWORD, "192.0.2.78", at(1))).ok).toBe(true);
    // No single account was locked along the way.
    expect(await isLocked(handle.db, emails.map(accountKey), at(1))).toBe(false);
    expect((await attempt(victim, PASSWORD, address, at(16))).ok).toBe(true);
  });

  it("is not cleared by a success, which clears only the account", async () => {
    const address = "192.0.2.90";
    const { email } = await account();
    await attempt(email, "wrong", address, at(0));
    await attempt(email, PASSWORD, address, at(1));
    expect(await throttleRow(accountKey(email))).toBeNull();
    expect(await throttleRow(addressKey(address))).toMatchObject({ failures: 1 });
  });

  it("applies no address limit when the address is unknown", async () => {
    const { email } = await account();
    await attempt(email, "wrong", null, at(0));
    const rows = await handle.db.select().from(loginThrottle);
    expect(rows.filter((r) => r.key === "address:" || r.key === "address:null")).toEqual([]);
  });
});

describe("recordFailure", () => {
  it("counts every one of several simultaneous failures", async () => {
    const key = "account:concurrent@example.com";
    await Promise.all(Array.from({ length: 4 }, () => recordFailure(handle.db, key, ACCOUNT_RULE, at(0))));
    expect(await throttleRow(key)).toMatchObject({ failures: 4, lockedUntil: null });
    expect(await isLocked(handle.db, [key], at(0))).toBe(false);
    await recordFailure(handle.db, key, ACCOUNT_RULE, at(0));
    expect(await isLocked(handle.db, [key], at(0))).toBe(true);
    expect(await isLocked(handle.db, [key], at(15))).toBe(false);
  });

  it("locks when simultaneous failures cross the limit together", async () => {
    const key = "account:stampede@example.com";
    await Promise.all(Array.from({ length: 5 }, () => recordFailure(handle.db, key, ACCOUNT_RULE, at(0))));
    expect(await isLocked(handle.db, [key], at(1))).toBe(true);
  });

  it("isLocked is true while any of the keys is locked; clearFailures removes a key's row", async () => {
    const locked = "address:198.51.100.200";
    for (let i = 0; i < ADDRESS_RULE.maxFailures; i++) await recordFailure(handle.db, locked, ADDRESS_RULE, at(0));
    expect(await isLocked(handle.db, ["account:free@example.com", locked], at(1))).toBe(true);
    expect(await isLocked(handle.db, ["account:free@example.com"], at(1))).toBe(false);
    await clearFailures(handle.db, locked);
    expect(await throttleRow(locked)).toBeNull();
    expect(await isLocked(handle.db, [locked], at(1))).toBe(false);
  });
});
