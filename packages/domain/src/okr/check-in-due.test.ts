import { describe, expect, it } from "vitest";
import { CHECK_IN_INTERVAL_MS, checkInDueBefore, isCheckInDue, isCheckInStale } from "./check-in-due";

const now = new Date("2026-07-15T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("check-in due rule", () => {
  it("is due with no check-in yet", () => {
    expect(isCheckInStale(null, now)).toBe(true);
    expect(isCheckInDue({ canCheckIn: true, lastCheckInAt: null }, now)).toBe(true);
  });

  it("is not due within the week, and due once the last check-in is more than a week old", () => {
    expect(isCheckInStale(ago(86_400_000), now)).toBe(false);
    expect(isCheckInStale(ago(CHECK_IN_INTERVAL_MS), now)).toBe(false);
    expect(isCheckInStale(ago(CHECK_IN_INTERVAL_MS + 1), now)).toBe(true);
  });

  it("is never due from someone who cannot check in", () => {
    expect(isCheckInDue({ canCheckIn: false, lastCheckInAt: null }, now)).toBe(false);
  });

  it("names the cutoff instant a query filters by", () => {
    expect(checkInDueBefore(now).toISOString()).toBe("2026-07-08T12:00:00.000Z");
  });
});
