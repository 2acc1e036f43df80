import { describe, expect, it } from "vitest";
import type { KpiForScoring, ScorecardData } from "./score-scorecard";
import { indexScorecard, scoreScorecard, selectableQuarters, targetShareLabel } from "./score-scorecard";

const Q3 = { start: "2026-07-01", end: "2026-09-30" };
/** A day inside Q3, while the quarter is open. */
const IN_Q3 = "2026-09-15";

const kpi = (over: Partial<KpiForScoring> & Pick<KpiForScoring, "id">): KpiForScoring => ({
  name: over.id,
  strategicObjectiveId: "growth",
  weight: 1,
  kind: "manual",
  inputAId: null,
  inputBId: null,
  aggregation: "sum",
  frequency: "monthly",
  goal: 100,
  redFlag: 80,
  ...over,
});

function data(over: Partial<ScorecardData> = {}): ScorecardData {
  return {
    perspectives: [
      { id: "financial", name: "Financial", weight: 2 },
      { id: "customer", name: "Customer", weight: 1 },
      { id: "learning", name: "Learning & Growth", weight: 1 },
    ],
    objectives: [
      { id: "growth", name: "Grow revenue", perspectiveId: "financial", weight: 1 },
      { id: "loyal", name: "Keep customers", perspectiveId: "customer", weight: 1 },
    ],
    kpis: [
      // Revenue: monthly, summed over the quarter: 30 + 30 + 30 = 90 → 5.0
      kpi({ id: "revenue" }),
      // Churn: lower is better, averaged: (3 + 4) / 2 = 3.5 with goal 2, red flag 5 → 5.0
      kpi({ id: "churn", strategicObjectiveId: "loyal", aggregation: "average", goal: 2, redFlag: 5 }),
      // NPS: no data this quarter → left out, not zero
      kpi({ id: "nps", strategicObjectiveId: "loyal", aggregation: "last", goal: 50, redFlag: 30, weight: 5 }),
      kpi({ id: "visitors", strategicObjectiveId: null }),
      kpi({ id: "trials", strategicObjectiveId: null }),
      // Conversion: Σ trials ÷ Σ visitors = 60 / 1200 = 5 %, goal 6 %, red flag 4 % → 5.0
      kpi({
        id: "conversion",
        strategicObjectiveId: "growth",
        kind: "ratio",
        inputAId: "trials",
        inputBId: "visitors",
        goal: 0.06,
        redFlag: 0.04,
        weight: 2,
      }),
    ],
    actuals: [
      { kpiId: "revenue", periodStart: "2026-07-01", value: 30 },
      { kpiId: "revenue", periodStart: "2026-08-01", value: 30 },
      { kpiId: "revenue", periodStart: "2026-09-01", value: 30 },
      { kpiId: "revenue", periodStart: "2026-10-01", value: 500 }, // next quarter: ignored
      { kpiId: "churn", periodStart: "2026-07-01", value: 3 },
      { kpiId: "churn", periodStart: "2026-09-01", value: 4 },
      { kpiId: "nps", periodStart: "2026-04-01", value: 60 }, // last quarter only
      { kpiId: "visitors", periodStart: "2026-07-01", value: 200 },
      { kpiId: "visitors", periodStart: "2026-08-01", value: 1000 },
      { kpiId: "trials", periodStart: "2026-07-01", value: 2 },
      { kpiId: "trials", periodStart: "2026-08-01", value: 58 },
    ],
    targets: [],
    ...over,
  };
}

describe("scoreScorecard", () => {
  it("scores KPIs by goal / red flag and rolls weighted means up, leaving missing data out", () => {
    const result = scoreScorecard(indexScorecard(data()), Q3, IN_Q3);
    const financial = result.perspectives.find((p) => p.id === "financial");
    const customer = result.perspectives.find((p) => p.id === "customer");
    const growth = financial?.objectives[0];
    const loyal = customer?.objectives[0];

    expect(growth?.kpis.find((k) => k.id === "revenue")).toMatchObject({ actual: 90, status: "amber" });
    expect(growth?.kpis.find((k) => k.id === "revenue")?.score).toBeCloseTo(5, 9);
    const conversion = growth?.kpis.find((k) => k.id === "conversion");
    expect(conversion?.actual).toBeCloseTo(0.05, 12); // not the mean of 1 % and 5.8 %
    expect(conversion?.score).toBeCloseTo(5, 9);
    expect(growth?.score).toBeCloseTo(5, 9);

    expect(loyal?.kpis.find((k) => k.id === "churn")?.score).toBeCloseTo(5, 9);
    expect(loyal?.kpis.find((k) => k.id === "nps")).toMatchObject({ actual: null, score: null, status: "no_data" });
    expect(loyal?.score).toBeCloseTo(5, 9); // NPS's weight 5 does not drag it to zero

    // A perspective without objectives has no data and stays out of the scorecard's mean.
    expect(result.perspectives.find((p) => p.id === "learning")).toMatchObject({ score: null, status: "no_data" });
    expect(result.score).toBeCloseTo(5, 9);
    expect(result.unlinkedKpis.map((k) => k.id).sort()).toEqual(["trials", "visitors"]);
  });

  it("weights perspectives: (2 · 10 + 1 · 5) / 3", () => {
    const d = data();
    const result = scoreScorecard(
      indexScorecard({
        ...d,
        actuals: [
          ...d.actuals.filter((a) => a.kpiId !== "revenue"),
          { kpiId: "revenue", periodStart: "2026-07-01", value: 200 },
        ],
        kpis: d.kpis.filter((k) => k.id !== "conversion"),
      }),
      Q3,
      IN_Q3,
    );
    expect(result.perspectives[0]?.score).toBe(10);
    expect(result.score).toBeCloseTo((2 * 10 + 1 * 5) / 3, 9);
  });

  it("holds a summed KPI in an open quarter to the share of its targets for the periods reported: 2 of 3 months → ⅔ of goal and red flag", () => {
    const d = data();
    const twoMonths = d.actuals.filter((a) => !(a.kpiId === "revenue" && a.periodStart === "2026-09-01"));
    const result = scoreScorecard(indexScorecard({ ...d, actuals: twoMonths }), Q3, IN_Q3);
    const revenue = result.perspectives[0]?.objectives[0]?.kpis.find((k) => k.id === "revenue");
    // 60 against goal 66.67 / red flag 53.33 → 10·(60 − 40)/40 = 5.0, as 90 against 100 / 80 for the whole quarter.
    expect(revenue).toMatchObject({ actual: 60, targetShare: { reported: 2, total: 3, basis: "to_date" } });
    expect(revenue?.goal).toBeCloseTo(200 / 3, 9);
    expect(revenue?.redFlag).toBeCloseTo(160 / 3, 9);
    expect(revenue?.score).toBeCloseTo(5, 9);
    // Averages and computed KPIs need no share: a rate of two months compares with the quarter's goal as it is.
    const churn = result.perspectives[1]?.objectives[0]?.kpis.find((k) => k.id === "churn");
    expect(churn).toMatchObject({ goal: 2, redFlag: 5, targetShare: null });
  });

  describe("a closed quarter with months missing", () => {
    // Sales: monthly, summed, goal 900 and red flag 720 a quarter; only July reported, 700.
    const sales = (): ScorecardData => ({
      perspectives: [{ id: "financial", name: "Financial", weight: 1 }],
      objectives: [{ id: "growth", name: "Grow revenue", perspectiveId: "financial", weight: 1 }],
      kpis: [kpi({ id: "sales", goal: 900, redFlag: 720 })],
      actuals: [{ kpiId: "sales", periodStart: "2026-07-01", value: 700 }],
      targets: [],
    });

    it("while open, 700 of a third of the goal (300 / 240) scores 10.0: the quarter to date", () => {
      const result = scoreScorecard(indexScorecard(sales()), Q3, "2026-07-31");
      const k = result.perspectives[0]?.objectives[0]?.kpis[0];
      expect(k).toMatchObject({ actual: 700, score: 10, status: "green" });
      expect(k?.goal).toBeCloseTo(300, 9);
      expect(k?.targetShare).toEqual({ reported: 1, total: 3, basis: "to_date" });
    });

    it("once ended, 700 is held to the full 900 / 720: 10·(700 − 540)/540 = 2.96, red, and so are its objective and the scorecard", () => {
      const result = scoreScorecard(indexScorecard(sales()), Q3, "2026-10-01");
      const objective = result.perspectives[0]?.objectives[0];
      const k = objective?.kpis[0];
      expect(k).toMatchObject({ actual: 700, goal: 900, redFlag: 720, status: "red" });
      expect(k?.score).toBeCloseTo((10 * 160) / 540, 9);
      expect(k?.targetShare).toEqual({ reported: 1, total: 3, basis: "full" });
      expect(objective?.score).toBeCloseTo((10 * 160) / 540, 9);
      expect(result.score).toBeCloseTo((10 * 160) / 540, 9);
      expect(result.status).toBe("red");
    });

    it("the quarter's last day still counts as open; a fully reported quarter carries no share either way", () => {
      const lastDay = scoreScorecard(indexScorecard(sales()), Q3, "2026-09-30");
      expect(lastDay.perspectives[0]?.objectives[0]?.kpis[0]?.targetShare?.basis).toBe("to_date");
      const d = sales();
      const full = scoreScorecard(
        indexScorecard({
          ...d,
          actuals: [
            ...d.actuals,
            { kpiId: "sales", periodStart: "2026-08-01", value: 100 },
            { kpiId: "sales", periodStart: "2026-09-01", value: 100 },
          ],
        }),
        Q3,
        "2027-01-01",
      );
      // 900 against 900 / 720 → the goal, 6.67
      expect(full.perspectives[0]?.objectives[0]?.kpis[0]).toMatchObject({ goal: 900, targetShare: null });
      expect(full.score).toBeCloseTo(20 / 3, 9);
    });

    it("labels the two cases apart", () => {
      expect(targetShareLabel({ reported: 1, total: 3, basis: "full" }, "monthly")).toBe("1 of 3 months reported");
      expect(targetShareLabel({ reported: 2, total: 3, basis: "to_date" }, "monthly")).toBe("to date: 2 of 3 months");
      // A snapshot frozen before the rule carries no basis: it was scored to date.
      expect(targetShareLabel({ reported: 2, total: 13 }, "weekly")).toBe("to date: 2 of 13 weeks");
      expect(targetShareLabel(null)).toBeNull();
    });
  });

  it("uses a period's goal / red-flag override when there is one", () => {
    const result = scoreScorecard(
      indexScorecard(data({ targets: [{ kpiId: "revenue", periodStart: "2026-07-01", goal: 90, redFlag: 60 }] })),
      Q3,
      IN_Q3,
    );
    const revenue = result.perspectives[0]?.objectives[0]?.kpis.find((k) => k.id === "revenue");
    expect(revenue).toMatchObject({ goal: 90, redFlag: 60, status: "green" });
    expect(revenue?.score).toBeCloseTo(6.67, 2);
  });

  it("leaves a computed KPI blank when an input is blank, and a computed input counts as blank", () => {
    const d = data();
    const blank = scoreScorecard(
      indexScorecard({ ...d, actuals: d.actuals.filter((a) => a.kpiId !== "visitors") }),
      Q3,
      IN_Q3,
    );
    expect(blank.perspectives[0]?.objectives[0]?.kpis.find((k) => k.id === "conversion")?.actual).toBeNull();

    const nested = scoreScorecard(
      indexScorecard({
        ...d,
        kpis: [...d.kpis, kpi({ id: "odd", kind: "roi", inputAId: "conversion", inputBId: "revenue" })],
      }),
      Q3,
      IN_Q3,
    );
    expect(nested.perspectives[0]?.objectives[0]?.kpis.find((k) => k.id === "odd")?.status).toBe("no_data");
  });
});

describe("selectableQuarters", () => {
  it("lists the quarters holding actuals and today's, newest first", () => {
    const quarters = selectableQuarters(
      data().actuals.map((a) => a.periodStart),
      "2027-01-15",
    );
    expect(quarters.map((q) => q.label)).toEqual(["Q1 2027", "Q4 2026", "Q3 2026", "Q2 2026"]);
    expect(quarters[1]).toMatchObject({ start: "2026-10-01", end: "2026-12-31" });
  });
});

describe("campaign-fed KPIs (ADR 0020)", () => {
  const fed = (id: string) => kpi({ id, strategicObjectiveId: null, kind: "campaigns", goal: 3000, redFlag: 2000 });
  const index = indexScorecard({
    perspectives: [],
    objectives: [],
    kpis: [
      fed("spend"),
      fed("revenue"),
      kpi({
        id: "roi",
        strategicObjectiveId: null,
        kind: "roi",
        inputAId: "revenue",
        inputBId: "spend",
        goal: 2,
        redFlag: 1,
      }),
    ],
    // Entered before the KPI was fed by campaigns: kept, not read.
    actuals: [{ kpiId: "spend", periodStart: "2026-07-01", value: 99_999 }],
    campaignActuals: [
      { kpiId: "spend", periodStart: "2026-07-01", value: 1000 },
      { kpiId: "spend", periodStart: "2026-08-01", value: 500 },
      { kpiId: "revenue", periodStart: "2026-07-01", value: 2500 },
      { kpiId: "revenue", periodStart: "2026-08-01", value: 2000 },
    ],
    targets: [],
  });

  it("sums its campaign values like an entered summed KPI, held to the months with results while open", () => {
    const { unlinkedKpis } = scoreScorecard(index, Q3, IN_Q3);
    const spend = unlinkedKpis.find((k) => k.id === "spend");
    expect(spend?.actual).toBe(1500);
    expect(spend?.targetShare).toEqual({ reported: 2, total: 3, basis: "to_date" });
  });

  it("feeds a computed ROI: (Σ revenue − Σ spend) ÷ Σ spend", () => {
    const roi = scoreScorecard(index, Q3, IN_Q3).unlinkedKpis.find((k) => k.id === "roi");
    expect(roi?.actual).toBe((4500 - 1500) / 1500);
  });
});
