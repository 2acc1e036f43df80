import { type Forecast, isRangeType, linearForecast } from "@meridian/domain";
import { formatDate, formatValue } from "~/components/ui/format";
import type { KeyResultView } from "~/trpc/types";

/** One instant on the chart; each series fills in only the points it has. */
export interface HistoryPoint {
  t: number;
  actual?: number;
  expected?: number;
  forecast?: number;
}

export interface HistoryChartData {
  points: HistoryPoint[];
  /** The cycle, start to end, in milliseconds. */
  domain: [number, number];
  /** Drawn from the start value at cycle start to the target at cycle end; not for thresholds. */
  hasExpected: boolean;
  forecast: Forecast | null;
  summary: string;
}

type Measured = Pick<KeyResultView, "type" | "unit" | "unitLabel" | "startValue" | "targetValue">;

/**
 * The series of the check-in history chart: the values checked in, the straight
 * line the cycle expects, and the least-squares trend of the check-ins projected to
 * the end of the cycle.
 */
export function historyChartData(
  kr: Measured,
  readings: readonly { at: Date; value: number }[],
  cycle: { start: Date; end: Date },
): HistoryChartData {
  const start = cycle.start.getTime();
  const end = cycle.end.getTime();
  const hasExpected = kr.type !== "stay_at_or_above" && kr.type !== "stay_at_or_below";
  const reachable = isRangeType(kr.type) || kr.type === "percentage";
  const forecast = linearForecast(readings, cycle.end, reachable ? kr.targetValue : null);

  const points: HistoryPoint[] = readings.map((r) => ({ t: r.at.getTime(), actual: r.value }));
  if (hasExpected) {
    const startValue = kr.type === "milestone" ? 0 : kr.startValue;
    const targetValue = kr.type === "milestone" ? 1 : kr.targetValue;
    points.push({ t: start, expected: startValue }, { t: end, expected: targetValue });
  }
  const first = readings[0];
  if (forecast && first) {
    points.push({ t: first.at.getTime(), forecast: forecast.at(first.at) }, { t: end, forecast: forecast.projected });
  }
  points.sort((a, b) => a.t - b.t);

  let summary: string;
  if (!forecast) summary = "Not enough check-ins for a forecast";
  else if (forecast.reachesTargetOn)
    summary = `Forecast: reaches the target on ${formatDate(forecast.reachesTargetOn)}`;
  else summary = `Forecast at cycle end: ${formatValue(kr, roundForDisplay(forecast.projected))}`;

  return { points, domain: [start, end], hasExpected, forecast, summary };
}

function roundForDisplay(value: number): number {
  return Math.round(value * 100) / 100;
}
