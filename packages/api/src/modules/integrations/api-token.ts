import { createHash, randomBytes } from "node:crypto";

/** Every token starts so, which lets people (and secret scanners) recognise one. */
export const TOKEN_PREFIX = "mrd_";
/** "mrd_" then 32 random bytes in base64url: 43 characters. */
const TOKEN_SHAPE = /^mrd_[A-Za-z0-9_-]{43}$/;

/**
 * A new secret, its SHA-256 (the only thing stored) and the first characters
 * after "mrd_" that the token list shows to tell tokens apart.
 */
export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + 8) };
}

/** SHA-256 hex: the secret has 256 random bits, so a fast hash is enough (no password stretching needed). */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The token of an "Authorization: Bearer mrd_…" header, or null when the header is absent or not of that shape. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  const token = match?.[1];
  return token && TOKEN_SHAPE.test(token) ? token : null;
}
