import { describe, expect, it } from "vitest";
import { calendarQuery, readCalendarState, shiftDate, windowOf } from "./campaign-filters";

describe("calendar state in the URL", () => {
  it("round-trips filters and drops what is not ours", () => {
    const state = readCalendarState(
      new URLSearchParams("view=quarter&date=2026-05-10&channel=email&status=nope&teamId=x"),
      "2026-12-03",
    );
    expect(state).toEqual({ view: "quarter", date: "2026-05-10", lanes: "channel", channel: "email" });
    expect(calendarQuery(state, "2026-12-03")).toBe("?view=quarter&date=2026-05-10&channel=email");
  });
  it("windows: the week from Monday, the quarter, the month with its edges", () => {
    expect(windowOf("week", "2026-12-03")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
    expect(windowOf("quarter", "2026-05-10")).toEqual({ from: "2026-04-01", to: "2026-06-30" });
    expect(windowOf("month", "2026-02-15")).toEqual({ from: "2026-01-25", to: "2026-03-07" });
    expect(shiftDate("month", "2026-01-31", 1)).toBe("2026-02-28");
    expect(shiftDate("quarter", "2026-11-15", 1)).toBe("2027-02-15");
  });
});
