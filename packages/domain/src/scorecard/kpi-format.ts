import { numberFormat } from "../format/intl-formats";
import { isComputedKpi, type KpiKind } from "./kpi-definition";

/**
 * How a KPI value reads: thousands separated, as many decimals as the size
 * of the number calls for, and its unit. Computed KPIs (ratio, ROI) are
 * fractions; with the unit "%" they are shown as percentages (0.0378 → 3.78%),
 * while an entered "%" KPI is already in percent (churn 2.3 → 2.3%).
 */
export function formatKpiValue(value: number | null, unit: string, kind: KpiKind = "manual"): string {
  if (value === null || !Number.isFinite(value)) return "—";
  const percent = unit.trim() === "%";
  const shown = percent && isComputedKpi(kind) ? value * 100 : value;
  const size = Math.abs(shown);
  const decimals = size >= 1000 ? 0 : size >= 100 ? 1 : 2;
  const text = numberFormat("en-US", { maximumFractionDigits: decimals }).format(shown);
  if (!unit.trim()) return text;
  return percent ? `${text}%` : `${text} ${unit.trim()}`;
}
