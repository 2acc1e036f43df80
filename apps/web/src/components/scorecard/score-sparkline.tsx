import { GREEN_FROM, quarterLabel, RED_BELOW } from "@meridian/domain";
import { formatScore, KPI_STATUS_HEX } from "./status-colours";
import type { TrendPoint } from "./types";

const WIDTH = 104;
const HEIGHT = 28;
const PAD = 3;

/**
 * A score trend on the fixed 0–10 scale, so sparklines compare across rows;
 * faint bands mark the red and green zones, a gap marks a quarter without
 * data, and the last point carries its status colour. The label reads the
 * numbers out for screen readers.
 */
export function ScoreSparkline({ trend, label }: { trend: readonly TrendPoint[]; label: string }) {
  const step = trend.length > 1 ? (WIDTH - 2 * PAD) / (trend.length - 1) : 0;
  const y = (score: number) => PAD + (1 - score / 10) * (HEIGHT - 2 * PAD);
  const segments: string[] = [];
  let current = "";
  trend.forEach((point, i) => {
    if (point.score === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${(PAD + i * step).toFixed(1)},${y(point.score).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = trend.findLastIndex((p) => p.score !== null);
  const last = trend[lastIndex];
  const spoken = trend
    .map((p) => `${quarterLabel(p.quarter)} ${p.score === null ? "no data" : formatScore(p.score)}`)
    .join(", ");

  return (
    <svg
      role="img"
      aria-label={`${label}: ${spoken}`}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="block overflow-visible"
    >
      <title>{`${label}: ${spoken}`}</title>
      <rect x={0} y={y(10)} width={WIDTH} height={y(GREEN_FROM) - y(10)} className="fill-emerald-50" />
      <rect x={0} y={y(RED_BELOW)} width={WIDTH} height={y(0) - y(RED_BELOW)} className="fill-rose-50" />
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#475569" strokeWidth={1.5} strokeLinejoin="round" />
      ))}
      {trend.map((p, i) =>
        p.score !== null && i !== lastIndex && isolated(trend, i) ? (
          <circle key={p.quarter} cx={PAD + i * step} cy={y(p.score)} r={1.5} fill="#475569" />
        ) : null,
      )}
      {last && last.score !== null ? (
        <circle
          cx={PAD + lastIndex * step}
          cy={y(last.score)}
          r={3}
          fill={KPI_STATUS_HEX[last.status]}
          stroke="white"
          strokeWidth={1}
        />
      ) : null}
    </svg>
  );
}

/** A point with no neighbour on either side draws no line; show it as a dot. */
function isolated(trend: readonly TrendPoint[], i: number): boolean {
  return (trend[i - 1]?.score ?? null) === null && (trend[i + 1]?.score ?? null) === null;
}
