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
import { useCallback, useMemo } from "react";
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

interface StrategyGraphProps {
  perspectives: readonly MapPerspective[];
  links: readonly MapLink[];
  editable: boolean;
  selectedLinkId: string | null;
  onSelectLink: (linkId: string | null) => void;
  onLink: (causeId: string, effectId: string) => void;
  onUnlink: (linkId: string) => void;
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
          data: { objective: o.objective, editable },
        }),
      ),
    ],
    [layout, editable],
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
            focusable: editable,
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
  const onEdgesDelete = useCallback(
    (deleted: Edge[]) => {
      for (const edge of deleted) onUnlink(edge.id);
    },
    [onUnlink],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onEdgesChange={editable ? onEdgesChange : undefined}
      onConnect={editable ? onConnect : undefined}
      onEdgesDelete={editable ? onEdgesDelete : undefined}
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
      edgesFocusable={editable}
      elementsSelectable={editable}
      deleteKeyCode={editable ? ["Delete", "Backspace"] : null}
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
