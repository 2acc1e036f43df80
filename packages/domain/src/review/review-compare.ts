import type { KpiStatus } from "../scorecard/kpi-score";

/** One scored row of a review snapshot, identified across reviews by kind and id. */
export interface ReviewRow {
  kind: "scorecard" | "perspective" | "objective" | "kpi" | "okr";
  id: string;
  name: string;
  score: number | null;
  status: KpiStatus | string;
}

export interface ReviewRowDelta {
  kind: ReviewRow["kind"];
  id: string;
  name: string;
  previousScore: number | null;
  currentScore: number | null;
  /** current − previous; null when either is missing. */
  delta: number | null;
  previousStatus: string | null;
  currentStatus: string | null;
  /** Red now and not red before (or new): needs attention. */
  newRed: boolean;
  /** Red before and no longer red. */
  resolvedRed: boolean;
}

/** Deltas between two reviews' rows, matched by kind and id; rows only in the previous review are dropped. */
export function compareReviewRows(current: readonly ReviewRow[], previous: readonly ReviewRow[]): ReviewRowDelta[] {
  const before = new Map(previous.map((r) => [`${r.kind}|${r.id}`, r]));
  return current.map((row) => {
    const prior = before.get(`${row.kind}|${row.id}`);
    const previousScore = prior?.score ?? null;
    const delta = row.score !== null && previousScore !== null ? row.score - previousScore : null;
    const wasRed = prior?.status === "red";
    const isRed = row.status === "red";
    return {
      kind: row.kind,
      id: row.id,
      name: row.name,
      previousScore,
      currentScore: row.score,
      delta,
      previousStatus: prior ? String(prior.status) : null,
      currentStatus: String(row.status),
      newRed: isRed && !wasRed,
      resolvedRed: wasRed && !isRed,
    };
  });
}
