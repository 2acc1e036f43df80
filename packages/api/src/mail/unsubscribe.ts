import { type Executor, notificationPreferences, rows, sql } from "@meridian/db";
import { NOTIFICATION_KIND_INFO } from "@meridian/domain";
import { type UnsubscribeClaim, unsubscribeSecret, verifyUnsubscribeToken } from "./unsubscribe-token";

export type UnsubscribeResult =
  | { ok: true; kindLabel: string; organizationName: string }
  | { ok: false; reason: "invalid" | "not_member" };

/**
 * What the one-click unsubscribe link does, signed in or not: turns the
 * token's kind of email off in the person's preferences for that organization
 * (their other choices stay). Repeating it changes nothing more.
 */
export async function unsubscribe(
  db: Executor,
  token: string,
  secret: string = unsubscribeSecret(),
): Promise<UnsubscribeResult> {
  const claim = verifyUnsubscribeToken(token, secret);
  if (!claim) return { ok: false, reason: "invalid" };
  const organizationName = await memberOrganizationName(db, claim);
  if (organizationName === null) return { ok: false, reason: "not_member" };
  await db
    .insert(notificationPreferences)
    .values({
      organizationId: claim.organizationId,
      userId: claim.userId,
      kind: claim.kind,
      channel: "email",
      enabled: false,
    })
    .onConflictDoUpdate({
      target: [
        notificationPreferences.organizationId,
        notificationPreferences.userId,
        notificationPreferences.kind,
        notificationPreferences.channel,
      ],
      set: { enabled: false, updatedAt: sql`now()` },
    });
  return { ok: true, kindLabel: NOTIFICATION_KIND_INFO[claim.kind].label, organizationName };
}

async function memberOrganizationName(db: Executor, claim: UnsubscribeClaim): Promise<string | null> {
  const found = await db.execute(sql`
    select o.name from memberships m join organizations o on o.id = m.organization_id
    where m.organization_id = ${claim.organizationId} and m.user_id = ${claim.userId}`);
  return rows<{ name: string }>(found)[0]?.name ?? null;
}
