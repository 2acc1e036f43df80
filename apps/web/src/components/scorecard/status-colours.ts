import type { KpiStatus } from "@meridian/domain";

/**
 * One colour per scorecard status, shared by the scorecard table, the heat map
 * and the strategy map, so red means the same red everywhere. Grey is "no data":
 * missing data is never shown as a colour that reads like a score.
 */
export const KPI_STATUS_STYLES: Record<
  KpiStatus,
  { bg: string; text: string; border: string; dot: string; label: string }
> = {
  green: {
    bg: "bg-emerald-50",
    text: "text-emerald-800",
    border: "border-emerald-300",
    dot: "bg-emerald-500",
    label: "Green",
  },
  amber: { bg: "bg-amber-50", text: "text-amber-800", border: "border-amber-300", dot: "bg-amber-500", label: "Amber" },
  red: { bg: "bg-rose-50", text: "text-rose-800", border: "border-rose-300", dot: "bg-rose-500", label: "Red" },
  no_data: {
    bg: "bg-slate-50",
    text: "text-slate-600",
    border: "border-slate-300",
    dot: "bg-slate-400",
    label: "No data",
  },
};

/** KPI_STATUS_STYLES' dot colours as values, for SVG (sparklines, arrows, minimap) where Tailwind classes do not apply. */
export const KPI_STATUS_HEX: Record<KpiStatus, string> = {
  green: "#10b981", // emerald-500
  amber: "#f59e0b", // amber-500
  red: "#f43f5e", // rose-500
  no_data: "#94a3b8", // slate-400
};

/** A score on the 0–10 scale as shown: one decimal, "—" when missing. */
export function formatScore(score: number | null): string {
  return score === null ? "—" : score.toFixed(1);
}

/** A status boundary (RED_BELOW, GREEN_FROM) as shown: two decimals, the precision kpiStatus decides at ("3.33"). */
export function formatThreshold(score: number): string {
  return score.toFixed(2);
}
