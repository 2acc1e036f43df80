import { type Executor, rows, sql } from "@meridian/db";
import { NOTIFICATION_KIND_INFO, type NotificationKind } from "@meridian/domain";
import { sqlArray } from "../../lib/sql-array";

export interface NotificationRecipient {
  userId: string;
  /** The person's event and period, such as `check_in_due:2026-W49` or `mention:<comment id>`. */
  dedupeKey: string;
}

export interface NewNotification {
  organizationId: string;
  kind: NotificationKind;
  recipients: readonly NotificationRecipient[];
  title: string;
  body?: string;
  /** The app path of the object it is about. */
  link: string;
  actorId?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Tells each recipient, on the channels they take for this kind: one statement
 * whatever the number of recipients. It runs inside the caller's transaction,
 * so a notification exists exactly when the change it is about was committed;
 * the email is an outbox row (`email_state = 'pending'`) the delivery job sends.
 * A recipient who already has this dedupe key, or who is no active member of
 * the organization, gets nothing. Returns the ids of the rows it added.
 */
export async function notify(db: Executor, n: NewNotification): Promise<string[]> {
  if (n.recipients.length === 0) return [];
  const defaults = NOTIFICATION_KIND_INFO[n.kind].defaults;
  const result = await db.execute(sql`
    with recipient as (
      select distinct on (r.user_id) r.user_id, r.dedupe_key
      from unnest(${sqlArray(
        n.recipients.map((r) => r.userId),
        "uuid",
      )}, ${sqlArray(
        n.recipients.map((r) => r.dedupeKey),
        "text",
      )}) as r(user_id, dedupe_key)
    ), choice as (
      select rc.user_id, rc.dedupe_key,
        coalesce(pa.enabled, da.enabled, ${defaults.in_app}) as in_app,
        coalesce(pe.enabled, de.enabled, ${defaults.email}) as email
      from recipient rc
      join memberships m on m.organization_id = ${n.organizationId} and m.user_id = rc.user_id and m.deactivated_at is null
      join users u on u.id = rc.user_id and u.is_active
      left join notification_preferences pa on pa.organization_id = ${n.organizationId}
        and pa.user_id = rc.user_id and pa.kind = ${n.kind} and pa.channel = 'in_app'
      left join notification_preferences pe on pe.organization_id = ${n.organizationId}
        and pe.user_id = rc.user_id and pe.kind = ${n.kind} and pe.channel = 'email'
      left join notification_defaults da on da.organization_id = ${n.organizationId}
        and da.kind = ${n.kind} and da.channel = 'in_app'
      left join notification_defaults de on de.organization_id = ${n.organizationId}
        and de.kind = ${n.kind} and de.channel = 'email'
    )
    insert into notifications
      (organization_id, user_id, kind, dedupe_key, title, body, link, actor_id, payload, in_app, email_state)
    select ${n.organizationId}, c.user_id, ${n.kind}, c.dedupe_key, ${n.title}, ${n.body ?? ""}, ${n.link},
      ${n.actorId ?? null}, ${JSON.stringify(n.payload ?? {})}::jsonb, c.in_app,
      (case when c.email then 'pending' else 'none' end)::email_state
    from choice c
    where c.in_app or c.email
    on conflict (organization_id, user_id, dedupe_key) do nothing
    returning id
  `);
  return rows<{ id: string }>(result).map((r) => r.id);
}
