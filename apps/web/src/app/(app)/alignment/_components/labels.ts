import type { ObjectiveLevel, ProgressStatus } from "@meridian/domain";

/** Level chips: company objectives stand out, personal ones recede. */
export const LEVEL_CHIP: Record<ObjectiveLevel, string> = {
  company: "bg-indigo-50 text-indigo-700",
  team: "bg-sky-50 text-sky-700",
  personal: "bg-slate-100 text-slate-600",
};

/** STATUS_STYLES' bar colours as values, for SVG (minimap) where Tailwind classes do not apply. */
export const STATUS_HEX: Record<ProgressStatus, string> = {
  on_track: "#10b981", // emerald-500
  at_risk: "#f59e0b", // amber-500
  off_track: "#f43f5e", // rose-500
  no_data: "#cbd5e1", // slate-300
};

export function objectiveHref(id: string): string {
  return `/objectives/${encodeURIComponent(id)}`;
}

/** The collapse toggle's tooltip: what expanding shows, or that collapsing hides the aligned objectives. */
export function hiddenTitle(collapsed: boolean, hidden: number): string {
  return collapsed ? `Show ${hidden} aligned objective${hidden === 1 ? "" : "s"}` : "Hide aligned objectives";
}
