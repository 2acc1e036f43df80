import type { KpiKind } from "@meridian/domain";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 2 });

/** Axis ticks: short numbers; a computed "%" KPI is a fraction shown in percent. */
export function axisTick(value: number, unit: string, kind: KpiKind): string {
  if (unit.trim() === "%") {
    const shown = kind === "manual" ? value : value * 100;
    return `${compact.format(Math.round(shown * 100) / 100)}%`;
  }
  return compact.format(value);
}

/** What a typed number means for this KPI: computed "%" KPIs are entered as fractions (0.035 = 3.5%). */
export function entryHint(unit: string, kind: KpiKind): string | undefined {
  if (kind !== "manual" && unit.trim() === "%") return "Computed KPIs are fractions: 0.035 reads as 3.5%.";
  return undefined;
}
