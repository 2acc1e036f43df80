import type { KeyResultType, KeyResultUnit } from "@meridian/domain";

interface Measured {
  type: KeyResultType;
  unit: KeyResultUnit;
  unitLabel: string;
}

const number = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

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

export function formatTarget(kr: Measured & { targetValue: number }): string {
  if (kr.type === "milestone") return "Done";
  const target = formatValue(kr, kr.targetValue);
  if (kr.type === "stay_at_or_above") return `≥ ${target}`;
  if (kr.type === "stay_at_or_below") return `≤ ${target}`;
  return target;
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
