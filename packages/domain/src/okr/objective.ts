export const OBJECTIVE_LEVELS = ["company", "team", "personal"] as const;
export type ObjectiveLevel = (typeof OBJECTIVE_LEVELS)[number];

export const OBJECTIVE_STATUSES = ["draft", "active", "closed", "archived"] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const VISIBILITIES = ["public", "private"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const KEY_RESULT_UNITS = ["number", "percent", "currency", "custom"] as const;
export type KeyResultUnit = (typeof KEY_RESULT_UNITS)[number];

// Display names, one place for every page and form (like KEY_RESULT_TYPE_LABELS).
export const OBJECTIVE_LEVEL_LABELS: Record<ObjectiveLevel, string> = {
  company: "Company",
  team: "Team",
  personal: "Personal",
};

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  draft: "Draft",
  active: "Active",
  closed: "Closed",
  archived: "Archived",
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: "Public",
  private: "Private",
};

export const KEY_RESULT_UNIT_LABELS: Record<KeyResultUnit, string> = {
  number: "Number",
  percent: "Percent (%)",
  currency: "Currency",
  custom: "Custom",
};
