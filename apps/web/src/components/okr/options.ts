import {
  KEY_RESULT_TYPE_LABELS,
  KEY_RESULT_TYPES,
  KEY_RESULT_UNIT_LABELS,
  KEY_RESULT_UNITS,
  PROGRESS_SOURCE_LABELS,
  PROGRESS_SOURCES,
  VISIBILITIES,
  VISIBILITY_LABELS,
} from "@meridian/domain";

/** A select's choices from an enum's values and their labels, in the enum's order. */
export function labelledOptions<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): { value: T; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const KEY_RESULT_TYPE_OPTIONS = labelledOptions(KEY_RESULT_TYPES, KEY_RESULT_TYPE_LABELS);
export const KEY_RESULT_UNIT_OPTIONS = labelledOptions(KEY_RESULT_UNITS, KEY_RESULT_UNIT_LABELS);
export const VISIBILITY_OPTIONS = labelledOptions(VISIBILITIES, VISIBILITY_LABELS);
export const PROGRESS_SOURCE_OPTIONS = labelledOptions(PROGRESS_SOURCES, PROGRESS_SOURCE_LABELS);

/** react-hook-form register options: an empty choice ("None", "No team") is sent as null. */
export const emptyAsNull = { setValueAs: (v: string | null) => (v ? v : null) };

/** react-hook-form register options: an empty choice ("Objective's owner") leaves the field out. */
export const emptyAsUndefined = { setValueAs: (v: string | undefined) => (v ? v : undefined) };
