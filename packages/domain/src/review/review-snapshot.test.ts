import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { indexScorecard, scoreScorecard } from "../scorecard/score-scorecard";
import { compareReviewRows } from "./review-compare";
import {
  buildReviewSnapshot,
  compareSnapshots,
  type ReviewSnapshot,
  reviewCsv,
  reviewRows,
  scoredReviewRows,
  snapshotSubjectName,
} from "./review-snapshot";

const Q3 = { start: "2026-07-01", end: "2026-09-30" };

/** Revenue (higher is better, goal 100 / red flag 80) and churn (lower is better, goal 2 / red flag 5). */
function scorecard(actuals: { revenue?: number; churn?: number }) {
  const kpi = (id: string, name: string, goal: number, redFlag: number, strategicObjectiveId: string | null) => ({
    id,
    name,
    strategicObjectiveId,
    weight: 1,
    kind: "manual" as const,
    inputAId: null,
    inputBId: null,
    aggregation: "sum" as const,
    frequency: "quarterly" as const,
    goal,
    redFlag,
  });
  const values = [
    ...(actuals.revenue === undefined ? [] : [{ kpiId: "k-rev", periodStart: "2026-08-01", value: actuals.revenue }]),
    ...(actuals.churn === undefined ? [] : [{ kpiId: "k-churn", periodStart: "2026-09-01", value: actuals.churn }]),
  ];
  return scoreScorecard(
    indexScorecard({
      perspectives: [{ id: "p-fin", name: "Financial", weight: 1 }],
      objectives: [{ id: "o-grow", name: "Grow revenue", perspectiveId: "p-fin", weight: 1 }],
      kpis: [kpi("k-rev", "Revenue", 100, 80, "o-grow"), kpi("k-churn", "Churn", 2, 5, null)],
      actuals: values,
      targets: [],
    }),
    Q3,
    "2026-09-15",
  );
}

function snapshot(actuals: { revenue?: number; churn?: number }): ReviewSnapshot {
  return buildReviewSnapshot({
    takenAt: new Date("2026-10-05T09:00:00Z"),
    scorecard: scorecard(actuals),
    kpis: new Map([
      ["k-rev", { unit: "kEUR", direction: "higher_is_better" as const, kind: "manual" as const }],
      ["k-churn", { unit: "%", direction: "lower_is_better" as const, kind: "manual" as const }],
    ]),
    okrs: [
      {
        id: "okr-1",
        title: "Win the mid-market",
        level: "company",
        team: null,
        owner: "Priya Nair",
        progress: 0.625,
        expected: 1,
        status: "off_track",
      },
    ],
  });
}

describe("buildReviewSnapshot", () => {
  it("keeps the scored scorecard, adds unit and direction to every KPI, and the OKRs", () => {
    const s = snapshot({ revenue: 90, churn: 3.5 });
    expect(s.takenAt).toBe("2026-10-05T09:00:00.000Z");
    expect(s.period).toEqual(Q3);
    const revenue = s.scorecard.perspectives[0]?.objectives[0]?.kpis[0];
    expect(revenue).toMatchObject({ id: "k-rev", actual: 90, goal: 100, redFlag: 80, unit: "kEUR", status: "amber" });
    expect(revenue?.score).toBeCloseTo(5, 9);
    expect(s.scorecard.unlinkedKpis[0]).toMatchObject({ id: "k-churn", unit: "%", direction: "lower_is_better" });
    expect(s.okrs).toHaveLength(1);
  });

  it("is plain JSON: storing and reading it back changes nothing", () => {
    const s = snapshot({ revenue: 90 });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it("keeps missing data missing", () => {
    const s = snapshot({});
    expect(s.scorecard.score).toBeNull();
    expect(s.scorecard.status).toBe("no_data");
    expect(s.scorecard.perspectives[0]?.objectives[0]?.kpis[0]?.actual).toBeNull();
  });
});

describe("reviewRows", () => {
  it("flattens in reading order: scorecard, perspective, objective, its KPIs, unlinked KPIs, OKRs", () => {
    const rows = reviewRows(snapshot({ revenue: 70, churn: 3.5 }));
    expect(rows.map((r) => `${r.kind}:${r.name}`)).toEqual([
      "scorecard:Scorecard",
      "perspective:Financial",
      "objective:Grow revenue",
      "kpi:Revenue",
      "kpi:Churn",
      "okr:Win the mid-market",
    ]);
    expect(rows[3]).toMatchObject({ perspective: "Financial", actual: 70, status: "red", subjectType: "kpi" });
    expect(rows[4]).toMatchObject({ perspective: "", subjectType: "kpi" });
    expect(rows[5]).toMatchObject({ score: 0.625, status: "off_track", subjectType: null });
  });

  it("feeds compareReviewRows: deltas, new red and resolved red", () => {
    const before = scoredReviewRows(snapshot({ revenue: 100, churn: 6 }));
    const after = scoredReviewRows(snapshot({ revenue: 70, churn: 2 }));
    const deltas = compareReviewRows(after, before);
    const revenue = deltas.find((d) => d.id === "k-rev");
    // 70 scores 10·(70 − 60)/60 = 1.67, 100 scores 6.67
    expect(revenue?.delta).toBeCloseTo(-5, 9);
    expect(revenue).toMatchObject({ previousStatus: "green", currentStatus: "red", newRed: true, resolvedRed: false });
    expect(deltas.find((d) => d.id === "k-churn")).toMatchObject({ newRed: false, resolvedRed: true });
    expect(deltas.some((d) => d.kind === "okr")).toBe(false);
  });
});

describe("compareSnapshots", () => {
  it("lists red items new and resolved, and leaves OKRs out", () => {
    const result = compareSnapshots(snapshot({ revenue: 70, churn: 2 }), snapshot({ revenue: 100, churn: 6 }));
    // The objective, its perspective and the scorecard turn red with their only KPI.
    expect(result.newRed.map((d) => d.name)).toEqual(["Scorecard", "Financial", "Grow revenue", "Revenue"]);
    expect(result.resolvedRed.map((d) => d.name)).toEqual(["Churn"]);
    expect(result.deltas.map((d) => d.kind)).toEqual(["scorecard", "perspective", "objective", "kpi", "kpi"]);
  });

  it("treats a KPI new since the previous review as new red when it is red", () => {
    const previous = buildReviewSnapshot({ ...emptyInput(), scorecard: scorecard({}) });
    previous.scorecard.perspectives = [];
    previous.scorecard.unlinkedKpis = [];
    const result = compareSnapshots(snapshot({ revenue: 70 }), previous);
    expect(result.newRed.map((d) => d.name)).toContain("Revenue");
    expect(result.deltas.find((d) => d.id === "k-rev")).toMatchObject({ previousScore: null, delta: null });
  });
});

const emptyInput = () => ({ takenAt: new Date("2026-07-03T00:00:00Z"), kpis: new Map(), okrs: [] });

describe("snapshotSubjectName", () => {
  it("names perspectives, objectives and KPIs in the snapshot, and nothing else", () => {
    const s = snapshot({});
    expect(snapshotSubjectName(s, "perspective", "p-fin")).toBe("Financial");
    expect(snapshotSubjectName(s, "objective", "o-grow")).toBe("Grow revenue");
    expect(snapshotSubjectName(s, "kpi", "k-churn")).toBe("Churn");
    expect(snapshotSubjectName(s, "kpi", "o-grow")).toBeNull();
    expect(snapshotSubjectName(s, "perspective", "okr-1")).toBeNull();
  });
});

describe("reviewCsv", () => {
  const csv = reviewCsv(
    snapshot({ revenue: 90, churn: 3.5 }),
    [
      { subjectType: "kpi", subjectId: "k-rev", body: 'Slow August, "one-off", see notes\nsecond line' },
      { subjectType: "perspective", subjectId: "p-fin", body: '=HYPERLINK("x")' },
    ],
    [
      {
        subjectType: "kpi",
        subjectName: "Revenue",
        title: "Re-price the starter plan",
        owner: { name: "Maya Chen" },
        dueOn: "2026-12-15",
        status: "in_progress",
      },
    ],
  );
  const parsed = Papa.parse<string[]>(csv).data;

  it("writes one row per scorecard, perspective, objective, KPI and OKR with numbers, status and commentary", () => {
    expect(parsed[0]).toEqual([
      "Type",
      "Perspective",
      "Name",
      "Actual",
      "Goal",
      "Red flag",
      "Unit",
      "Score",
      "Status",
      "Commentary",
    ]);
    expect(parsed[4]).toEqual([
      "KPI",
      "Financial",
      "Revenue",
      "90",
      "100",
      "80",
      "kEUR",
      "5",
      "Amber",
      'Slow August, "one-off", see notes\nsecond line',
    ]);
    expect(parsed[5]).toEqual(["KPI", "", "Churn", "3.5", "2", "5", "%", "5", "Amber", ""]);
    expect(parsed[6]).toEqual([
      "OKR objective (Company)",
      "",
      "Win the mid-market",
      "63%",
      "expected 100%",
      "",
      "",
      "",
      "Off track",
      "",
    ]);
  });

  it("writes a computed percentage KPI (a fraction) in percent, as the app shows it", () => {
    const ratio = buildReviewSnapshot({
      takenAt: new Date("2026-10-05T09:00:00Z"),
      scorecard: scorecard({ revenue: 0.5 }),
      kpis: new Map([["k-rev", { unit: "%", direction: "higher_is_better" as const, kind: "ratio" as const }]]),
      okrs: [],
    });
    const row = Papa.parse<string[]>(reviewCsv(ratio, [], [])).data.find((r) => r[2] === "Revenue");
    expect(row?.slice(3, 7)).toEqual(["50", "10000", "8000", "%"]);
  });

  it("escapes cells a spreadsheet would run as formulas", () => {
    expect(parsed[2]?.[9]).toBe('\'=HYPERLINK("x")');
  });

  it("ends with the corrective actions", () => {
    const at = parsed.findIndex((r) => r[0] === "Corrective actions");
    expect(at).toBeGreaterThan(6);
    expect(parsed[at + 1]).toEqual(["About", "Subject", "Action", "Owner", "Due", "Status"]);
    expect(parsed[at + 2]).toEqual([
      "KPI",
      "Revenue",
      "Re-price the starter plan",
      "Maya Chen",
      "2026-12-15",
      "In progress",
    ]);
  });
});
