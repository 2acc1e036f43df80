import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from "@dagrejs/dagre";

/** Anything shaped like a tree: an id and the items aligned under it. */
export interface TreeItem<T extends TreeItem<T>> {
  id: string;
  /** The children loaded so far: none while the item is closed or still loading. */
  children: readonly T[];
  /** How many children it has, loaded or not; `children.length` when not given. */
  childCount?: number;
}

const childCountOf = <T extends TreeItem<T>>(item: T) => item.childCount ?? item.children.length;

export interface LaidOutNode<T> {
  id: string;
  item: T;
  /** Top-left corner, in graph coordinates (dagre gives centres; React Flow wants corners). */
  x: number;
  y: number;
  depth: number;
  hasChildren: boolean;
  collapsed: boolean;
}

export interface LaidOutEdge<T> {
  id: string;
  source: string;
  target: string;
  parent: T;
  child: T;
}

export interface TreeLayout<T> {
  nodes: LaidOutNode<T>[];
  edges: LaidOutEdge<T>[];
  width: number;
  height: number;
}

export interface LayoutOptions {
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal gap between neighbours on one row. */
  nodeGap?: number;
  /** Vertical gap between a parent row and its children's row. */
  rankGap?: number;
}

/**
 * Top-to-bottom layout of a forest: every visible item becomes a node, every parent → child pair an
 * edge. The descendants of a collapsed item are left out entirely (the item itself stays, marked
 * collapsed). Pure: same input, same output; no DOM.
 */
export function layoutTree<T extends TreeItem<T>>(
  roots: readonly T[],
  collapsed: ReadonlySet<string>,
  { nodeWidth, nodeHeight, nodeGap = 32, rankGap = 64 }: LayoutOptions,
): TreeLayout<T> {
  const graph = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  graph.setGraph({ rankdir: "TB", nodesep: nodeGap, ranksep: rankGap, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));

  const visited: { item: T; depth: number }[] = [];
  const edges: LaidOutEdge<T>[] = [];
  const seen = new Set<string>();
  const visit = (item: T, depth: number) => {
    if (seen.has(item.id)) return; // a malformed tree must not loop forever
    seen.add(item.id);
    visited.push({ item, depth });
    graph.setNode(item.id, { width: nodeWidth, height: nodeHeight });
    if (collapsed.has(item.id)) return;
    for (const child of item.children) {
      if (seen.has(child.id)) continue;
      graph.setEdge(item.id, child.id);
      edges.push({ id: `${item.id}->${child.id}`, source: item.id, target: child.id, parent: item, child });
      visit(child, depth + 1);
    }
  };
  for (const root of roots) visit(root, 0);

  if (visited.length === 0) return { nodes: [], edges: [], width: 0, height: 0 };
  // A tree has no crossings to minimise; keeping the given sibling order keeps the graph in step
  // with the outline.
  dagre.layout(graph, { disableOptimalOrderHeuristic: true });

  const nodes = visited.map(({ item, depth }): LaidOutNode<T> => {
    const { x = 0, y = 0 } = graph.node(item.id);
    return {
      id: item.id,
      item,
      x: x - nodeWidth / 2,
      y: y - nodeHeight / 2,
      depth,
      hasChildren: childCountOf(item) > 0,
      collapsed: childCountOf(item) > 0 && collapsed.has(item.id),
    };
  });
  const { width = 0, height = 0 } = graph.graph();
  return { nodes, edges, width, height };
}

/** Ids of every item in the forest that has children: what "collapse all" collapses. */
export function parentIds<T extends TreeItem<T>>(roots: readonly T[]): string[] {
  const ids: string[] = [];
  const walk = (items: readonly T[]) => {
    for (const item of items) {
      if (childCountOf(item) > 0) ids.push(item.id);
      walk(item.children);
    }
  };
  walk(roots);
  return ids;
}

/** How many items sit anywhere below `item`: what collapsing it hides. */
export function descendantCount<T extends TreeItem<T>>(item: T): number {
  let count = 0;
  for (const child of item.children) count += 1 + descendantCount(child);
  return count;
}
