export interface Reading {
  at: Date;
  value: number;
}

export interface Forecast {
  /** Change per day of the fitted line. */
  slopePerDay: number;
  /** The fitted line's value at `end`. */
  projected: number;
  /** When the line reaches the target, if it heads there and gets there by `end`; null otherwise. */
  reachesTargetOn: Date | null;
  /** The fitted line at any instant, for drawing it. */
  at(t: Date): number;
}

const DAY_MS = 86_400_000;

/**
 * Least-squares linear trend over the readings, projected to `end`. Needs two
 * readings at different times; otherwise there is no trend and the result is null.
 */
export function linearForecast(readings: readonly Reading[], end: Date, target: number | null = null): Forecast | null {
  if (readings.length < 2) return null;
  const t0 = readings[0]?.at.getTime() ?? 0;
  const xs = readings.map((r) => (r.at.getTime() - t0) / DAY_MS);
  const ys = readings.map((r) => r.value);
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - meanX;
    sxx += dx * dx;
    sxy += dx * ((ys[i] ?? 0) - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const valueAt = (t: Date) => intercept + slope * ((t.getTime() - t0) / DAY_MS);
  const projected = valueAt(end);

  let reachesTargetOn: Date | null = null;
  if (target !== null && slope !== 0) {
    const day = (target - intercept) / slope;
    const when = new Date(t0 + day * DAY_MS);
    const lastReading = readings.at(-1)?.at.getTime() ?? t0;
    // Only a crossing ahead of the data and within the period counts.
    if (when.getTime() >= lastReading && when.getTime() <= end.getTime()) reachesTargetOn = when;
  }
  return { slopePerDay: slope, projected, reachesTargetOn, at: valueAt };
}
