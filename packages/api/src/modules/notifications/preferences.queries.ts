import { and, type Executor, eq, notificationDefaults, notificationPreferences } from "@meridian/db";
import {
  type ChannelChoice,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KIND_INFO,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  type Role,
} from "@meridian/domain";
import type { OrgScope } from "../../lib/scope";
import { emailConfigured } from "../../mail/config";

/** Where a choice comes from: the person's own, the organization's default, or the catalog's. */
export type ChoiceSource = "mine" | "organization" | "default";

export interface ChannelCell {
  enabled: boolean;
  source: ChoiceSource;
  /** What the cell would be without the level that set it: a person's choice equal to it is not kept. */
  inherited: boolean;
  /** Where the inherited value comes from. */
  inheritedFrom: Exclude<ChoiceSource, "mine">;
}

export interface KindRow {
  kind: NotificationKind;
  label: string;
  description: string;
  managersOnly: boolean;
  channels: Record<NotificationChannel, ChannelCell>;
}

/** Managers-only kinds (the weekly digest) are for those who lead: managers and admins. */
export const takesKind = (role: Role, kind: NotificationKind) =>
  !NOTIFICATION_KIND_INFO[kind].managersOnly || role === "admin" || role === "manager";

export async function organizationChoices(db: Executor, organizationId: string): Promise<ChannelChoice[]> {
  return db
    .select({
      kind: notificationDefaults.kind,
      channel: notificationDefaults.channel,
      enabled: notificationDefaults.enabled,
    })
    .from(notificationDefaults)
    .where(eq(notificationDefaults.organizationId, organizationId));
}

export async function personalChoices(db: Executor, organizationId: string, userId: string): Promise<ChannelChoice[]> {
  return db
    .select({
      kind: notificationPreferences.kind,
      channel: notificationPreferences.channel,
      enabled: notificationPreferences.enabled,
    })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.organizationId, organizationId), eq(notificationPreferences.userId, userId)));
}

const pick = (list: readonly ChannelChoice[], kind: NotificationKind, channel: NotificationChannel) =>
  list.find((c) => c.kind === kind && c.channel === channel)?.enabled;

/** Each kind the role takes, with each channel's effective choice and where it comes from. */
export function choiceTable(
  role: Role,
  personal: readonly ChannelChoice[] | null,
  organization: readonly ChannelChoice[],
): KindRow[] {
  return NOTIFICATION_KINDS.filter((kind) => takesKind(role, kind)).map((kind) => {
    const info = NOTIFICATION_KIND_INFO[kind];
    const channels = {} as Record<NotificationChannel, ChannelCell>;
    for (const channel of NOTIFICATION_CHANNELS) {
      const catalog = info.defaults[channel];
      const org = pick(organization, kind, channel);
      const mine = personal ? pick(personal, kind, channel) : undefined;
      const orgLevel = org ?? catalog;
      const orgFrom = org !== undefined ? "organization" : "default";
      channels[channel] =
        mine !== undefined
          ? { enabled: mine, source: "mine", inherited: orgLevel, inheritedFrom: orgFrom }
          : org !== undefined
            ? { enabled: org, source: "organization", inherited: catalog, inheritedFrom: "default" }
            : { enabled: catalog, source: "default", inherited: catalog, inheritedFrom: "default" };
    }
    return { kind, label: info.label, description: info.description, managersOnly: info.managersOnly, channels };
  });
}

/** The caller's effective choices, per kind they take and channel. */
export async function myPreferences(scope: OrgScope) {
  const [personal, organization] = await Promise.all([
    personalChoices(scope.db, scope.org.id, scope.user.id),
    organizationChoices(scope.db, scope.org.id),
  ]);
  return { emailAvailable: emailConfigured(), kinds: choiceTable(scope.org.role, personal, organization) };
}

/** The organization's defaults for every kind (managers-only ones too), for the admin page. */
export async function organizationDefaults(scope: OrgScope) {
  const organization = await organizationChoices(scope.db, scope.org.id);
  return { emailAvailable: emailConfigured(), kinds: choiceTable("admin", null, organization) };
}
