import Papa from "papaparse";
import { OBJECTIVE_LEVEL_LABELS, type ObjectiveLevel } from "../okr/objective";
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from "../okr/status";
import { isComputedKpi, type KpiDirection, type KpiKind } from "../scorecard/kpi-definition";
import type { KpiStatus } from "../scorecard/kpi-score";
import type { Period } from "../scorecard/periods";
import type { ScorecardResult, ScoredKpi } from "../scorecard/score-scorecard";
import { compareReviewRows, type ReviewRow, type ReviewRowDelta } from "./review-compare";
import {
  ACTION_STATUS_LABELS,
  type ActionStatus,
  REVIEW_SUBJECT_LABELS,
  type ReviewSubjectType,
} from "./review-status";

/** Bumped when the stored shape changes, so old reviews can still be read the way they were written. */
export const REVIEW_SNAPSHOT_FORMAT = 1;

export interface SnapshotKpi extends ScoredKpi {
  unit: string;
  direction: KpiDirection;
  /** Entered or computed: a computed ratio with the unit "%" is a fraction shown as a percentage. */
  kind: KpiKind;
}
export interface SnapshotObjective {
  id: string;
  name: string;
  perspectiveId: string;
  weight: number;
  score: number | null;
  status: KpiStatus;
  kpis: SnapshotKpi[];
}
export interface SnapshotPerspective {
  id: string;
  name: string;
  weight: number;
  score: number | null;
  status: KpiStatus;
  objectives: SnapshotObjective[];
}
/** The scorecard of the review's quarter, as `scoreScorecard` scored it, with each KPI's unit and direction. */
export interface SnapshotScorecard {
  period: Period;
  score: number | null;
  status: KpiStatus;
  perspectives: SnapshotPerspective[];
  unlinkedKpis: SnapshotKpi[];
}

/** One OKR objective of the cycle, its progress as the dashboard computed it. */
export interface SnapshotOkr {
  id: string;
  title: string;
  level: ObjectiveLevel;
  team: string | null;
  owner: string;
  /** Raw rolled-up progress (1 = 100 %); may exceed 1 or fall below 0. */
  progress: number;
  /** Expected by the moment the snapshot was taken (0–1). */
  expected: number;
  status: ProgressStatus;
  /**
   * The objective's grade when the snapshot was taken: the weighted mean of its key results'
   * grades (`objectiveGrade`); null with nothing to grade. Absent in snapshots taken before it was kept.
   */
  grade?: number | null;
}

/** Everything a review shows, frozen when it opened: later data changes never reach it. */
export interface ReviewSnapshot {
  format: typeof REVIEW_SNAPSHOT_FORMAT;
  /** ISO instant. */
  takenAt: string;
  period: Period;
  scorecard: SnapshotScorecard;
  okrs: SnapshotOkr[];
}

export interface KpiPresentation {
  unit: string;
  direction: KpiDirection;
  kind: KpiKind;
}

export interface ReviewSnapshotInput {
  takenAt: Date;
  scorecard: ScorecardResult;
  /** Unit, direction and kind per KPI id; a KPI missing here reads as unitless, higher-is-better and entered. */
  kpis: ReadonlyMap<string, KpiPresentation>;
  okrs: readonly SnapshotOkr[];
}

/** The snapshot of a review: the scored scorecard with each KPI's presentation, and the cycle's OKRs. */
export function buildReviewSnapshot(input: ReviewSnapshotInput): ReviewSnapshot {
  const kpi = (k: ScoredKpi): SnapshotKpi => {
    const facts = input.kpis.get(k.id);
    return {
      ...k,
      unit: facts?.unit ?? "",
      direction: facts?.direction ?? "higher_is_better",
      kind: facts?.kind ?? "manual",
    };
  };
  const { scorecard } = input;
  return {
    format: REVIEW_SNAPSHOT_FORMAT,
    takenAt: input.takenAt.toISOString(),
    period: { ...scorecard.period },
    scorecard: {
      period: { ...scorecard.period },
      score: scorecard.score,
      status: scorecard.status,
      perspectives: scorecard.perspectives.map((p) => ({
        id: p.id,
        name: p.name,
        weight: p.weight,
        score: p.score,
        status: p.status,
        objectives: p.objectives.map((o) => ({
          id: o.id,
          name: o.name,
          perspectiveId: o.perspectiveId,
          weight: o.weight,
          score: o.score,
          status: o.status,
          kpis: o.kpis.map(kpi),
        })),
      })),
      unlinkedKpis: scorecard.unlinkedKpis.map(kpi),
    },
    okrs: input.okrs.map((o) => ({ ...o })),
  };
}

/** A row of the snapshot, flat: for comparing reviews, the CSV and the print page. */
export interface ReviewSnapshotRow extends ReviewRow {
  /** The perspective the row sits in; empty for the whole scorecard, OKRs and unlinked KPIs. */
  perspective: string;
  actual: number | null;
  goal: number | null;
  redFlag: number | null;
  unit: string;
  /** How the KPI's numbers read (see `formatKpiValue`); "manual" for rows that are not KPIs. */
  kpiKind: KpiKind;
  /** The subject commentary and actions attach to; null for rows that take none (scorecard, OKRs). */
  subjectType: ReviewSubjectType | null;
}

/**
 * The snapshot flattened in reading order: the scorecard, then each perspective
 * followed by its objectives, each followed by its KPIs; unlinked KPIs; then OKRs
 * (score = progress, status = progress status).
 */
export function reviewRows(snapshot: ReviewSnapshot): ReviewSnapshotRow[] {
  const { scorecard } = snapshot;
  const none = { actual: null, goal: null, redFlag: null, unit: "", kpiKind: "manual" as const };
  const kpiRow = (k: SnapshotKpi, perspective: string): ReviewSnapshotRow => ({
    kind: "kpi",
    id: k.id,
    name: k.name,
    perspective,
    score: k.score,
    status: k.status,
    actual: k.actual,
    goal: k.goal,
    redFlag: k.redFlag,
    unit: k.unit,
    kpiKind: k.kind ?? "manual",
    subjectType: "kpi",
  });
  const rows: ReviewSnapshotRow[] = [
    {
      kind: "scorecard",
      id: "scorecard",
      name: "Scorecard",
      perspective: "",
      score: scorecard.score,
      status: scorecard.status,
      ...none,
      subjectType: null,
    },
  ];
  for (const p of scorecard.perspectives) {
    rows.push({
      kind: "perspective",
      id: p.id,
      name: p.name,
      perspective: p.name,
      score: p.score,
      status: p.status,
      ...none,
      subjectType: "perspective",
    });
    for (const o of p.objectives) {
      rows.push({
        kind: "objective",
        id: o.id,
        name: o.name,
        perspective: p.name,
        score: o.score,
        status: o.status,
        ...none,
        subjectType: "objective",
      });
      for (const k of o.kpis) rows.push(kpiRow(k, p.name));
    }
  }
  for (const k of scorecard.unlinkedKpis) rows.push(kpiRow(k, ""));
  for (const o of snapshot.okrs) {
    rows.push({
      kind: "okr",
      id: o.id,
      name: o.title,
      perspective: "",
      score: o.progress,
      status: o.status,
      actual: o.progress,
      goal: o.expected,
      redFlag: null,
      unit: "",
      kpiKind: "manual",
      subjectType: null,
    });
  }
  return rows;
}

/** The rows that carry a score on the 0–10 scale and persist across cycles: what a comparison compares. */
export const scoredReviewRows = (snapshot: ReviewSnapshot): ReviewSnapshotRow[] =>
  reviewRows(snapshot).filter((r) => r.kind !== "okr");

/** The name of a perspective, objective or KPI in the snapshot; null when the snapshot does not hold it. */
export function snapshotSubjectName(snapshot: ReviewSnapshot, type: ReviewSubjectType, id: string): string | null {
  const row = reviewRows(snapshot).find((r) => r.subjectType === type && r.id === id);
  return row ? row.name : null;
}

export interface ReviewCommentForExport {
  subjectType: ReviewSubjectType;
  subjectId: string;
  body: string;
}
export interface ReviewActionForExport {
  subjectType: ReviewSubjectType;
  subjectName: string;
  title: string;
  owner: { name: string };
  dueOn: string;
  status: ActionStatus;
}

const KPI_STATUS_TEXT: Record<KpiStatus, string> = { green: "Green", amber: "Amber", red: "Red", no_data: "No data" };
const ROW_TYPE_TEXT: Record<ReviewRow["kind"], string> = {
  scorecard: "Scorecard",
  perspective: "Perspective",
  objective: "Strategic objective",
  kpi: "KPI",
  okr: "OKR objective",
};

const round = (n: number | null, digits: number) =>
  n === null || !Number.isFinite(n) ? "" : Math.round(n * 10 ** digits) / 10 ** digits;
const percent = (n: number) => `${Math.round(n * 100)}%`;

/** In the unit the CSV names, as `formatKpiValue` shows it: a computed "%" KPI is a fraction, written as a percentage. */
function inShownUnit(row: ReviewSnapshotRow, value: number | null): number | null {
  if (value === null) return null;
  return row.unit.trim() === "%" && isComputedKpi(row.kpiKind) ? value * 100 : value;
}

function statusText(row: ReviewSnapshotRow): string {
  if (row.kind === "okr") return PROGRESS_STATUS_LABELS[row.status as ProgressStatus] ?? String(row.status);
  return KPI_STATUS_TEXT[row.status as KpiStatus] ?? String(row.status);
}

/**
 * The review as CSV (RFC 4180, via papaparse): one row per scorecard,
 * perspective, strategic objective, KPI and OKR objective with its numbers,
 * status and commentary; then a section of corrective actions. Cells that a
 * spreadsheet would run as formulas are escaped.
 */
export function reviewCsv(
  snapshot: ReviewSnapshot,
  comments: readonly ReviewCommentForExport[],
  actions: readonly ReviewActionForExport[],
): string {
  const commentary = new Map(comments.map((c) => [`${c.subjectType}|${c.subjectId}`, c.body]));
  const lines: (string | number)[][] = [
    ["Type", "Perspective", "Name", "Actual", "Goal", "Red flag", "Unit", "Score", "Status", "Commentary"],
  ];
  for (const row of reviewRows(snapshot)) {
    const okr = row.kind === "okr";
    lines.push([
      okr ? `${ROW_TYPE_TEXT.okr} (${OBJECTIVE_LEVEL_LABELS[okrLevel(snapshot, row.id)]})` : ROW_TYPE_TEXT[row.kind],
      row.perspective,
      row.name,
      okr ? percent(row.actual ?? 0) : round(inShownUnit(row, row.actual), 4),
      okr ? `expected ${percent(row.goal ?? 0)}` : round(inShownUnit(row, row.goal), 4),
      round(inShownUnit(row, row.redFlag), 4),
      row.unit,
      okr ? "" : round(row.score, 2),
      statusText(row),
      row.subjectType ? (commentary.get(`${row.subjectType}|${row.id}`) ?? "") : "",
    ]);
  }
  lines.push([]);
  lines.push(["Corrective actions"]);
  lines.push(["About", "Subject", "Action", "Owner", "Due", "Status"]);
  for (const a of actions) {
    lines.push([
      REVIEW_SUBJECT_LABELS[a.subjectType],
      a.subjectName,
      a.title,
      a.owner.name,
      a.dueOn,
      ACTION_STATUS_LABELS[a.status],
    ]);
  }
  return Papa.unparse(lines, { escapeFormulae: true, newline: "\r\n" });
}

function okrLevel(snapshot: ReviewSnapshot, id: string): ObjectiveLevel {
  return snapshot.okrs.find((o) => o.id === id)?.level ?? "company";
}

export interface SnapshotComparison {
  /** Every scored row of the current review against the previous one. */
  deltas: ReviewRowDelta[];
  /** Red now, not red (or absent) before. */
  newRed: ReviewRowDelta[];
  /** Red before, no longer red now. */
  resolvedRed: ReviewRowDelta[];
}

/**
 * Compares two reviews' scorecards row by row. OKR objectives are left out:
 * they belong to one cycle, so they never meet their counterpart in another review.
 */
export function compareSnapshots(current: ReviewSnapshot, previous: ReviewSnapshot): SnapshotComparison {
  const deltas = compareReviewRows(scoredReviewRows(current), scoredReviewRows(previous));
  return {
    deltas,
    newRed: deltas.filter((d) => d.newRed),
    resolvedRed: deltas.filter((d) => d.resolvedRed),
  };
}
