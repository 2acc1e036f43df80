"use client";

import { OBJECTIVE_LEVEL_LABELS } from "@meridian/domain";
import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import Link from "next/link";
import { createContext, memo, useContext } from "react";
import { ObjectiveProgress } from "~/components/okr/progress-bar";
import { StatusBadge } from "~/components/okr/status-badge";
import { Toggle } from "~/components/ui/toggle";
import type { ObjectiveSummary } from "~/trpc/types";
import { hiddenTitle, LEVEL_CHIP, objectiveHref } from "./labels";

export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 140;

export type ObjectiveFlowNodeData = {
  objective: ObjectiveSummary;
  expected: number;
  hasChildren: boolean;
  collapsed: boolean;
  /** Objectives aligned directly to this one: what opening it shows. */
  hidden: number;
};
export type ObjectiveFlowNode = Node<ObjectiveFlowNodeData, "objective">;

/** How a node asks the graph to collapse or expand it (kept out of node data, which stays plain). */
export const ToggleContext = createContext<(id: string) => void>(() => {});

// Edges attach to these; they carry no interaction (the graph is read-only), so they stay invisible.
const handleStyle = { opacity: 0, pointerEvents: "none", border: 0, minWidth: 0, minHeight: 0 } as const;

export const ObjectiveFlowNodeView = memo(function ObjectiveFlowNodeView({ id, data }: NodeProps<ObjectiveFlowNode>) {
  const onToggle = useContext(ToggleContext);
  const { objective, expected, hasChildren, collapsed, hidden } = data;
  return (
    // React Flow turns pointer events off on nodes that are neither draggable nor selectable; the link
    // and the button inside need them back.
    <div className="pointer-events-auto flex h-full w-full flex-col rounded-xl border border-slate-200 bg-white p-3 text-left shadow-sm transition-shadow hover:shadow-md">
      <Handle type="target" position={Position.Top} isConnectable={false} style={handleStyle} />
      <div className="flex h-6 items-center gap-2">
        <span
          className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${LEVEL_CHIP[objective.level]}`}
        >
          {OBJECTIVE_LEVEL_LABELS[objective.level]}
        </span>
        {objective.status === "draft" && (
          <span className="rounded bg-violet-50 px-1.5 py-0.5 text-[11px] font-medium text-violet-700">Draft</span>
        )}
        {objective.visibility === "private" && (
          <span className="rounded bg-slate-800 px-1.5 py-0.5 text-[11px] font-medium text-white">Private</span>
        )}
        {hasChildren && (
          <Toggle
            look="outlined"
            name={objective.title}
            collapsed={collapsed}
            count={hidden}
            title={hiddenTitle(collapsed, hidden)}
            onToggle={() => onToggle(id)}
            className="nodrag nopan ml-auto"
          />
        )}
      </div>
      <Link
        href={objectiveHref(objective.id)}
        title={objective.title}
        className="nodrag nopan mt-1.5 line-clamp-2 text-sm font-semibold leading-5 text-slate-900 hover:text-indigo-700 hover:underline"
      >
        {objective.title}
      </Link>
      <p className="mt-0.5 truncate text-xs text-slate-500">
        {objective.team ? `${objective.team.name} · ` : ""}
        {objective.owner.name}
      </p>
      <div className="mt-auto flex items-center gap-2">
        <StatusBadge status={objective.progressStatus} />
        <div className="min-w-0 flex-1">
          <ObjectiveProgress objective={objective} expected={expected} size="sm" />
        </div>
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={handleStyle} />
    </div>
  );
});
