import type { ReactNode } from "react";
import { dataDomain, linearPath, monotonePath, runs, sparkPoints, yScale } from "./sparkline-geometry";

export interface SparklineBand {
  /** From and to, in the values' units. */
  from: number;
  to: number;
  /** A Tailwind fill class, e.g. "fill-emerald-50". */
  className: string;
}

/**
 * A small trend line. A missing value (null) breaks the line, and a value with no neighbour on
 * either side is drawn as a dot. Either it is an image whose label reads the numbers out
 * (`decorative` false, the default), or decoration beside a table that has them (`decorative`: hidden
 * from assistive technology, the label as a tooltip).
 */
export function Sparkline({
  values,
  label,
  decorative = false,
  domain,
  curve = "linear",
  width = 104,
  height = 28,
  stroke = "#475569",
  bands = [],
  lastDot,
  fallback,
}: {
  values: readonly (number | null)[];
  label: string;
  decorative?: boolean;
  /** A fixed scale, e.g. [0, 10] for scores so rows compare; by default the values' own range. */
  domain?: readonly [number, number];
  curve?: "linear" | "monotone";
  width?: number;
  height?: number;
  stroke?: string;
  /** Faint zones behind the line (e.g. the red and green score ranges). */
  bands?: readonly SparklineBand[];
  /** Fill colour of a larger dot on the last known value (e.g. its status colour). */
  lastDot?: string;
  /** Shown instead when fewer than two values are known; without it the line is drawn regardless. */
  fallback?: ReactNode;
}) {
  const known = values.filter((v) => v !== null).length;
  if (fallback !== undefined && known < 2) return <>{fallback}</>;

  const box = { width, height, pad: 3 };
  const scale = domain ?? dataDomain(values);
  const points = sparkPoints(values, box, scale);
  const lines = runs(points);
  const last = lastDot ? points.at(-1) : undefined;
  const yOf = yScale(scale, box);

  const svg = (
    <svg
      role={decorative ? undefined : "img"}
      aria-label={decorative ? undefined : label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="block overflow-visible"
    >
      {!decorative && <title>{label}</title>}
      {bands.map((b) => (
        <rect
          key={`${b.from}-${b.to}`}
          x={0}
          y={yOf(Math.max(b.from, b.to))}
          width={width}
          height={Math.abs(yOf(b.from) - yOf(b.to))}
          className={b.className}
        />
      ))}
      {lines.map((run) =>
        run.length > 1 ? (
          <path
            key={run[0]?.index}
            d={curve === "monotone" ? monotonePath(run) : linearPath(run)}
            fill="none"
            stroke={stroke}
            strokeWidth={1.5}
            strokeLinejoin="round"
          />
        ) : run[0] && run[0] !== last ? (
          <circle key={run[0].index} cx={run[0].x} cy={run[0].y} r={1.5} fill={stroke} />
        ) : null,
      )}
      {last && <circle cx={last.x} cy={last.y} r={3} fill={lastDot} stroke="white" strokeWidth={1} />}
    </svg>
  );
  if (!decorative) return svg;
  return (
    <div aria-hidden="true" title={label} style={{ width, height }}>
      {svg}
    </div>
  );
}
