export const OBJECTIVE_LEVELS = ["company", "team", "personal"] as const;
export type ObjectiveLevel = (typeof OBJECTIVE_LEVELS)[number];

export const OBJECTIVE_STATUSES = ["draft", "active", "closed", "archived"] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const VISIBILITIES = ["public", "private"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const KEY_RESULT_UNITS = ["number", "percent", "currency", "custom"] as const;
export type KeyResultUnit = (typeof KEY_RESULT_UNITS)[number];
