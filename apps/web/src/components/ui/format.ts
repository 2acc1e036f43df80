import { isComputedKpi, type KeyResultType, type KeyResultUnit, type KpiKind } from "@meridian/domain";

// ——— Dates ———

const dateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
const shortDateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** Dates are shown in UTC so that the server and the browser render the same text. */
export function formatDate(value: Date | string | number): string {
  return dateFormat.format(toDate(value));
}

export function formatShortDate(value: Date | string | number): string {
  return shortDateFormat.format(toDate(value));
}

export function formatDateTime(value: Date | string | number): string {
  return dateTimeFormat.format(toDate(value));
}

function toDate(value: Date | string | number): Date {
  if (value instanceof Date) return value;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return new Date(value);
}

// ——— Numbers and scores ———

const number = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });

/** A fraction as a whole percentage: 0.456 → "46%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** A grade on the 0.0–1.0 scale, two decimals; "—" before grading. */
export function formatGrade(grade: number | null): string {
  return grade === null ? "—" : grade.toFixed(2);
}

/** A score change on the 0–10 scale: "+1.2", "−0.4", "±0.0"; "—" when either side is missing. */
export function formatDelta(delta: number | null): string {
  if (delta === null) return "—";
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return "±0.0";
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`;
}

// ——— Key results ———

interface Measured {
  type: KeyResultType;
  unit: KeyResultUnit;
  unitLabel: string;
}

/** A key result's value in its unit; a milestone reads "Done" or "Not done". */
export function formatValue(kr: Measured, value: number | null): string {
  if (value === null) return "—";
  if (kr.type === "milestone") return value >= 1 ? "Done" : "Not done";
  switch (kr.unit) {
    case "percent":
      return `${number.format(value)}%`;
    case "currency":
    case "custom":
      return kr.unitLabel ? `${number.format(value)} ${kr.unitLabel}` : number.format(value);
    default:
      return number.format(value);
  }
}

/** A key result's target, with "≥" / "≤" for the stay-at types. */
export function formatTarget(kr: Measured & { targetValue: number }): string {
  if (kr.type === "milestone") return "Done";
  const target = formatValue(kr, kr.targetValue);
  if (kr.type === "stay_at_or_above") return `≥ ${target}`;
  if (kr.type === "stay_at_or_below") return `≤ ${target}`;
  return target;
}

// ——— KPIs ———

/** Axis ticks: short numbers; a computed "%" KPI is a fraction shown in percent. */
export function axisTick(value: number, unit: string, kind: KpiKind): string {
  if (unit.trim() === "%") {
    const shown = isComputedKpi(kind) ? value * 100 : value;
    return `${compact.format(Math.round(shown * 100) / 100)}%`;
  }
  return compact.format(value);
}

/** What a typed number means for this KPI: computed "%" KPIs are entered as fractions (0.035 = 3.5%). */
export function entryHint(unit: string, kind: KpiKind): string | undefined {
  if (isComputedKpi(kind) && unit.trim() === "%") return "Computed KPIs are fractions: 0.035 reads as 3.5%.";
  return undefined;
}

// ——— Activity ———

const ACTIVITY_TEXT: Record<string, string> = {
  "objective.created": "created the objective",
  "objective.updated": "edited the objective",
  "objective.published": "published the objective",
  "objective.archived": "archived the objective",
  "objective.carried_over": "carried the objective over",
  "key_result.created": "added a key result",
  "key_result.updated": "edited a key result",
  "key_result.archived": "archived a key result",
  "key_result.graded": "graded a key result",
  "key_result.grade_cleared": "cleared a grade override",
  "check_in.created": "checked in",
  "check_in.edited": "corrected a check-in",
  "check_in.deleted": "deleted a check-in",
  "comment.created": "commented",
};

/** "checked in with 42", in words a reader of the activity list understands. */
export function describeActivity(entry: { action: string; details?: unknown }): string {
  const text = ACTIVITY_TEXT[entry.action] ?? entry.action.replaceAll("_", " ").replace(".", ": ");
  const details = (entry.details ?? {}) as Record<string, unknown>;
  if (entry.action === "key_result.created" && typeof details.title === "string") return `${text} “${details.title}”`;
  if (entry.action === "check_in.created" && typeof details.value === "number") {
    return `${text} with ${number.format(details.value)}`;
  }
  if (entry.action === "key_result.graded" && typeof details.grade === "number") {
    return `${text} ${details.grade.toFixed(2)}`;
  }
  return text;
}
