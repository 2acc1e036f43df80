import { describe, expect, it } from "vitest";
import { type CycleStatus, type CycleWindow, pickCurrentCycle } from "./cycle";

interface NamedCycle extends CycleWindow {
  id: string;
}

const DAY_MS = 86_400_000;

/** A cycle over inclusive calendar days: start of the first day to the exclusive end of the last. */
const cycle = (id: string, firstDay: string, lastDay: string, status: CycleStatus): NamedCycle => ({
  id,
  start: new Date(`${firstDay}T00:00:00Z`),
  end: new Date(new Date(`${lastDay}T00:00:00Z`).getTime() + DAY_MS),
  status,
});

const q1 = cycle("q1", "2025-01-01", "2025-03-31", "closed");
const q2 = cycle("q2", "2025-04-01", "2025-06-30", "open");
const q3 = cycle("q3", "2025-07-01", "2025-09-30", "open");
const q4 = cycle("q4", "2025-10-01", "2025-12-31", "planning");
const q4open = { ...q4, id: "q4open", status: "open" as const };
const noon = (d: string) => new Date(`${d}T12:00:00Z`);

describe("pickCurrentCycle", () => {
  it("prefers the open cycle containing now over an open cycle that starts later", () => {
    expect(pickCurrentCycle([q1, q2, q3, q4], noon("2025-05-15"))?.id).toBe("q2");
  });

  it("contains its start instant and the whole last day (Jun 30 23:59:59.999)", () => {
    expect(pickCurrentCycle([q2, q4open], q2.start)?.id).toBe("q2");
    expect(pickCurrentCycle([q2, q4open], new Date("2025-06-30T23:59:59.999Z"))?.id).toBe("q2");
  });

  it("does not contain its exclusive end (Jul 1 00:00): falls back to the open cycle that started last", () => {
    // Q2 no longer contains now and Q4 (open) has not started, so Q4 wins as the latest-started open cycle.
    expect(pickCurrentCycle([q2, q4open], q2.end)?.id).toBe("q4open");
  });

  it("without an open cycle containing now, picks the open one that started last", () => {
    // Now falls in Q1 (closed); open Q2 and Q3 are both in the future → Q3 started last.
    expect(pickCurrentCycle([q1, q2, q3], noon("2025-02-01"))?.id).toBe("q3");
  });

  it("does not pick a planning cycle that contains now while an open cycle exists", () => {
    expect(pickCurrentCycle([q2, q4], noon("2025-11-01"))?.id).toBe("q2");
  });

  it("without any open cycle, picks the latest-starting cycle of any status", () => {
    expect(pickCurrentCycle([q4, q1], noon("2025-02-01"))?.id).toBe("q4");
  });

  it("returns null for no cycles", () => {
    expect(pickCurrentCycle([], noon("2025-02-01"))).toBeNull();
  });

  it("returns the caller's own object and leaves the input order alone", () => {
    const input = [q1, q2, q3];
    expect(pickCurrentCycle(input, noon("2025-05-15"))).toBe(q2);
    expect(input.map((c) => c.id)).toEqual(["q1", "q2", "q3"]);
  });
});
