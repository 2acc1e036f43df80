export const REVIEW_STATUSES = ["open", "finalized"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What a commentary or corrective action is about. */
export const REVIEW_SUBJECT_TYPES = ["perspective", "objective", "kpi"] as const;
export type ReviewSubjectType = (typeof REVIEW_SUBJECT_TYPES)[number];

export const ACTION_STATUSES = ["open", "in_progress", "done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
};
export const REVIEW_SUBJECT_LABELS: Record<ReviewSubjectType, string> = {
  perspective: "Perspective",
  objective: "Strategic objective",
  kpi: "KPI",
};
