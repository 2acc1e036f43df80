import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

// dayjs with its utc + timezone plugins: already the web app's date library, small, and its zone
// conversions go through the platform's Intl data, so DST rules are the ones the OS ships.
dayjs.extend(utc);
dayjs.extend(timezone);

/** The organization's weekly check-in: ISO weekday (1 = Monday), local "HH:MM", reminder after N days. */
export interface CheckInSchedule {
  weekday: number;
  time: string;
  reminderAfterDays: number;
}

export const DEFAULT_CHECK_IN_SCHEDULE: CheckInSchedule = { weekday: 1, time: "09:00", reminderAfterDays: 2 };

/** The zone to compute in: the person's IANA zone, or UTC when it is not one the platform knows. */
export function safeTimeZone(zone: string | null | undefined): string {
  if (!zone) return "UTC";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

const DAY_MS = 86_400_000;

/** A calendar date (no zone) as days since 1970-01-01, so week arithmetic never meets a DST change. */
function civilDay(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

function civilParts(dayNumber: number): { year: number; month: number; day: number; isoWeekday: number } {
  const d = new Date(dayNumber * DAY_MS);
  const weekday = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    isoWeekday: weekday === 0 ? 7 : weekday,
  };
}

/** ISO 8601 week key of a calendar date, such as 2026-W49 (the week belongs to the year of its Thursday). */
export function isoWeekKey(dayNumber: number): string {
  const { isoWeekday } = civilParts(dayNumber);
  const thursday = dayNumber - isoWeekday + 4;
  const year = civilParts(thursday).year;
  const week = Math.floor((thursday - civilDay(year, 1, 1)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The calendar date `at` falls on in `zone`, as a day number. */
function localDay(at: Date, zone: string): number {
  const local = dayjs(at).tz(zone);
  return civilDay(local.year(), local.month() + 1, local.date());
}

/** The instant a local calendar date and "HH:MM" name in `zone` (a time skipped by DST moves forward). */
function instantAt(dayNumber: number, time: string, zone: string): Date {
  const { year, month, day } = civilParts(dayNumber);
  const pad = (n: number) => String(n).padStart(2, "0");
  return dayjs.tz(`${year}-${pad(month)}-${pad(day)} ${time}`, "YYYY-MM-DD HH:mm", zone).toDate();
}

export interface CheckInPeriod {
  /** ISO week of the check-in day in the person's zone: the dedupe key's period, e.g. 2026-W49. */
  key: string;
  /** The check-in moment of this period: the check-in day at the check-in time, in the person's zone. */
  dueAt: Date;
  /** The same local time `reminderAfterDays` calendar days later. */
  remindAt: Date;
  /** The next period's check-in moment: this period ends there. */
  nextDueAt: Date;
}

/**
 * The check-in period a person is in at `now`: the one whose check-in moment
 * came last (in their own zone). Local calendar days, then the zone: "Monday
 * 09:00" stays 09:00 across a DST change, and a week is 7 local days, not 168 hours.
 */
export function checkInPeriod(schedule: CheckInSchedule, zone: string, now: Date): CheckInPeriod {
  const tz = safeTimeZone(zone);
  const today = localDay(now, tz);
  const { isoWeekday } = civilParts(today);
  let dueDay = today - isoWeekday + schedule.weekday;
  if (instantAt(dueDay, schedule.time, tz).getTime() > now.getTime()) dueDay -= 7;
  return {
    key: isoWeekKey(dueDay),
    dueAt: instantAt(dueDay, schedule.time, tz),
    remindAt: instantAt(dueDay + schedule.reminderAfterDays, schedule.time, tz),
    nextDueAt: instantAt(dueDay + 7, schedule.time, tz),
  };
}

export type ScheduledCheckInEvent = "check_in_due" | "check_in_reminder";

/** A notice later than this after its moment is not sent: a worker down for days sends no old news when it is back. */
export const CATCH_UP_MS = 24 * 3_600_000;

/**
 * What a person's schedule asks for at `now`: the check-in notice in the day
 * after the check-in moment, the reminder in the day after the reminder's
 * (each cut short by the next moment), else nothing. Repeated ticks name the
 * same period, so the dedupe key (`<event>:<period key>`) makes each happen once.
 */
export function dueCheckInEvent(
  schedule: CheckInSchedule,
  zone: string,
  now: Date,
): { event: ScheduledCheckInEvent | null; period: CheckInPeriod } {
  const period = checkInPeriod(schedule, zone, now);
  const t = now.getTime();
  const within = (from: Date, until: Date) =>
    t >= from.getTime() && t < Math.min(until.getTime(), from.getTime() + CATCH_UP_MS);
  const event = within(period.remindAt, period.nextDueAt)
    ? "check_in_reminder"
    : within(period.dueAt, period.remindAt)
      ? "check_in_due"
      : null;
  return { event, period };
}

/** A cycle takes check-ins while it is open and `at` falls within its dates (end exclusive). */
export function cycleTakesCheckIns(cycle: { status: string; start: Date; end: Date }, at: Date): boolean {
  return cycle.status === "open" && cycle.start.getTime() <= at.getTime() && at.getTime() < cycle.end.getTime();
}
