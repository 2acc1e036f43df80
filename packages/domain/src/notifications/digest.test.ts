import { describe, expect, it } from "vitest";
import { buildWeeklyDigest, DIGEST_SECTION_LIMIT, type DigestKeyResult, type DigestState } from "./digest";

const now = new Date("2026-12-07T08:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);

function kr(over: Partial<DigestKeyResult> & { id: string }): DigestKeyResult {
  return {
    title: `KR ${over.id}`,
    type: "increase_to",
    startValue: 0,
    targetValue: 100,
    objectiveId: `o-${over.id}`,
    objectiveTitle: "Grow",
    teamName: "Sales",
    ownerName: "Ana",
    lastCheckInAt: daysAgo(2),
    current: { value: 50, confidence: 7 },
    atWeekStart: { value: 50, confidence: 7 },
    ...over,
  };
}

function state(over: Partial<DigestState>): DigestState {
  return {
    periodKey: "2026-W50",
    now,
    expectedAtWeekStart: 0.5,
    expectedNow: 0.55,
    teamNames: ["Sales"],
    checkIns: [],
    keyResults: [],
    ...over,
  };
}

const section = (d: ReturnType<typeof buildWeeklyDigest>, key: string) => {
  const found = d.sections.find((s) => s.key === key);
  if (!found) throw new Error(`no section ${key}`);
  return found;
};

describe("buildWeeklyDigest", () => {
  it("lists this week's check-ins, newest first", () => {
    const d = buildWeeklyDigest(
      state({
        checkIns: [
          {
            keyResultId: "a",
            keyResultTitle: "Old",
            objectiveId: "o1",
            objectiveTitle: "G",
            teamName: "Sales",
            authorName: "Ana",
            value: 10,
            confidence: 8,
            at: daysAgo(3),
          },
          {
            keyResultId: "b",
            keyResultTitle: "New",
            objectiveId: "o2",
            objectiveTitle: "G",
            teamName: "Sales",
            authorName: "Ben",
            value: 12.5,
            confidence: 6,
            at: daysAgo(1),
          },
        ],
      }),
    );
    expect(section(d, "check_ins").items.map((i) => i.title)).toEqual(["New", "Old"]);
    expect(section(d, "check_ins").items[0]).toEqual({
      title: "New",
      detail: "Ben checked in 12.5 (confidence 6/10) · Sales",
      link: "/objectives/o2",
    });
    expect(d.summary.checkIns).toBe(2);
  });

  it("names what turned at risk or off track since the week began, not what already was", () => {
    const d = buildWeeklyDigest(
      state({
        keyResults: [
          kr({ id: "steady" }), // 0.5 vs 0.55 expected: on track both times
          kr({ id: "slipped", current: { value: 30, confidence: 7 } }), // now −0.25: at risk
          kr({ id: "crashed", current: { value: 10, confidence: 7 } }), // now −0.45: off track
          kr({ id: "already", atWeekStart: { value: 25, confidence: 7 }, current: { value: 30, confidence: 7 } }), // at risk both times
          kr({ id: "doubt", current: { value: 55, confidence: 2 } }), // on track but low confidence: at risk
          kr({ id: "first", atWeekStart: null, current: { value: 5, confidence: 5 }, lastCheckInAt: daysAgo(1) }),
          kr({ id: "better", atWeekStart: { value: 10, confidence: 7 }, current: { value: 30, confidence: 7 } }), // off → at risk
        ],
      }),
    );
    const turned = section(d, "turned").items;
    expect(turned.map((i) => i.title)).toEqual(["KR crashed", "KR first", "KR doubt", "KR slipped"]);
    expect(turned[0]?.detail).toBe("Was on track, now off track · Ana · Sales");
    expect(turned[1]?.detail).toBe("First check-in, now off track · Ana · Sales");
  });

  it("lists stale key results (no check-in for over a week, or never), the longest silent first", () => {
    const d = buildWeeklyDigest(
      state({
        keyResults: [
          kr({ id: "fresh", lastCheckInAt: daysAgo(6) }),
          kr({ id: "eight", lastCheckInAt: daysAgo(8) }),
          kr({ id: "never", lastCheckInAt: null, current: null, atWeekStart: null }),
          kr({ id: "twenty", lastCheckInAt: daysAgo(20) }),
        ],
      }),
    );
    const stale = section(d, "stale").items;
    expect(stale.map((i) => i.title)).toEqual(["KR never", "KR twenty", "KR eight"]);
    expect(stale[1]?.detail).toBe("No check-in for 20 days · Ana · Sales");
    expect(stale[0]?.detail).toBe("Never checked in · Ana · Sales");
  });

  it("an empty week gives empty sections with their sentences", () => {
    const d = buildWeeklyDigest(state({}));
    expect(d.summary).toEqual({ checkIns: 0, turned: 0, stale: 0 });
    expect(d.sections.map((s) => [s.key, s.items.length, s.empty.length > 0])).toEqual([
      ["check_ins", 0, true],
      ["turned", 0, true],
      ["stale", 0, true],
    ]);
  });

  it("caps each section and counts the rest", () => {
    const many = Array.from({ length: DIGEST_SECTION_LIMIT + 4 }, (_, i) => kr({ id: `s${i}`, lastCheckInAt: null }));
    const d = buildWeeklyDigest(state({ keyResults: many }));
    expect(section(d, "stale").items).toHaveLength(DIGEST_SECTION_LIMIT);
    expect(section(d, "stale").more).toBe(4);
    expect(d.summary.stale).toBe(DIGEST_SECTION_LIMIT + 4);
  });
});
