import { randomInt } from "node:crypto";
import { hashPassword } from "@meridian/auth/password";
import { type Executor, eq, type PgUpdateSetSource, sql, users } from "@meridian/db";

// No look-alikes (0/O, 1/l/I), so it can be read out or copied by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A one-time password for a new or reset account: 16 characters, about 92 bits. */
export function generateTemporaryPassword(): string {
  let out = "";
  for (let i = 0; i < 16; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12)}`;
}

/** A new temporary password and its hash: the hash is stored, the password shown once. */
export async function issueTemporaryPassword(): Promise<{ password: string; passwordHash: string }> {
  const password = generateTemporaryPassword();
  return { password, passwordHash: await hashPassword(password) };
}

/** Stores a new password hash for the account and ends every session it has. */
export async function replacePassword(
  tx: Executor,
  userId: string,
  set: { passwordHash: string; mustChangePassword: boolean } & PgUpdateSetSource<typeof users>,
) {
  await tx
    .update(users)
    .set({ ...set, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

/** Ends every session of the user: their signed tokens name an older session version. */
export async function endSessions(tx: Executor, userId: string) {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
