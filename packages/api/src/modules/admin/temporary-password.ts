import { randomInt } from "node:crypto";
import { hashPassword } from "@meridian/auth/password";

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
