"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  Controls,
  type Edge,
  type EdgeChange,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
} from "@xyflow/react";
import { type KeyboardEvent, useCallback, useMemo } from "react";
import { formatScore } from "~/components/scorecard/status-colours";
import { layoutStrategyMap, linkSides } from "~/components/strategy/layout";
import type { MapLink, MapPerspective } from "~/components/strategy/types";
import {
  BAND_LABEL_WIDTH,
  type BandFlowNode,
  BandNodeView,
  OBJECTIVE_HEIGHT,
  OBJECTIVE_WIDTH,
  type ObjectiveFlowNode,
  ObjectiveNodeView,
} from "./flow-nodes";

const nodeTypes = { band: BandNodeView, objective: ObjectiveNodeView };
const fitViewOptions = { padding: 0.04, maxZoom: 1, minZoom: 0.4 };
const EDGE_COLOUR = "#64748b"; // slate-500
const SELECTED_COLOUR = "#4f46e5"; // indigo-600
// A focused arrow is drawn thick, in indigo, with a halo: its focus ring (the edges' inline stroke needs `!`).
const EDGE_FOCUS_RING = [
  // Selectors without underscores, which Tailwind reads as spaces (React Flow's class names have two).
  "[&_g[aria-roledescription=edge]:focus-visible_path]:stroke-indigo-600!",
  "[&_g[aria-roledescription=edge]:focus-visible_path]:[stroke-width:4px]!",
  "[&_g[aria-roledescription=edge]:focus-visible_path]:drop-shadow-[0_0_3px_rgb(99_102_241)]",
].join(" ");

interface StrategyGraphProps {
  perspectives: readonly MapPerspective[];
  links: readonly MapLink[];
  editable: boolean;
  selectedLinkId: string | null;
  onSelectLink: (linkId: string | null) => void;
  onLink: (causeId: string, effectId: string) => void;
  onUnlink: (linkId: string) => void;
  /** Opens a strategic objective (Enter on its name, or a click): its KPIs and aligned OKRs. */
  onOpenObjective: (objectiveId: string) => void;
}

/** The strategy map: perspective bands, strategic objectives coloured by score, cause → effect arrows. */
export function StrategyGraph(props: StrategyGraphProps) {
  const { perspectives, links } = props;
  const layout = useMemo(
    () =>
      layoutStrategyMap(perspectives, links, {
        nodeWidth: OBJECTIVE_WIDTH,
        nodeHeight: OBJECTIVE_HEIGHT,
        labelWidth: BAND_LABEL_WIDTH,
        minColumns: 4,
      }),
    [perspectives, links],
  );
  // Tall enough for the bands at full size, within reason; taller maps zoom out to fit.
  const height = Math.min(900, Math.max(320, Math.round(layout.height + 48)));
  return (
    <figure
      aria-label="Strategy map"
      style={{ height }}
      className="overflow-hidden rounded-2xl border border-slate-200 bg-slate-50 shadow-sm"
    >
      <ReactFlowProvider>
        <Flow {...props} layout={layout} />
      </ReactFlowProvider>
    </figure>
  );
}

function Flow({
  links,
  editable,
  selectedLinkId,
  onSelectLink,
  onLink,
  onUnlink,
  onOpenObjective,
  layout,
}: StrategyGraphProps & { layout: ReturnType<typeof layoutStrategyMap<MapPerspective>> }) {
  const placed = useMemo(() => new Map(layout.objectives.map((o) => [o.id, o])), [layout]);

  const nodes = useMemo(
    () => [
      ...layout.bands.map(
        (b): BandFlowNode => ({
          id: `band-${b.id}`,
          type: "band",
          position: { x: b.x, y: b.y },
          width: b.width,
          height: b.height,
          zIndex: -1,
          draggable: false,
          selectable: false,
          connectable: false,
          focusable: false,
          ariaRole: "group",
          ariaLabel: `${b.band.name} perspective`,
          data: { perspective: b.band, shaded: b.index % 2 === 1 },
        }),
      ),
      ...layout.objectives.map(
        (o): ObjectiveFlowNode => ({
          id: o.id,
          type: "objective",
          position: { x: o.x, y: o.y },
          width: OBJECTIVE_WIDTH,
          height: OBJECTIVE_HEIGHT,
          draggable: false,
          selectable: false,
          deletable: false,
          connectable: editable,
          ariaRole: "group",
          ariaLabel: `${o.objective.name}: ${o.objective.score === null ? "no data" : `score ${formatScore(o.objective.score)}`}, ${o.objective.kpiCount} KPIs`,
          data: { objective: o.objective, editable, onOpen: onOpenObjective },
        }),
      ),
    ],
    [layout, editable, onOpenObjective],
  );

  const names = useMemo(() => new Map(layout.objectives.map((o) => [o.id, o.objective.name])), [layout]);
  const edges = useMemo(
    () =>
      links.flatMap((l): Edge[] => {
        const cause = placed.get(l.causeId);
        const effect = placed.get(l.effectId);
        if (!cause || !effect) return [];
        const sides = linkSides(cause, effect);
        const selected = l.id === selectedLinkId;
        const colour = selected ? SELECTED_COLOUR : EDGE_COLOUR;
        return [
          {
            id: l.id,
            source: l.causeId,
            target: l.effectId,
            sourceHandle: sides.source,
            targetHandle: sides.target,
            selected,
            selectable: editable,
            deletable: editable,
            // Every reader can Tab through the arrows (each named "cause drives effect"); only admins delete.
            focusable: true,
            interactionWidth: 16,
            style: { stroke: colour, strokeWidth: selected ? 3 : 1.75 },
            markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 18, height: 18 },
            ariaLabel: `${names.get(l.causeId)} drives ${names.get(l.effectId)}`,
          },
        ];
      }),
    [links, placed, names, selectedLinkId, editable],
  );

  // Edges are controlled here: selection is the only change this map takes from React Flow.
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      for (const change of changes) {
        if (change.type !== "select") continue;
        if (change.selected) onSelectLink(change.id);
        else if (change.id === selectedLinkId) onSelectLink(null);
      }
    },
    [onSelectLink, selectedLinkId],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      if (connection.source && connection.target && connection.source !== connection.target) {
        onLink(connection.source, connection.target);
      }
    },
    [onLink],
  );
  // Delete (or Backspace) removes the focused arrow, or the selected one: handled here rather than by
  // React Flow's deleteKeyCode, which removes only selected arrows, so that focus alone is enough.
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (!editable || (event.key !== "Delete" && event.key !== "Backspace")) return;
      const focused = (event.target as Element).closest(".react-flow__edge")?.getAttribute("data-id");
      const linkId = focused ?? selectedLinkId;
      if (!linkId) return;
      event.preventDefault();
      onUnlink(linkId);
    },
    [editable, selectedLinkId, onUnlink],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onEdgesChange={editable ? onEdgesChange : undefined}
      onConnect={editable ? onConnect : undefined}
      onKeyDown={onKeyDown}
      className={EDGE_FOCUS_RING}
      onPaneClick={() => onSelectLink(null)}
      connectionMode={ConnectionMode.Loose}
      connectionLineStyle={{ stroke: SELECTED_COLOUR, strokeWidth: 2 }}
      isValidConnection={(c) => c.source !== c.target && !c.source.startsWith("band-") && !c.target.startsWith("band-")}
      fitView
      fitViewOptions={fitViewOptions}
      minZoom={0.2}
      maxZoom={1.5}
      nodesDraggable={false}
      nodesConnectable={editable}
      nodesFocusable={false}
      edgesFocusable
      elementsSelectable={editable}
      deleteKeyCode={null}
      zoomOnDoubleClick={false}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
      <Controls
        showInteractive={false}
        position="bottom-right"
        className="overflow-hidden rounded-lg! border border-slate-200 shadow-sm!"
      />
    </ReactFlow>
  );
}
