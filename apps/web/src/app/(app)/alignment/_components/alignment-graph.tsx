"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  BackgroundVariant,
  Controls,
  type Edge,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import { type FocusEvent, useCallback, useEffect, useMemo, useRef } from "react";
import type { AlignmentItem } from "./alignment-tree";
import { STATUS_HEX } from "./labels";
import { layoutTree } from "./layout";
import {
  NODE_HEIGHT,
  NODE_WIDTH,
  type ObjectiveFlowNode,
  ObjectiveFlowNodeView,
  ToggleContext,
} from "./objective-flow-node";

const nodeTypes = { objective: ObjectiveFlowNodeView };
// Past a point a bigger tree is better panned than shrunk into illegibility.
const fitViewOptions = { padding: 0.06, maxZoom: 1, minZoom: 0.45 };
const edgeStyle = { stroke: "#94a3b8", strokeWidth: 1.5 }; // slate-400

interface AlignmentGraphProps {
  roots: readonly AlignmentItem[];
  expected: number;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

/** The objectives of a cycle as a top-down tree: parents above the objectives aligned to them. */
export function AlignmentGraph(props: AlignmentGraphProps) {
  return (
    <figure
      aria-label="Alignment graph"
      className="h-[480px] overflow-hidden rounded-2xl border border-slate-200 bg-slate-50 shadow-sm sm:h-[640px]"
    >
      <ReactFlowProvider>
        <Flow {...props} />
      </ReactFlowProvider>
    </figure>
  );
}

function Flow({ roots, expected, collapsed, onToggle }: AlignmentGraphProps) {
  const { getViewport, setViewport, setCenter, getNode, fitView } = useReactFlow<ObjectiveFlowNode>();
  const layout = useMemo(
    () => layoutTree(roots, collapsed, { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, nodeGap: 24, rankGap: 56 }),
    [roots, collapsed],
  );

  const nodes = useMemo(
    () =>
      layout.nodes.map(
        (n): ObjectiveFlowNode => ({
          id: n.id,
          type: "objective",
          position: { x: n.x, y: n.y },
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          draggable: false,
          selectable: false,
          connectable: false,
          ariaRole: "group",
          ariaLabel: n.item.objective.title,
          data: {
            objective: n.item.objective,
            expected,
            hasChildren: n.hasChildren,
            collapsed: n.collapsed,
            hidden: n.item.childCount,
          },
        }),
      ),
    [layout, expected],
  );
  const edges = useMemo(
    () =>
      layout.edges.map(
        (e): Edge => ({
          id: e.id,
          source: e.source,
          target: e.target,
          type: "smoothstep",
          focusable: false,
          selectable: false,
          style: edgeStyle,
          ariaLabel: `${e.child.objective.title} aligns to ${e.parent.objective.title}`,
        }),
      ),
    [layout],
  );

  // Opening or closing re-runs the layout, twice when a branch loads (opened, then its aligned
  // objectives arrive), which moves things around. Keep the toggled node where it was on screen
  // through both, so the button stays under the pointer (and the eye). Until the reader toggles
  // anything, fit the view to the tree as its first branches arrive.
  const anchor = useRef<{ id: string; x: number; y: number } | null>(null);
  const toggle = useCallback(
    (id: string) => {
      const node = layout.nodes.find((n) => n.id === id);
      anchor.current = node ? { id, x: node.x, y: node.y } : null;
      onToggle(id);
    },
    [onToggle, layout],
  );
  const toggledYet = useRef(false);
  useEffect(() => {
    const held = anchor.current;
    if (!held) {
      if (toggledYet.current) return;
      // Next frame: React Flow takes the new nodes in its own effects first.
      const frame = requestAnimationFrame(() => void fitView(fitViewOptions));
      return () => cancelAnimationFrame(frame);
    }
    toggledYet.current = true;
    const after = layout.nodes.find((n) => n.id === held.id);
    if (!after) return;
    const { x, y, zoom } = getViewport();
    void setViewport({ x: x - (after.x - held.x) * zoom, y: y - (after.y - held.y) * zoom, zoom });
    anchor.current = { id: held.id, x: after.x, y: after.y };
  }, [layout, getViewport, setViewport, fitView]);

  // Tabbing to a link or button in a node that is off screen: bring the node into view. The
  // browser would otherwise scroll the (overflow: hidden) pane itself and leave the graph askew.
  const onFocus = useCallback(
    (event: FocusEvent<HTMLDivElement>) => {
      const pane = event.currentTarget;
      pane.scrollTop = 0;
      pane.scrollLeft = 0;
      const nodeElement = (event.target as HTMLElement).closest<HTMLElement>(".react-flow__node");
      const id = nodeElement?.dataset.id;
      const node = id ? getNode(id) : undefined;
      if (!node || !nodeElement) return;
      const box = nodeElement.getBoundingClientRect();
      const frame = pane.getBoundingClientRect();
      const margin = 8;
      const inView =
        box.left >= frame.left + margin &&
        box.right <= frame.right - margin &&
        box.top >= frame.top + margin &&
        box.bottom <= frame.bottom - margin;
      if (inView) return;
      // No animation: the next Tab must measure where things really are, not where they are passing.
      void setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, {
        zoom: Math.max(getViewport().zoom, 0.8),
      });
    },
    [getNode, getViewport, setCenter],
  );

  return (
    <ToggleContext.Provider value={toggle}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onFocus={onFocus}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={1.5}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        disableKeyboardA11y
        zoomOnDoubleClick={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
        <Controls
          showInteractive={false}
          position="bottom-left"
          className="overflow-hidden rounded-lg! border border-slate-200 shadow-sm!"
        />
        <MiniMap
          position="bottom-right"
          pannable
          zoomable
          ariaLabel="Minimap of the alignment graph"
          nodeColor={(node) => STATUS_HEX[(node as ObjectiveFlowNode).data.objective.progressStatus]}
          nodeBorderRadius={8}
          maskColor="rgba(241, 245, 249, 0.7)"
          className="rounded-lg! border! border-slate-200! max-sm:hidden!"
        />
      </ReactFlow>
    </ToggleContext.Provider>
  );
}
