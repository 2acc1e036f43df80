import type { ObjectiveStatus } from "@meridian/domain";
import type { ActivityEntry } from "./types";

export const OBJECTIVE_STATUS_STYLES: Record<ObjectiveStatus, string> = {
  draft: "bg-violet-50 text-violet-700 ring-violet-600/20",
  active: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  closed: "bg-slate-100 text-slate-700 ring-slate-500/20",
  archived: "bg-amber-50 text-amber-800 ring-amber-600/20",
};

export function formatGrade(grade: number | null): string {
  return grade === null ? "—" : grade.toFixed(2);
}

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
export function describeActivity(entry: ActivityEntry): string {
  const text = ACTIVITY_TEXT[entry.action] ?? entry.action.replaceAll("_", " ").replace(".", ": ");
  const details = (entry.details ?? {}) as Record<string, unknown>;
  if (entry.action === "key_result.created" && typeof details.title === "string") return `${text} “${details.title}”`;
  if (entry.action === "check_in.created" && typeof details.value === "number") {
    return `${text} with ${numberFormat.format(details.value)}`;
  }
  if (entry.action === "key_result.graded" && typeof details.grade === "number") {
    return `${text} ${details.grade.toFixed(2)}`;
  }
  return text;
}

const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
