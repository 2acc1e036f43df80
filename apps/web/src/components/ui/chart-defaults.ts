/**
 * The look every history chart shares (recharts props), so the KPI and key-result charts read alike:
 * a dashed horizontal grid, quiet axes, an unanimated legend of plain lines, and the same strokes for
 * the same kinds of series. Spread them: `<CartesianGrid {...chartGrid} />`.
 */

export const CHART_COLOURS = {
  actual: "#4f46e5", // indigo-600
  forecast: "#f59e0b", // amber-500
  goal: "#059669", // emerald-600
  muted: "#94a3b8", // slate-400
  grid: "#e2e8f0", // slate-200
  axis: "#cbd5e1", // slate-300
  tick: "#64748b", // slate-500
} as const;

export const chartGrid = { stroke: CHART_COLOURS.grid, strokeDasharray: "3 3", vertical: false } as const;

/** Axis line and tick text; `tickFontSize` differs between the charts, so it is a parameter. */
export function chartAxis(tickFontSize: number) {
  return { tick: { fontSize: tickFontSize, fill: CHART_COLOURS.tick }, stroke: CHART_COLOURS.axis } as const;
}

export const chartLegend = { verticalAlign: "bottom", iconType: "plainline" } as const;

/** The class of a legend entry's text. */
export const legendTextClass = "text-xs text-slate-600";

/** Every line: no entry animation (it would replay on each refetch). */
const still = { isAnimationActive: false } as const;

/** The measured values: a solid line with a dot per reading. */
export function actualLine(strokeWidth: number) {
  return {
    type: "linear",
    stroke: CHART_COLOURS.actual,
    strokeWidth,
    dot: { r: 3, fill: CHART_COLOURS.actual, strokeWidth: 0 },
    activeDot: { r: 5 },
    ...still,
  } as const;
}

/** The projection to the end of the period: dashed amber, through the gaps. */
export const forecastLine = {
  type: "linear",
  stroke: CHART_COLOURS.forecast,
  strokeWidth: 2,
  strokeDasharray: "6 4",
  dot: false,
  activeDot: false,
  connectNulls: true,
  ...still,
} as const;

/** A reference series drawn without dots (expected path, goal, red flag). */
export const plainLine = { dot: false, activeDot: false, ...still } as const;
