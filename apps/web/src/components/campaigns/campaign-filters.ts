import { CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES, type TCampaignFilters } from "@meridian/domain";

/** The calendar's views; the quarter is a timeline of lanes. */
export const CALENDAR_VIEWS = ["month", "week", "quarter"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface CalendarState extends TCampaignFilters {
  view: CalendarView;
  /** Any day of the month, week or quarter shown. */
  date: string;
  lanes: "channel" | "team";
}

/** Reads the calendar's state from its URL, ignoring what is not ours (a bad value falls back). */
export function readCalendarState(params: URLSearchParams, today: string): CalendarState {
  const pick = <T extends string>(key: string, values: readonly T[]) => {
    const v = params.get(key);
    return v && (values as readonly string[]).includes(v) ? (v as T) : undefined;
  };
  const id = (key: string) => {
    const v = params.get(key);
    return v && UUID.test(v) ? v.toLowerCase() : undefined;
  };
  const date = params.get("date");
  return {
    view: pick("view", CALENDAR_VIEWS) ?? "month",
    date: date && DAY.test(date) && !Number.isNaN(Date.parse(date)) ? date : today,
    lanes: pick("lanes", ["channel", "team"] as const) ?? "channel",
    ...(pick("channel", CAMPAIGN_CHANNELS) && { channel: pick("channel", CAMPAIGN_CHANNELS) }),
    ...(pick("status", CAMPAIGN_STATUSES) && { status: pick("status", CAMPAIGN_STATUSES) }),
    ...(id("teamId") && { teamId: id("teamId") }),
    ...(id("ownerId") && { ownerId: id("ownerId") }),
  };
}

/** The URL query of a state: only what differs from the defaults. */
export function calendarQuery(state: CalendarState, today: string): string {
  const params = new URLSearchParams();
  if (state.view !== "month") params.set("view", state.view);
  if (state.date !== today) params.set("date", state.date);
  if (state.lanes !== "channel") params.set("lanes", state.lanes);
  for (const key of ["channel", "status", "teamId", "ownerId"] as const) {
    const v = state[key];
    if (v) params.set(key, v);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Filters only, for the API. */
export const filtersOf = (s: CalendarState): TCampaignFilters => ({
  ...(s.channel && { channel: s.channel }),
  ...(s.status && { status: s.status }),
  ...(s.teamId && { teamId: s.teamId }),
  ...(s.ownerId && { ownerId: s.ownerId }),
});

const iso = (d: Date) => d.toISOString().slice(0, 10);
const at = (day: string) => new Date(`${day}T00:00:00Z`);

/** The days a view shows around `date`: the month's weeks, the week (Monday first), or the quarter. */
export function windowOf(view: CalendarView, date: string): { from: string; to: string } {
  const d = at(date);
  if (view === "week") {
    const monday = new Date(d);
    monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    const sunday = new Date(monday);
    sunday.setUTCDate(monday.getUTCDate() + 6);
    return { from: iso(monday), to: iso(sunday) };
  }
  if (view === "quarter") {
    const q = Math.floor(d.getUTCMonth() / 3) * 3;
    return {
      from: iso(new Date(Date.UTC(d.getUTCFullYear(), q, 1))),
      to: iso(new Date(Date.UTC(d.getUTCFullYear(), q + 3, 0))),
    };
  }
  // A month grid shows the weeks around the month too.
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  first.setUTCDate(first.getUTCDate() - 7);
  last.setUTCDate(last.getUTCDate() + 7);
  return { from: iso(first), to: iso(last) };
}

/** The date one view-length before or after. */
export function shiftDate(view: CalendarView, date: string, by: -1 | 1): string {
  const d = at(date);
  if (view === "week") d.setUTCDate(d.getUTCDate() + 7 * by);
  else {
    const day = Math.min(d.getUTCDate(), 28);
    d.setUTCDate(day);
    d.setUTCMonth(d.getUTCMonth() + (view === "quarter" ? 3 : 1) * by);
  }
  return iso(d);
}

/** Days from `a` to `b`. */
export const daysBetween = (a: string, b: string) => Math.round((at(b).getTime() - at(a).getTime()) / 86_400_000);
export const addDays = (day: string, n: number) => iso(new Date(at(day).getTime() + n * 86_400_000));
