import {
  checkInScheduleUpdateInput,
  markNotificationsReadInput,
  notificationInboxInput,
  notificationPreferencesInput,
} from "@meridian/domain";
import { orgProcedure, router } from "../../trpc";
import { checkInSchedule, setCheckInSchedule } from "./check-in-schedule";
import { markAllRead, markRead } from "./inbox.commands";
import { listInbox, unreadCount } from "./inbox.queries";
import { setMyPreferences, setOrganizationDefaults } from "./preferences.commands";
import { myPreferences, organizationDefaults } from "./preferences.queries";

/** One's own inbox and choices: every role, the caller's own rows only. */
const own = orgProcedure("notification.read");
/** The organization's defaults and check-in day: admins. */
const settings = orgProcedure("notification.settings");

export const notificationsRouter = router({
  /** The caller's in-app notifications, newest first, a page at a time. */
  inbox: own.input(notificationInboxInput).query(({ ctx, input }) => listInbox(ctx, input)),
  /** How many are unread (the bell polls it). */
  unreadCount: own.query(({ ctx }) => unreadCount(ctx)),
  markRead: own.input(markNotificationsReadInput).mutation(({ ctx, input }) => markRead(ctx, input)),
  markAllRead: own.mutation(({ ctx }) => markAllRead(ctx)),
  /** Per kind and channel: what the caller gets, and whether it is their choice, the organization's or the default. */
  myPreferences: own.query(({ ctx }) => myPreferences(ctx)),
  setMyPreferences: own.input(notificationPreferencesInput).mutation(({ ctx, input }) => setMyPreferences(ctx, input)),
  organizationDefaults: settings.query(({ ctx }) => organizationDefaults(ctx)),
  setOrganizationDefaults: settings
    .input(notificationPreferencesInput)
    .mutation(({ ctx, input }) => setOrganizationDefaults(ctx, input)),
  checkInSchedule: settings.query(({ ctx }) => checkInSchedule(ctx)),
  setCheckInSchedule: settings
    .input(checkInScheduleUpdateInput)
    .mutation(({ ctx, input }) => setCheckInSchedule(ctx, input)),
});
