/** Where a sparkline's values land in its box, and the SVG paths that join them. Pure, so it is unit-tested. */

export interface SparkPoint {
  index: number;
  x: number;
  y: number;
}

export interface SparkBox {
  width: number;
  height: number;
  /** Space kept free on every side, so the stroke and the dots are not clipped. */
  pad: number;
}

/**
 * The values' positions: evenly spaced from the left edge to the right one, the domain's top at the
 * top. Missing values (null) keep their slot but get no point. A flat domain puts its values midway,
 * as the charting library did for the key-result sparkline.
 */
export function sparkPoints(
  values: readonly (number | null)[],
  box: SparkBox,
  domain: readonly [number, number] = dataDomain(values),
): SparkPoint[] {
  const step = values.length > 1 ? (box.width - 2 * box.pad) / (values.length - 1) : 0;
  const y = yScale(domain, box);
  const points: SparkPoint[] = [];
  values.forEach((v, index) => {
    if (v !== null) points.push({ index, x: box.pad + index * step, y: y(v) });
  });
  return points;
}

/** The vertical position of a value: the domain's top at the top of the box, inside the padding. */
export function yScale([low, high]: readonly [number, number], box: SparkBox): (value: number) => number {
  if (high === low) return () => box.height / 2;
  return (v) => box.pad + (1 - (v - low) / (high - low)) * (box.height - 2 * box.pad);
}

/** The smallest and largest known value. */
export function dataDomain(values: readonly (number | null)[]): [number, number] {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? [Math.min(...known), Math.max(...known)] : [0, 1];
}

/** Runs of neighbouring points: a missing value breaks the line. */
export function runs(points: readonly SparkPoint[]): SparkPoint[][] {
  const result: SparkPoint[][] = [];
  for (const p of points) {
    const run = result.at(-1);
    const prev = run?.at(-1);
    if (run && prev && prev.index === p.index - 1) run.push(p);
    else result.push([p]);
  }
  return result;
}

const f = (n: number) => Number(n.toFixed(2)).toString();

/** Straight segments between the points of one run. */
export function linearPath(run: readonly SparkPoint[]): string {
  return run.map((p, i) => `${i ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join("");
}

/**
 * A smooth line that never overshoots the values (monotone cubic interpolation in x, the
 * Fritsch–Carlson method as d3's curveMonotoneX draws it, which the charts use).
 */
export function monotonePath(run: readonly SparkPoint[]): string {
  const n = run.length;
  const first = run[0];
  if (!first) return "";
  if (n < 3) return run.map((p, i) => `${i ? "L" : "M"}${f(p.x)},${f(p.y)}`).join("");
  // Secant slopes between neighbours, then a tangent per point limited so the curve stays monotone.
  const secant = (i: number) => (at(run, i + 1).y - at(run, i).y) / (at(run, i + 1).x - at(run, i).x);
  const tangents: number[] = new Array(n).fill(0);
  for (let i = 1; i < n - 1; i++) {
    const h0 = at(run, i).x - at(run, i - 1).x;
    const h1 = at(run, i + 1).x - at(run, i).x;
    const s0 = secant(i - 1);
    const s1 = secant(i);
    const p = (s0 * h1 + s1 * h0) / (h0 + h1);
    tangents[i] =
      (Math.sign(s0 || 1) + Math.sign(s1 || 1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  }
  // The ends take the slope that makes the end segment a parabola through its neighbour's tangent.
  tangents[0] = (3 * secant(0) - (tangents[1] ?? 0)) / 2;
  tangents[n - 1] = (3 * secant(n - 2) - (tangents[n - 2] ?? 0)) / 2;
  let d = `M${f(first.x)},${f(first.y)}`;
  for (let i = 0; i < n - 1; i++) {
    const a = at(run, i);
    const b = at(run, i + 1);
    const dx = (b.x - a.x) / 3;
    d += `C${f(a.x + dx)},${f(a.y + dx * (tangents[i] ?? 0))},${f(b.x - dx)},${f(b.y - dx * (tangents[i + 1] ?? 0))},${f(b.x)},${f(b.y)}`;
  }
  return d;
}

function at(run: readonly SparkPoint[], i: number): SparkPoint {
  const p = run[i];
  if (!p) throw new RangeError(`no point ${i}`);
  return p;
}
