import { createHmac, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KINDS, type NotificationKind } from "@meridian/domain";

/** Whom an unsubscribe link speaks for: one person, in one organization, for one kind of email. */
export interface UnsubscribeClaim {
  userId: string;
  organizationId: string;
  kind: NotificationKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A purpose prefix: a MAC made here can never pass for one made with the same secret elsewhere.
const PURPOSE = "meridian.unsubscribe.v1";

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${PURPOSE}:${payload}`).digest();
}

/**
 * A signed token that needs no login: `<user>.<organization>.<kind>.<mac>`.
 * It does one harmless thing (turns one kind of email off), so it does not
 * expire: an email read a year later still unsubscribes.
 */
export function signUnsubscribeToken(claim: UnsubscribeClaim, secret: string): string {
  const payload = `${claim.userId}.${claim.organizationId}.${claim.kind}`;
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
}

/** The claim of a token made with `secret`, or null for anything else (tampered, malformed, other secret). */
export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribeClaim | null {
  if (typeof token !== "string" || token.length > 300) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [userId, organizationId, kind, signature] = parts as [string, string, string, string];
  if (!UUID.test(userId) || !UUID.test(organizationId)) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) return null;
  const expected = mac(`${userId}.${organizationId}.${kind}`, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, organizationId, kind: kind as NotificationKind };
}

/** The secret unsubscribe links are signed with: a dedicated one when set, else the session secret. */
export function unsubscribeSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.UNSUBSCRIBE_SECRET?.trim() || env.NEXTAUTH_SECRET?.trim();
  if (!secret) throw new Error("NEXTAUTH_SECRET (or UNSUBSCRIBE_SECRET) must be set to sign unsubscribe links");
  return secret;
}
