import type { KpiStatus } from "@meridian/domain";

/** KPI_STATUS_STYLES' dot colours as values, for SVG (arrows, minimap) where Tailwind classes do not apply. */
export const KPI_STATUS_HEX: Record<KpiStatus, string> = {
  green: "#10b981", // emerald-500
  amber: "#f59e0b", // amber-500
  red: "#f43f5e", // rose-500
  no_data: "#94a3b8", // slate-400
};
