import { and, type Database, eq, isNull, memberships, users } from "@meridian/db";
import { ZLoginSchema } from "@meridian/domain";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SessionClaims } from "./session";
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  accountKey,
  addressKey,
  clearFailures,
  isLocked,
  PAIR_RULE,
  pairKey,
  passwordChangeKey,
  recordFailure,
} from "./throttle";

export type CredentialsResult = { ok: true; claims: SessionClaims } | { ok: false; reason: "invalid" | "throttled" };

export interface AttemptContext {
  /** The client's address, for the per-address limit; null when unknown. */
  address: string | null;
  now?: Date;
}

/**
 * Checks an email and password, throttled per account and address (strict),
 * per account from everywhere (slow) and per address. Every
 * failure for a given reason looks the same whether or not the email has an
 * account, so nobody can learn which emails exist.
 */
export async function checkCredentials(
  db: Database,
  input: unknown,
  { address, now = new Date() }: AttemptContext = { address: null },
): Promise<CredentialsResult> {
  const parsed = ZLoginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const keys = [pairKey(email, address), accountKey(email), ...(address ? [addressKey(address)] : [])];
  if (await isLocked(db, keys, now)) return { ok: false, reason: "throttled" };

  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);

  if (!user || !ok || !user.isActive || (await deactivatedEverywhere(db, user.id))) {
    await recordFailure(db, pairKey(email, address), PAIR_RULE, now);
    await recordFailure(db, accountKey(email), ACCOUNT_RULE, now);
    if (address) await recordFailure(db, addressKey(address), ADDRESS_RULE, now);
    return { ok: false, reason: "invalid" };
  }
  // Only this place's count: the account's own, over every address, runs its window out,
  // so a slow distributed guesser gains nothing from the owner signing in now and then.
  await clearFailures(db, pairKey(email, address));
  return {
    ok: true,
    claims: { userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(now.getTime() / 1000) },
  };
}

/** Someone whose every membership was deactivated cannot sign in; someone not yet in any organization can. */
async function deactivatedEverywhere(db: Database, userId: string): Promise<boolean> {
  const [any, active] = await Promise.all([
    db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)).limit(1),
    db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), isNull(memberships.deactivatedAt)))
      .limit(1),
  ]);
  return any.length > 0 && active.length === 0;
}

/**
 * Checks the current password of a signed-in user before a change (someone
 * holding a stolen session must not get unlimited guesses): 5 failures lock
 * the change for that user, and each failure also counts against the
 * account's limit over every address, which sign-in shares.
 */
export async function checkCurrentPassword(
  db: Database,
  user: { id: string; email: string; passwordHash: string },
  password: string,
  now: Date = new Date(),
): Promise<"ok" | "invalid" | "throttled"> {
  const key = passwordChangeKey(user.id);
  if (await isLocked(db, [key, accountKey(user.email)], now)) return "throttled";
  if (await verifyPassword(user.passwordHash, password)) {
    await clearFailures(db, key);
    return "ok";
  }
  await recordFailure(db, key, PAIR_RULE, now);
  await recordFailure(db, accountKey(user.email), ACCOUNT_RULE, now);
  return "invalid";
}
