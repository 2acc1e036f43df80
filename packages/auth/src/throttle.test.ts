import { type DatabaseHandle, eq, loginThrottle, users } from "@meridian/db";
import { createTestDatabase } from "@meridian/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "./credentials";
import { hashPassword } from "./password";
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  accountKey,
  addressKey,
  clearFailures,
  isLocked,
  PAIR_RULE,
  pairKey,
  recordFailure,
} from "./throttle";

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
  it("are 5 failures per account and address, 100 per account, 50 per address, locking until the window has passed", () => {
    expect(PAIR_RULE).toEqual({ maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
    expect(ACCOUNT_RULE).toEqual({ maxFailures: 100, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE });
    expect(ADDRESS_RULE).toEqual({ maxFailures: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
    expect(accountKey("  Ada@Example.COM ")).toBe("account:ada@example.com");
    expect(addressKey("198.51.100.7")).toBe("address:198.51.100.7");
    expect(pairKey("  Ada@Example.COM ", "198.51.100.7")).toBe("pair:ada@example.com|198.51.100.7");
    expect(pairKey("ada@example.com", null)).toBe("pair:ada@example.com|unknown");
  });
});

describe("per account and address", () => {
  it("locks an account from one address after 5 failures: the 6th attempt there is refused even with the right password", async () => {
    const { email, address } = await account();
    const results = [];
    for (let i = 0; i < PAIR_RULE.maxFailures; i++) {
      const result = await attempt(email, "wrong", address, at(i));
      results.push(result.ok ? "ok" : result.reason);
    }
    expect(results).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid"]);
    expect(await attempt(email, PASSWORD, address, at(5))).toEqual({ ok: false, reason: "throttled" });
    expect(await attempt(email.toUpperCase(), PASSWORD, address, at(6))).toEqual({ ok: false, reason: "throttled" });
    const row = await throttleRow(pairKey(email, address));
    expect(row?.lockedUntil).toEqual(at(4 + 15));
  });

  it("lets the real owner in from their own address while someone else's five guesses lock only theirs", async () => {
    const { email } = await account();
    for (let i = 0; i < 5; i++) await attempt(email, "wrong", "198.51.100.66", at(i));
    expect(await attempt(email, PASSWORD, "198.51.100.66", at(5))).toEqual({ ok: false, reason: "throttled" });
    expect((await attempt(email, PASSWORD, "203.0.113.250", at(5))).ok).toBe(true);
  });

  it("answers an email without an account exactly the same way, so nobody learns which emails exist", async () => {
    const { email: real, address } = await account();
    const ghost = `ghost${sequence}@example.com`;
    const sequenceFor = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await attempt(email, i < 5 ? "wrong" : PASSWORD, address, at(i));
        out.push(r.ok ? "ok" : r.reason);
      }
      return out;
    };
    const forReal = await sequenceFor(real);
    const forGhost = await sequenceFor(ghost);
    expect(forReal).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "throttled", "throttled"]);
    expect(forGhost).toEqual(forReal);
    const [realRow, ghostRow] = [await throttleRow(pairKey(real, address)), await throttleRow(pairKey(ghost, address))];
    expect(ghostRow).toMatchObject({ failures: realRow?.failures, lockedUntil: realRow?.lockedUntil });
  });

  it("counts failures within the window only: an old failure no longer counts once the window has passed", async () => {
    const { email, address } = await account();
    for (let i = 0; i < 4; i++) await attempt(email, "wrong", address, at(i));
    // 16 minutes after the first failure the window has expired: this failure starts a new one.
    expect(await attempt(email, "wrong", address, at(16))).toEqual({ ok: false, reason: "invalid" });
    expect(await throttleRow(pairKey(email, address))).toMatchObject({
      failures: 1,
      windowStartedAt: at(16),
      lockedUntil: null,
    });
    expect((await attempt(email, PASSWORD, address, at(17))).ok).toBe(true);
  });

  it("lifts the lock when it has run its 15 minutes, and not before", async () => {
    const { email, address } = await account();
    for (let i = 0; i < 5; i++) await attempt(email, "wrong", address, at(0));
    expect((await attempt(email, PASSWORD, address, at(14))).ok).toBe(false);
    expect((await attempt(email, PASSWORD, address, at(15))).ok).toBe(true);
  });

  it("does not count attempts made while locked, so they do not extend the lock", async () => {
    const { email, address } = await account();
    for (let i = 0; i < 5; i++) await attempt(email, "wrong", address, at(0));
    const lockedUntil = (await throttleRow(pairKey(email, address)))?.lockedUntil;
    for (let i = 1; i < 10; i++) await attempt(email, "wrong", address, at(i));
    expect((await throttleRow(pairKey(email, address)))?.lockedUntil).toEqual(lockedUntil);
    expect((await throttleRow(accountKey(email)))?.failures).toBe(5);
    expect((await attempt(email, PASSWORD, address, at(15))).ok).toBe(true);
  });

  it("clears the pair's count on a successful sign-in", async () => {
    const { email, address } = await account();
    for (let i = 0; i < 4; i++) await attempt(email, "wrong", address, at(i));
    expect((await attempt(email, PASSWORD, address, at(4))).ok).toBe(true);
    expect(await throttleRow(pairKey(email, address))).toBeNull();
    // Four more would make nine in the window had the success not cleared them.
    for (let i = 5; i < 9; i++) await attempt(email, "wrong", address, at(i));
    expect((await attempt(email, PASSWORD, address, at(9))).ok).toBe(true);
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
    expect(await throttleRow(pairKey(email, null))).toBeNull();
  });
});

describe("per account, from every address", () => {
  it(`locks the account for everyone after ${ACCOUNT_RULE.maxFailures} failures spread over as many addresses`, async () => {
    const { email } = await account();
    const addresses = Array.from({ length: ACCOUNT_RULE.maxFailures }, (_, i) => `10.9.${i >> 8}.${i & 255}`);
    const results = await Promise.all(addresses.map((address) => attempt(email, "guess", address, at(0))));
    expect(results.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    // No address and no pair reached its own limit…
    expect(await isLocked(handle.db, addresses.map(addressKey), at(1))).toBe(false);
    expect(
      await isLocked(
        handle.db,
        addresses.map((a) => pairKey(email, a)),
        at(1),
      ),
    ).toBe(false);
    // …but the account is locked, from any address, the owner's too, for an hour.
    expect(await attempt(email, PASSWORD, "203.0.113.251", at(1))).toEqual({ ok: false, reason: "throttled" });
    expect(await attempt(email, PASSWORD, "203.0.113.251", at(59))).toEqual({ ok: false, reason: "throttled" });
    expect((await attempt(email, PASSWORD, "203.0.113.251", at(60))).ok).toBe(true);
  });

  it("is not cleared by the owner's success, so a slow distributed attack keeps counting", async () => {
    const { email, address } = await account();
    await attempt(email, "wrong", "198.51.100.31", at(0));
    expect((await attempt(email, PASSWORD, address, at(1))).ok).toBe(true);
    expect(await throttleRow(accountKey(email))).toMatchObject({ failures: 1 });
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

  it("is not cleared by a success, which clears only the account's count from that address", async () => {
    const address = "192.0.2.90";
    const { email } = await account();
    await attempt(email, "wrong", address, at(0));
    await attempt(email, PASSWORD, address, at(1));
    expect(await throttleRow(pairKey(email, address))).toBeNull();
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
    const key = "pair:concurrent@example.com|unknown";
    await Promise.all(Array.from({ length: 4 }, () => recordFailure(handle.db, key, PAIR_RULE, at(0))));
    expect(await throttleRow(key)).toMatchObject({ failures: 4, lockedUntil: null });
    expect(await isLocked(handle.db, [key], at(0))).toBe(false);
    await recordFailure(handle.db, key, PAIR_RULE, at(0));
    expect(await isLocked(handle.db, [key], at(0))).toBe(true);
    expect(await isLocked(handle.db, [key], at(15))).toBe(false);
  });

  it("locks when simultaneous failures cross the limit together", async () => {
    const key = "pair:stampede@example.com|unknown";
    await Promise.all(Array.from({ length: 5 }, () => recordFailure(handle.db, key, PAIR_RULE, at(0))));
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
