import { and, type Database, eq, gt, inArray, loginThrottle, sql } from "@meridian/db";

export interface ThrottleRule {
  /** Failures allowed within the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;
/**
 * The strict limit, per account AND address: a handful of guesses from one
 * place lock that place out of that account, and nobody else. The owner, from
 * their own address, still signs in while someone else guesses.
 */
export const PAIR_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/**
 * The slow limit, per account from every address together: a guesser spread
 * over many addresses is still held to 100 guesses an hour per account. Only
 * such an attack locks the owner out too.
 */
export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 100, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE };
/** Per address, whatever the account: enough for an office behind one NAT. */
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

const normalizeEmail = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `account:${normalizeEmail(email)}`;
export const addressKey = (address: string) => `address:${address}`;
/** One account from one address; attempts whose address is unknown share one pair. */
export const pairKey = (email: string, address: string | null) =>
  `pair:${normalizeEmail(email)}|${address ?? "unknown"}`;
/** Guesses at the current password by someone holding a session of this user (account.changePassword). */
export const passwordChangeKey = (userId: string) => `password-change:${userId}`;

/** True while any of the keys is locked. */
export async function isLocked(db: Database, keys: string[], now: Date): Promise<boolean> {
  const rows = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, now)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Counts one failure against `key` in a single atomic upsert (so concurrent
 * attempts on several instances all count), and locks the key once the
 * window holds `maxFailures`.
 */
export async function recordFailure(db: Database, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const windowOpenedAfter = new Date(now.getTime() - rule.windowMs).toISOString();
  const stale = sql`${loginThrottle.windowStartedAt} < ${windowOpenedAfter}::timestamptz`;
  const nowIso = now.toISOString();
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${stale} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${stale} then ${nowIso}::timestamptz else ${loginThrottle.windowStartedAt} end`,
      },
    })
    .returning({ failures: loginThrottle.failures });
  if ((row?.failures ?? 0) >= rule.maxFailures) {
    await db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(now.getTime() + rule.lockMs), failures: 0, windowStartedAt: now })
      .where(eq(loginThrottle.key, key));
  }
}

export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
