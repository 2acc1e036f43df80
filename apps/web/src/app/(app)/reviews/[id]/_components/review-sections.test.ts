import { describe, expect, it } from "vitest";
import type { ReviewOutline } from "~/components/review/types";
import { FIRST_KPIS, FIRST_OBJECTIVES, openAtFirst } from "./review-sections";

/** An outline of `perspectives` perspectives, each of `objectives` objectives of `kpis` KPIs, and `unlinked` more. */
function outline(perspectives: number, objectives: number, kpis: number, unlinked = 0): ReviewOutline {
  return {
    takenAt: "2026-10-01T00:00:00.000Z",
    period: { start: "2026-10-01", end: "2026-12-31" },
    scorecard: {
      period: { start: "2026-10-01", end: "2026-12-31" },
      score: null,
      status: "no_data",
      perspectives: Array.from({ length: perspectives }, (_, p) => ({
        id: `p${p}`,
        name: `P${p}`,
        weight: 1,
        score: null,
        status: "no_data" as const,
        objectives: Array.from({ length: objectives }, (_, o) => ({
          id: `p${p}o${o}`,
          name: `O${o}`,
          perspectiveId: `p${p}`,
          weight: 1,
          score: null,
          status: "no_data" as const,
          kpiCount: kpis,
        })),
      })),
      unlinkedKpiIds: Array.from({ length: unlinked }, (_, k) => `u${k}`),
    },
    okrCount: 0,
  } as ReviewOutline;
}

describe("openAtFirst", () => {
  it("opens everything of a review that fits: a small one reads as it always did", () => {
    const open = openAtFirst(outline(4, 2, 2, 3));
    expect([...open.perspectives]).toEqual(["p0", "p1", "p2", "p3"]);
    expect(open.objectives.size).toBe(9);
    expect(open.objectives.has(null)).toBe(true);
  });

  it("opens a company's review as far as the budgets reach, in reading order", () => {
    // 4 perspectives of 25 objectives of 20 KPIs, 40 KPIs linked to none: the full-size review.
    const open = openAtFirst(outline(4, 25, 20, 40));
    expect([...open.perspectives]).toEqual(["p0"]);
    expect([...open.objectives]).toEqual(["p0o0"]);
    expect(FIRST_KPIS).toBeLessThan(40);
  });

  it("always opens the first perspective and its first objective, however large", () => {
    const open = openAtFirst(outline(2, FIRST_OBJECTIVES + 5, FIRST_KPIS + 1));
    expect([...open.perspectives]).toEqual(["p0"]);
    expect([...open.objectives]).toEqual(["p0o0"]);
  });

  it("keeps the KPIs outside the strategy closed unless every perspective is open and they fit too", () => {
    expect(openAtFirst(outline(1, 1, 1, FIRST_KPIS)).objectives.has(null)).toBe(false);
    expect(openAtFirst(outline(1, 1, 1, FIRST_KPIS - 1)).objectives.has(null)).toBe(true);
  });
});
