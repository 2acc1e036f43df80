import { describe, expect, it } from "vitest";
import { CHECK_IN_INTERVAL_MS, isCheckInStale } from "../okr/check-in-due";
import {
  checkInPeriod,
  cycleTakesCheckIns,
  dueCheckInEvent,
  isoWeekKey,
  DEFAULT_CHECK_IN_SCHEDULE as monday9,
  safeTimeZone,
} from "./schedule";

const at = (iso: string) => new Date(iso);
const day = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);

describe("isoWeekKey", () => {
  it.each([
    [day(2026, 12, 4), "2026-W49"],
    [day(2026, 1, 1), "2026-W01"],
    [day(2025, 12, 29), "2026-W01"],
    [day(2027, 1, 1), "2026-W53"],
    [day(2027, 1, 4), "2027-W01"],
    [day(2021, 1, 3), "2020-W53"],
  ])("day %s is %s", (d, key) => expect(isoWeekKey(d)).toBe(key));
});

describe("checkInPeriod", () => {
  it("Monday 09:00 in Berlin, the week after the clocks went forward (last Sunday of March)", () => {
    const before = checkInPeriod(monday9, "Europe/Berlin", at("2026-03-25T12:00:00Z"));
    expect(before.dueAt.toISOString()).toBe("2026-03-23T08:00:00.000Z"); // CET, +01:00
    const after = checkInPeriod(monday9, "Europe/Berlin", at("2026-03-30T07:00:00Z"));
    expect(after.key).toBe("2026-W14");
    expect(after.dueAt.toISOString()).toBe("2026-03-30T07:00:00.000Z"); // CEST, +02:00
    // The week holding the change is 167 hours long, not 168: Monday 09:00 stays 09:00.
    expect(after.dueAt.getTime() - before.dueAt.getTime()).toBe(167 * 3_600_000);
    expect(before.nextDueAt).toEqual(after.dueAt);
  });

  it("one minute before the moment is still the previous period", () => {
    const p = checkInPeriod(monday9, "Europe/Berlin", at("2026-03-30T06:59:00Z"));
    expect(p.key).toBe("2026-W13");
  });

  it("Berlin in October (clocks back on the last Sunday): the week is 169 hours", () => {
    const before = checkInPeriod(monday9, "Europe/Berlin", at("2026-10-20T00:00:00Z"));
    const after = checkInPeriod(monday9, "Europe/Berlin", at("2026-10-26T09:00:00Z"));
    expect(before.dueAt.toISOString()).toBe("2026-10-19T07:00:00.000Z");
    expect(after.dueAt.toISOString()).toBe("2026-10-26T08:00:00.000Z");
    expect(after.key).toBe("2026-W44");
  });

  it("the reminder keeps the local time across a DST change (New York, second Sunday of March)", () => {
    const schedule = { weekday: 5, time: "09:00", reminderAfterDays: 3 }; // Friday, reminder Monday
    const p = checkInPeriod(schedule, "America/New_York", at("2026-03-06T15:00:00Z"));
    expect(p.dueAt.toISOString()).toBe("2026-03-06T14:00:00.000Z"); // EST, -05:00
    expect(p.remindAt.toISOString()).toBe("2026-03-09T13:00:00.000Z"); // EDT, -04:00
    expect(p.key).toBe("2026-W10");
  });

  it("a +05:45 zone (Kathmandu)", () => {
    const p = checkInPeriod(monday9, "Asia/Kathmandu", at("2026-12-07T03:15:00Z"));
    expect(p.dueAt.toISOString()).toBe("2026-12-07T03:15:00.000Z");
    expect(p.key).toBe("2026-W50");
    expect(checkInPeriod(monday9, "Asia/Kathmandu", at("2026-12-07T03:14:59Z")).key).toBe("2026-W49");
  });

  it("a zone already on Monday while UTC is on Sunday (Auckland)", () => {
    const p = checkInPeriod(monday9, "Pacific/Auckland", at("2026-12-06T20:30:00Z"));
    expect(p.dueAt.toISOString()).toBe("2026-12-06T20:00:00.000Z"); // NZDT, +13:00
    expect(p.key).toBe("2026-W50");
  });

  it("the period named by the check-in day, also when a Sunday check-in's reminder falls in the next ISO week", () => {
    const sunday = { weekday: 7, time: "18:00", reminderAfterDays: 2 };
    const p = checkInPeriod(sunday, "UTC", at("2026-12-08T12:00:00Z"));
    expect(p.dueAt.toISOString()).toBe("2026-12-06T18:00:00.000Z");
    expect(p.remindAt.toISOString()).toBe("2026-12-08T18:00:00.000Z");
    expect(p.key).toBe("2026-W49");
  });

  it("a time skipped by the spring change moves forward, never into the previous day", () => {
    const p = checkInPeriod(
      { weekday: 7, time: "02:30", reminderAfterDays: 1 },
      "Europe/Berlin",
      at("2026-03-29T12:00:00Z"),
    );
    expect(p.dueAt.toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
  });

  it("an unknown zone counts as UTC", () => {
    expect(safeTimeZone("Mars/Olympus")).toBe("UTC");
    expect(safeTimeZone("Asia/Kathmandu")).toBe("Asia/Kathmandu");
    expect(checkInPeriod(monday9, "Mars/Olympus", at("2026-12-07T09:00:00Z")).dueAt.toISOString()).toBe(
      "2026-12-07T09:00:00.000Z",
    );
  });
});

describe("dueCheckInEvent", () => {
  const berlin = (iso: string) => dueCheckInEvent(monday9, "Europe/Berlin", at(iso));

  it("the check-in notice from Monday 09:00, the reminder from Wednesday 09:00 (two days later), each for a day", () => {
    expect(berlin("2026-12-07T07:59:00Z")).toMatchObject({ event: null, period: { key: "2026-W49" } });
    expect(berlin("2026-12-07T08:00:00Z")).toMatchObject({ event: "check_in_due", period: { key: "2026-W50" } });
    expect(berlin("2026-12-08T07:59:00Z")).toMatchObject({ event: "check_in_due", period: { key: "2026-W50" } });
    expect(berlin("2026-12-08T08:00:00Z")).toMatchObject({ event: null, period: { key: "2026-W50" } });
    expect(berlin("2026-12-09T08:00:00Z")).toMatchObject({ event: "check_in_reminder", period: { key: "2026-W50" } });
    expect(berlin("2026-12-10T07:59:00Z")).toMatchObject({ event: "check_in_reminder", period: { key: "2026-W50" } });
    expect(berlin("2026-12-10T08:00:00Z")).toMatchObject({ event: null, period: { key: "2026-W50" } });
    expect(berlin("2026-12-14T08:00:00Z")).toMatchObject({ event: "check_in_due", period: { key: "2026-W51" } });
  });

  it("a reminder one day after the check-in day cuts the notice's day short at its own moment", () => {
    const next = { weekday: 1, time: "09:00", reminderAfterDays: 1 };
    expect(dueCheckInEvent(next, "UTC", new Date("2026-12-08T08:59:00Z")).event).toBe("check_in_due");
    expect(dueCheckInEvent(next, "UTC", new Date("2026-12-08T09:00:00Z")).event).toBe("check_in_reminder");
  });

  it("two people in different zones reach the same Monday at different instants", () => {
    const now = at("2026-12-07T10:00:00Z");
    expect(dueCheckInEvent(monday9, "Europe/Berlin", now).period.key).toBe("2026-W50");
    expect(dueCheckInEvent(monday9, "America/New_York", now).period.key).toBe("2026-W49");
  });
});

describe("isCheckInStale", () => {
  const moment = at("2026-12-07T08:00:00Z");
  it("skips a key result checked in within the last week", () => {
    expect(isCheckInStale(at("2026-12-04T16:00:00Z"), moment)).toBe(false);
    expect(isCheckInStale(new Date(moment.getTime() - CHECK_IN_INTERVAL_MS), moment)).toBe(false);
  });
  it("asks for one when the last is older than a week, or there is none", () => {
    expect(isCheckInStale(new Date(moment.getTime() - CHECK_IN_INTERVAL_MS - 1), moment)).toBe(true);
    expect(isCheckInStale(null, moment)).toBe(true);
  });
});

describe("cycleTakesCheckIns", () => {
  const window = { start: at("2026-10-01T00:00:00Z"), end: at("2027-01-01T00:00:00Z") };
  it("only an open cycle within its dates: no reminder for a closed cycle", () => {
    const now = at("2026-12-07T08:00:00Z");
    expect(cycleTakesCheckIns({ ...window, status: "open" }, now)).toBe(true);
    expect(cycleTakesCheckIns({ ...window, status: "closed" }, now)).toBe(false);
    expect(cycleTakesCheckIns({ ...window, status: "planning" }, now)).toBe(false);
    expect(cycleTakesCheckIns({ ...window, status: "open" }, at("2027-01-01T00:00:00Z"))).toBe(false);
  });
});
