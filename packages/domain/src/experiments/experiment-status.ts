// The life of an experiment: draft → running → stopped → concluded, and the decisions a conclusion records.

export const EXPERIMENT_STATUSES = ["draft", "running", "stopped", "concluded"] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

export const EXPERIMENT_STATUS_LABELS: Record<ExperimentStatus, string> = {
  draft: "Draft",
  running: "Running",
  stopped: "Stopped",
  concluded: "Concluded",
};

export const EXPERIMENT_DECISIONS = ["ship_winner", "keep_control", "inconclusive"] as const;
export type ExperimentDecision = (typeof EXPERIMENT_DECISIONS)[number];

export const EXPERIMENT_DECISION_LABELS: Record<ExperimentDecision, string> = {
  ship_winner: "Ship the winner",
  keep_control: "Keep control",
  inconclusive: "Inconclusive",
};

/** Where an experiment may go from each status; concluding goes through its own command (it needs a decision). */
const NEXT: Record<ExperimentStatus, readonly ExperimentStatus[]> = {
  draft: ["running"],
  running: ["stopped", "concluded"],
  stopped: ["running", "concluded"],
  concluded: [],
};

export function canMoveExperiment(from: ExperimentStatus, to: ExperimentStatus): boolean {
  return NEXT[from].includes(to);
}

export const EXPERIMENT_RESULT_SOURCES = ["manual", "csv", "api"] as const;

/** Whole days from start to `today` (inclusive of both), or to the end date once it has passed; null before it starts. */
export function daysRunning(startDate: string | null, endDate: string | null, today: string): number | null {
  if (!startDate || startDate > today) return null;
  const last = endDate && endDate < today ? endDate : today;
  return Math.round((Date.parse(last) - Date.parse(startDate)) / 86_400_000) + 1;
}
