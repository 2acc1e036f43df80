/**
 * Geometry of the strategy map: one horizontal band per perspective, top band
 * first, its strategic objectives in a row (wrapping after `perRow`), centred.
 * Within a band, objectives are ordered by where the objectives they link to
 * sit (a barycentre pass down and up), which untangles most arrows.
 * Pure: same input, same output; no DOM.
 */

export interface BandInput {
  id: string;
  objectives: readonly { id: string }[];
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Width of the band's label column, left of its objectives. */
  labelWidth: number;
  nodeGap?: number;
  rowGap?: number;
  paddingX?: number;
  paddingY?: number;
  bandGap?: number;
  perRow?: number;
  /** The objective area is at least this many nodes wide, so a sparse map does not look cramped. */
  minColumns?: number;
}

export interface LaidOutBand<B> {
  id: string;
  band: B;
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface LaidOutObjective<O> {
  id: string;
  objective: O;
  bandIndex: number;
  row: number;
  x: number;
  y: number;
}
export interface StrategyLayout<B, O> {
  bands: LaidOutBand<B>[];
  objectives: LaidOutObjective<O>[];
  width: number;
  height: number;
}

export function layoutStrategyMap<B extends BandInput>(
  bands: readonly B[],
  links: readonly { causeId: string; effectId: string }[],
  {
    nodeWidth,
    nodeHeight,
    labelWidth,
    nodeGap = 28,
    rowGap = 20,
    paddingX = 24,
    paddingY = 20,
    bandGap = 8,
    perRow = 4,
    minColumns = 3,
  }: LayoutOptions,
): StrategyLayout<B, B["objectives"][number]> {
  type O = B["objectives"][number];
  const neighbours = new Map<string, string[]>();
  for (const l of links) {
    neighbours.set(l.causeId, [...(neighbours.get(l.causeId) ?? []), l.effectId]);
    neighbours.set(l.effectId, [...(neighbours.get(l.effectId) ?? []), l.causeId]);
  }
  const orders = bands.map((b) => [...b.objectives]);
  const columns = Math.max(minColumns, Math.min(perRow, Math.max(0, ...orders.map((o) => o.length))));
  const contentWidth = columns * nodeWidth + (columns - 1) * nodeGap;

  // Horizontal centre of each objective, as a fraction of the content width, for the barycentre passes.
  const place = (ids: readonly string[]) => {
    const at = new Map<string, number>();
    for (let row = 0; row * perRow < ids.length; row++) {
      const slice = ids.slice(row * perRow, (row + 1) * perRow);
      const rowWidth = slice.length * nodeWidth + (slice.length - 1) * nodeGap;
      const left = (contentWidth - rowWidth) / 2;
      slice.forEach((id, i) => {
        at.set(id, left + i * (nodeWidth + nodeGap) + nodeWidth / 2);
      });
    }
    return at;
  };
  const centre = new Map<string, number>();
  const refresh = (index: number) => {
    for (const [id, x] of place((orders[index] ?? []).map((o) => o.id))) centre.set(id, x);
  };
  orders.forEach((_, i) => {
    refresh(i);
  });
  const reorder = (index: number) => {
    const order = orders[index];
    if (!order || order.length < 2) return;
    const inBand = new Set(order.map((o) => o.id));
    const key = new Map<string, number>();
    for (const o of order) {
      const xs = (neighbours.get(o.id) ?? [])
        .filter((n) => !inBand.has(n))
        .map((n) => centre.get(n))
        .filter((x): x is number => x !== undefined);
      key.set(o.id, xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : (centre.get(o.id) ?? 0));
    }
    // Stable: objectives without outside links keep their place relative to each other.
    orders[index] = order
      .map((o, i) => ({ o, i }))
      .sort((a, b) => (key.get(a.o.id) ?? 0) - (key.get(b.o.id) ?? 0) || a.i - b.i)
      .map(({ o }) => o);
    refresh(index);
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 1; i < orders.length; i++) reorder(i);
    for (let i = orders.length - 2; i >= 0; i--) reorder(i);
  }

  const width = labelWidth + paddingX * 2 + contentWidth;
  const laidBands: LaidOutBand<B>[] = [];
  const laidObjectives: LaidOutObjective<O>[] = [];
  let y = 0;
  bands.forEach((band, index) => {
    const order = orders[index] ?? [];
    const rows = Math.max(1, Math.ceil(order.length / perRow));
    const height = paddingY * 2 + rows * nodeHeight + (rows - 1) * rowGap;
    laidBands.push({ id: band.id, band, index, x: 0, y, width, height });
    const at = place(order.map((o) => o.id));
    order.forEach((objective, i) => {
      const row = Math.floor(i / perRow);
      laidObjectives.push({
        id: objective.id,
        objective,
        bandIndex: index,
        row,
        x: labelWidth + paddingX + (at.get(objective.id) ?? 0) - nodeWidth / 2,
        y: y + paddingY + row * (nodeHeight + rowGap),
      });
    });
    y += height + bandGap;
  });
  return { bands: laidBands, objectives: laidObjectives, width, height: Math.max(0, y - bandGap) };
}

export type Side = "top" | "bottom" | "left" | "right";

/**
 * Which sides an arrow leaves and enters by: up or down between bands (the
 * usual strategy map reads bottom-up, learning driving finance), sideways within a row.
 */
export function linkSides(
  cause: { x: number; y: number; bandIndex: number; row: number },
  effect: { x: number; y: number; bandIndex: number; row: number },
): { source: Side; target: Side } {
  if (cause.bandIndex === effect.bandIndex && cause.row === effect.row) {
    return cause.x <= effect.x ? { source: "right", target: "left" } : { source: "left", target: "right" };
  }
  return cause.y > effect.y ? { source: "top", target: "bottom" } : { source: "bottom", target: "top" };
}
