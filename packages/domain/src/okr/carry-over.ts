import { keyResultDefinitionError } from "./key-result-progress";
import { isRangeType, type KeyResultType } from "./key-result-types";

/**
 * Where a carried-over key result starts in its new cycle: where the old one
 * ended, unless that would make it invalid (already at or past its target),
 * in which case it keeps its original start.
 */
export function carriedStartValue(kr: {
  type: KeyResultType;
  startValue: number;
  targetValue: number;
  currentValue: number | null;
}): number {
  if (!isRangeType(kr.type) || kr.currentValue === null) return kr.startValue;
  const moved = { type: kr.type, startValue: kr.currentValue, targetValue: kr.targetValue };
  return keyResultDefinitionError(moved) ? kr.startValue : kr.currentValue;
}
