"use client";

import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { memo } from "react";
import { formatScore, KPI_STATUS_STYLES } from "~/components/scorecard/status-colours";
import { StatusPill } from "~/components/scorecard/status-pill";
import type { MapObjective, MapPerspective } from "~/components/strategy/types";

export const OBJECTIVE_WIDTH = 224;
export const OBJECTIVE_HEIGHT = 104;
export const BAND_LABEL_WIDTH = 200;

export type BandFlowNode = Node<{ perspective: MapPerspective; shaded: boolean }, "band">;
export type ObjectiveFlowNode = Node<
  { objective: MapObjective; editable: boolean; onOpen: (objectiveId: string) => void },
  "objective"
>;

/** A perspective's band: a full-width strip with its name, weight and score on the left. */
export const BandNodeView = memo(function BandNodeView({ data, width, height }: NodeProps<BandFlowNode>) {
  const { perspective, shaded } = data;
  return (
    <div
      style={{ width, height }}
      className={`flex rounded-xl border border-slate-200 ${shaded ? "bg-slate-100/70" : "bg-white"}`}
    >
      <div
        style={{ width: BAND_LABEL_WIDTH }}
        className="flex shrink-0 flex-col justify-center gap-1.5 border-r border-slate-200 px-4"
      >
        <p className="text-sm font-semibold leading-5 text-slate-800">{perspective.name}</p>
        <div>
          <StatusPill status={perspective.status} score={perspective.score} />
        </div>
        <p className="text-[11px] text-slate-500">Weight {perspective.weight}</p>
      </div>
    </div>
  );
});

// Handles are where an admin starts and ends a link with a pointer (a div, which may carry no name);
// keyboard users add links from the form under the map. For readers they only anchor arrows.
const hiddenHandle = { opacity: 0, pointerEvents: "none", border: 0, minWidth: 0, minHeight: 0 } as const;
const HANDLE_CLASS =
  "h-2.5! w-2.5! border-2! border-white! bg-indigo-500! opacity-0 transition-opacity group-hover:opacity-100";
const SIDES = [
  ["top", Position.Top],
  ["bottom", Position.Bottom],
  ["left", Position.Left],
  ["right", Position.Right],
] as const;

/** A strategic objective, coloured by its score status for the quarter. */
export const ObjectiveNodeView = memo(function ObjectiveNodeView({ data }: NodeProps<ObjectiveFlowNode>) {
  const { objective, editable, onOpen } = data;
  const style = KPI_STATUS_STYLES[objective.status];
  return (
    <div
      className={`group pointer-events-auto flex h-full w-full flex-col rounded-xl border-2 px-3 py-2.5 text-left shadow-sm ${style.bg} ${style.border}`}
    >
      {SIDES.map(([id, position]) => (
        <Handle
          key={id}
          id={id}
          type="source"
          position={position}
          isConnectable={editable}
          className={editable ? HANDLE_CLASS : undefined}
          style={editable ? undefined : hiddenHandle}
        />
      ))}
      {/* The objective's one tab stop: Enter (or a click) opens its KPIs and aligned OKRs under the map. */}
      <button
        type="button"
        title={objective.name}
        data-objective-id={objective.id}
        onClick={() => onOpen(objective.id)}
        className="nopan line-clamp-2 cursor-pointer rounded text-left text-sm font-semibold leading-5 text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {objective.name}
      </button>
      <p className="mt-0.5 truncate text-xs text-slate-600">{objective.owner.name}</p>
      <div className="mt-auto flex items-end justify-between gap-2">
        <span className={`flex items-center gap-1.5 text-xs font-medium ${style.text}`}>
          <span aria-hidden="true" className={`h-2 w-2 rounded-full ${style.dot}`} />
          {style.label}
        </span>
        <span className="flex items-baseline gap-2 text-xs text-slate-600">
          <span>
            {objective.kpiCount} KPI{objective.kpiCount === 1 ? "" : "s"}
          </span>
          <span className={`text-lg font-semibold tabular-nums leading-none ${style.text}`}>
            {formatScore(objective.score)}
          </span>
        </span>
      </div>
    </div>
  );
});
