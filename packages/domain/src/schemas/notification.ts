import { z } from "zod";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "../notifications/notification-kinds";
import { ZId, ZVersion } from "./common";

export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);
export const notificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);

export const channelChoiceSchema = z.strictObject({
  kind: notificationKindSchema,
  channel: notificationChannelSchema,
  enabled: z.boolean(),
});

/** A person's (or an organization's default) choices; kinds not listed keep the fallback. */
export const notificationPreferencesInput = z.strictObject({
  choices: z.array(channelChoiceSchema).max(NOTIFICATION_KINDS.length * NOTIFICATION_CHANNELS.length),
});

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** ISO weekday (1 = Monday) and local time "HH:MM" in each person's time zone. */
export const checkInScheduleInput = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time such as 09:00"),
  reminderAfterDays: z.number().int().min(1).max(6),
});

/** The schedule as the admin page saves it: the version the page read guards against a lost edit. */
export const checkInScheduleUpdateInput = checkInScheduleInput.extend({
  version: ZVersion,
});

export const NOTIFICATION_PAGE_SIZE = 20;
/**
 * A page of one's own notification centre, newest first; `cursor` is the previous page's `nextCursor`.
 * The list pages it with TanStack's infinite query, which also sends its `direction`.
 */
export const notificationInboxInput = z
  .strictObject({
    cursor: z.string().max(200).nullish(),
    direction: z.enum(["forward", "backward"]).optional(),
    limit: z.number().int().min(1).max(50).default(NOTIFICATION_PAGE_SIZE),
    unreadOnly: z.boolean().default(false),
  })
  .default({ limit: NOTIFICATION_PAGE_SIZE, unreadOnly: false });

/** Marks some of one's own notifications read; someone else's ids change nothing. */
export const markNotificationsReadInput = z.strictObject({
  ids: z.array(ZId).min(1, "Name at least one notification.").max(100, "Mark at most 100 at once."),
});
