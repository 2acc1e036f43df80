export const KEY_RESULT_TYPES = [
  "increase_to",
  "decrease_to",
  "stay_at_or_above",
  "stay_at_or_below",
  "milestone",
  "percentage",
] as const;
export type KeyResultType = (typeof KEY_RESULT_TYPES)[number];

export const KEY_RESULT_TYPE_LABELS: Record<KeyResultType, string> = {
  increase_to: "Increase to",
  decrease_to: "Decrease to",
  stay_at_or_above: "Stay at or above",
  stay_at_or_below: "Stay at or below",
  milestone: "Milestone",
  percentage: "Percentage",
};

/** Types whose progress is a fraction of the way from start to target. */
export function isRangeType(type: KeyResultType): boolean {
  return type === "increase_to" || type === "decrease_to";
}
