import { describe, expect, it } from "vitest";
import { indexScorecard, scoreScorecard } from "../scorecard/score-scorecard";
import { scorecardPart } from "./scorecard-part";

const Q3 = { start: "2026-07-01", end: "2026-09-30" };

const kpi = (id: string, strategicObjectiveId: string | null, goal = 100, redFlag = 70) => ({
  id,
  name: id,
  strategicObjectiveId,
  weight: 1,
  kind: "manual" as const,
  inputAId: null,
  inputBId: null,
  aggregation: "last" as const,
  frequency: "quarterly" as const,
  goal,
  redFlag,
});

/**
 * Financial: "grow" (KPI rev, 130 → score 10) and "cost" (KPI spend, 40 → 0);
 * Customer: "nps" (KPI nps, 85 → 5); goals 100, red flags 70; one unlinked KPI of each team.
 */
const scored = scoreScorecard(
  indexScorecard({
    perspectives: [
      { id: "fin", name: "Financial", weight: 1 },
      { id: "cus", name: "Customer", weight: 1 },
    ],
    objectives: [
      { id: "grow", name: "Grow", perspectiveId: "fin", weight: 1 },
      { id: "cost", name: "Cost", perspectiveId: "fin", weight: 1 },
      { id: "nps", name: "NPS", perspectiveId: "cus", weight: 1 },
    ],
    kpis: [kpi("rev", "grow"), kpi("spend", "cost"), kpi("nps-kpi", "nps"), kpi("ours", null), kpi("theirs", null)],
    actuals: [
      { kpiId: "rev", periodStart: "2026-07-01", value: 130 },
      { kpiId: "spend", periodStart: "2026-07-01", value: 40 },
      { kpiId: "nps-kpi", periodStart: "2026-07-01", value: 85 },
    ],
    targets: [],
  }),
  Q3,
  "2026-10-05",
);

describe("scorecardPart", () => {
  it("keeps the team's objectives whole, drops the rest, and scores perspectives over what is kept", () => {
    const part = scorecardPart(scored, { objectiveIds: new Set(["grow"]), kpiIds: new Set(["ours"]) });
    expect(part.perspectives.map((p) => p.id)).toEqual(["fin"]);
    const [fin] = part.perspectives;
    expect(fin?.objectives.map((o) => o.id)).toEqual(["grow"]);
    expect(fin?.objectives[0]?.kpis.map((k) => k.id)).toEqual(["rev"]);
    // Grow alone: 10, green — in the organization's scorecard Financial is (10 + 0) / 2 = 5.
    expect(scored.perspectives[0]?.score).toBeCloseTo(5);
    expect(fin?.score).toBeCloseTo(10);
    expect(fin?.status).toBe("green");
    expect(part.score).toBeCloseTo(10);
    expect(part.unlinkedKpis.map((k) => k.id)).toEqual(["ours"]);
  });

  it("takes in a strategic objective through a KPI the team owns", () => {
    const part = scorecardPart(scored, { objectiveIds: new Set(), kpiIds: new Set(["nps-kpi"]) });
    expect(part.perspectives.map((p) => p.id)).toEqual(["cus"]);
    expect(part.score).toBeCloseTo(5);
    expect(part.status).toBe("amber");
    expect(part.unlinkedKpis).toEqual([]);
  });

  it("is empty, with no score, for a team that has a hand in nothing", () => {
    const part = scorecardPart(scored, { objectiveIds: new Set(), kpiIds: new Set() });
    expect(part).toMatchObject({ perspectives: [], unlinkedKpis: [], score: null, status: "no_data", period: Q3 });
  });
});
