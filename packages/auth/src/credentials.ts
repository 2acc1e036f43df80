import { type Database, eq, users } from "@meridian/db";
import { ZLoginSchema } from "@meridian/domain";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SessionClaims } from "./session";

/**
 * Checks an email and password. Every failure looks the same to the caller
 * (null), so nobody can learn which emails have accounts.
 */
export async function checkCredentials(
  db: Database,
  input: unknown,
  now: Date = new Date(),
): Promise<SessionClaims | null> {
  const parsed = ZLoginSchema.safeParse(input);
  if (!parsed.success) return null;
  const [user] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      isActive: users.isActive,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.email, parsed.data.email))
    .limit(1);
  if (!user) return verifyAgainstDummy(parsed.data.password).then(() => null);
  const ok = await verifyPassword(user.passwordHash, parsed.data.password);
  if (!ok || !user.isActive) return null;
  return { userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(now.getTime() / 1000) };
}
