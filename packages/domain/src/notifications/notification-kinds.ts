/**
 * Everything Meridian tells a person about, and the channels it can use.
 * The catalog is the one place a kind is declared: the schema stores its key,
 * the preference pages list it, the delivery job reads its defaults.
 */
export const NOTIFICATION_KINDS = [
  "check_in_due",
  "check_in_reminder",
  "weekly_digest",
  "kpi_turned_red",
  "action_assigned",
  "action_overdue",
  "review_opened",
  "review_finalized",
  "comment_on_owned",
  "mention",
  "webhook_paused",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ["in_app", "email"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

interface KindInfo {
  label: string;
  description: string;
  /** Only managers and admins get it (the digest of their teams). */
  managersOnly: boolean;
  /** What a person gets when neither they nor their organization chose otherwise. */
  defaults: Record<NotificationChannel, boolean>;
}

const both = { in_app: true, email: true };
const appOnly = { in_app: true, email: false };

export const NOTIFICATION_KIND_INFO: Record<NotificationKind, KindInfo> = {
  check_in_due: {
    label: "Check-in due",
    description: "On the check-in day, when key results you own wait for this week's check-in.",
    managersOnly: false,
    defaults: both,
  },
  check_in_reminder: {
    label: "Check-in reminder",
    description: "A few days later, if this week's check-in is still missing.",
    managersOnly: false,
    defaults: both,
  },
  weekly_digest: {
    label: "Weekly digest",
    description: "Your teams' check-ins, what turned at risk or off track, and stale key results.",
    managersOnly: true,
    defaults: both,
  },
  kpi_turned_red: {
    label: "KPI turned red",
    description: "A KPI you own or your team owns scored red for its latest period.",
    managersOnly: false,
    defaults: both,
  },
  action_assigned: {
    label: "Corrective action assigned",
    description: "Someone assigned you a corrective action.",
    managersOnly: false,
    defaults: both,
  },
  action_overdue: {
    label: "Corrective action overdue",
    description: "A corrective action assigned to you is past its due date.",
    managersOnly: false,
    defaults: both,
  },
  review_opened: {
    label: "Review opened",
    description: "A quarterly review of your team (or the organization) was opened.",
    managersOnly: false,
    defaults: appOnly,
  },
  review_finalized: {
    label: "Review finalized",
    description: "A quarterly review of your team (or the organization) was finalized.",
    managersOnly: false,
    defaults: appOnly,
  },
  comment_on_owned: {
    label: "Comment on what you own",
    description: "Someone commented on an objective you own.",
    managersOnly: false,
    defaults: appOnly,
  },
  mention: {
    label: "Mention",
    description: "Someone mentioned you with @ in a comment.",
    managersOnly: false,
    defaults: both,
  },
  webhook_paused: {
    label: "Webhook paused or disabled",
    description: "Admins only: a webhook endpoint kept failing and was paused, or answered 410 Gone and was disabled.",
    managersOnly: true,
    defaults: both,
  },
};

export interface ChannelChoice {
  kind: NotificationKind;
  channel: NotificationChannel;
  enabled: boolean;
}

/**
 * Whether a kind goes out on a channel: the person's own choice, else the
 * organization's default, else the catalog's.
 */
export function channelEnabled(
  kind: NotificationKind,
  channel: NotificationChannel,
  personal: readonly ChannelChoice[],
  organization: readonly ChannelChoice[],
): boolean {
  const pick = (list: readonly ChannelChoice[]) => list.find((c) => c.kind === kind && c.channel === channel)?.enabled;
  return pick(personal) ?? pick(organization) ?? NOTIFICATION_KIND_INFO[kind].defaults[channel];
}

/** Where a notification's email stands: none (not wanted), pending, sent, failed (retries spent). */
export const EMAIL_STATES = ["none", "pending", "sent", "failed"] as const;
export type EmailState = (typeof EMAIL_STATES)[number];
