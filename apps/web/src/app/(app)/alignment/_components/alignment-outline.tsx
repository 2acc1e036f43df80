"use client";

import { OBJECTIVE_LEVEL_LABELS, PROGRESS_STATUS_LABELS } from "@meridian/domain";
import Link from "next/link";
import { type FocusEvent, type KeyboardEvent, useId, useMemo, useRef, useState } from "react";
import { ObjectiveProgress } from "~/components/okr/progress-bar";
import { StatusBadge } from "~/components/okr/status-badge";
import { formatPercent } from "~/components/ui/format";
import { Toggle } from "~/components/ui/toggle";
import type { AlignmentItem } from "./alignment-tree";
import { hiddenTitle, LEVEL_CHIP, objectiveHref } from "./labels";

interface AlignmentOutlineProps {
  roots: readonly AlignmentItem[];
  expected: number;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

interface VisibleItem {
  node: AlignmentItem;
  parentId: string | null;
}

/** Treeitems in reading order, skipping what collapsed ancestors hide: what the arrow keys walk. */
function visibleItems(roots: readonly AlignmentItem[], collapsed: ReadonlySet<string>): VisibleItem[] {
  const items: VisibleItem[] = [];
  const walk = (nodes: readonly AlignmentItem[], parentId: string | null) => {
    for (const node of nodes) {
      items.push({ node, parentId });
      if (!collapsed.has(node.id)) walk(node.children, node.id);
    }
  };
  walk(roots, null);
  return items;
}

/**
 * The same tree as the graph, as nested lists: an ARIA tree. One treeitem is in the tab order;
 * arrows move between items, Right/Left expand and collapse, Enter opens the objective.
 */
export function AlignmentOutline({ roots, expected, collapsed, onToggle }: AlignmentOutlineProps) {
  const treeRef = useRef<HTMLUListElement>(null);
  const idPrefix = useId();
  const visible = useMemo(() => visibleItems(roots, collapsed), [roots, collapsed]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const current = visible.some((v) => v.node.id === activeId) ? activeId : (visible[0]?.node.id ?? null);

  const focusItem = (id: string) => {
    setActiveId(id);
    treeRef.current?.querySelector<HTMLElement>(`[data-tree-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onFocus = (event: FocusEvent<HTMLUListElement>) => {
    const item = (event.target as HTMLElement).closest<HTMLElement>("[role=treeitem]");
    const id = item?.dataset.treeId;
    if (id) setActiveId(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    if (target.getAttribute("role") !== "treeitem") return; // keys on the link or button keep their meaning
    const index = visible.findIndex((v) => v.node.id === target.dataset.treeId);
    const item = visible[index];
    if (!item) return;
    const { node } = item;
    const hasChildren = node.childCount > 0;
    const isCollapsed = collapsed.has(node.id);
    let next: VisibleItem | undefined;
    switch (event.key) {
      case "ArrowDown":
        next = visible[index + 1];
        break;
      case "ArrowUp":
        next = visible[index - 1];
        break;
      case "Home":
        next = visible[0];
        break;
      case "End":
        next = visible[visible.length - 1];
        break;
      case "ArrowRight":
        if (hasChildren && isCollapsed) onToggle(node.id);
        else if (hasChildren) next = visible[index + 1];
        break;
      case "ArrowLeft":
        if (hasChildren && !isCollapsed) onToggle(node.id);
        else if (item.parentId) next = visible.find((v) => v.node.id === item.parentId);
        break;
      case "Enter":
        target.querySelector<HTMLAnchorElement>("a[href]")?.click();
        break;
      default:
        return;
    }
    event.preventDefault();
    if (next) focusItem(next.node.id);
  };

  return (
    <div className="rounded-2xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <ul
        ref={treeRef}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an ARIA tree over nested lists, with its keyboard handling above.
        role="tree"
        aria-label="Alignment outline"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        className="space-y-1"
      >
        {roots.map((node) => (
          <OutlineItem
            key={node.id}
            node={node}
            expected={expected}
            collapsed={collapsed}
            onToggle={onToggle}
            activeId={current}
            idPrefix={idPrefix}
          />
        ))}
      </ul>
    </div>
  );
}

function OutlineItem({
  node,
  expected,
  collapsed,
  onToggle,
  activeId,
  idPrefix,
}: {
  node: AlignmentItem;
  expected: number;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
  activeId: string | null;
  idPrefix: string;
}) {
  const { objective } = node;
  const hasChildren = node.childCount > 0;
  const isCollapsed = hasChildren && collapsed.has(node.id);
  const itemId = `${idPrefix}-${node.id}`;
  const groupId = `${itemId}-group`;
  return (
    <li
      role="treeitem"
      aria-expanded={hasChildren ? !isCollapsed : undefined}
      aria-label={objective.title}
      aria-describedby={`${itemId}-meta ${itemId}-summary`}
      data-tree-id={node.id}
      tabIndex={node.id === activeId ? 0 : -1}
      className="rounded-xl focus-visible:outline-none [&:focus-visible>div]:ring-2 [&:focus-visible>div]:ring-indigo-500"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl px-2 py-2 hover:bg-slate-50 sm:flex-nowrap">
        <div className="flex min-w-0 flex-1 items-center gap-2">
          {hasChildren ? (
            <Toggle
              look="outlined"
              name={objective.title}
              collapsed={isCollapsed}
              count={node.childCount}
              title={hiddenTitle(isCollapsed, node.childCount)}
              onToggle={() => onToggle(node.id)}
              aria-controls={node.children.length > 0 && !isCollapsed ? groupId : undefined}
              tabIndex={-1}
            />
          ) : (
            <span aria-hidden="true" className="inline-flex w-6 shrink-0 justify-center text-slate-300">
              •
            </span>
          )}
          <span
            className={`shrink-0 rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${LEVEL_CHIP[objective.level]}`}
          >
            {OBJECTIVE_LEVEL_LABELS[objective.level]}
          </span>
          <div className="min-w-0">
            <Link
              href={objectiveHref(objective.id)}
              tabIndex={-1}
              className="block text-sm font-semibold text-slate-900 sm:truncate hover:text-indigo-700 hover:underline"
            >
              {objective.title}
            </Link>
            <p id={`${itemId}-meta`} className="truncate text-xs text-slate-500">
              {objective.team ? `${objective.team.name} · ` : ""}
              {objective.owner.name}
              {objective.status === "draft" && " · Draft"}
              {objective.visibility === "private" && " · Private"}
            </p>
          </div>
        </div>
        <div className="flex w-full items-center gap-3 pl-8 sm:w-auto sm:pl-0">
          <div className="w-full sm:w-44">
            <ObjectiveProgress objective={objective} expected={expected} size="sm" />
          </div>
          <span className="flex w-24 shrink-0 justify-end">
            <StatusBadge status={objective.progressStatus} />
          </span>
          <span id={`${itemId}-summary`} hidden>
            {`${OBJECTIVE_LEVEL_LABELS[objective.level]} objective, ${formatPercent(objective.progress)} progress, ${PROGRESS_STATUS_LABELS[objective.progressStatus]}`}
          </span>
        </div>
      </div>
      {node.loading && <p className="ml-10 py-1 text-xs text-slate-500">Loading aligned objectives…</p>}
      {node.children.length > 0 && !isCollapsed && (
        // biome-ignore lint/a11y/useSemanticElements: children of a treeitem are an ARIA group.
        <ul role="group" id={groupId} className="ml-5 space-y-1 border-l border-slate-200 pl-3">
          {node.children.map((child) => (
            <OutlineItem
              key={child.id}
              node={child}
              expected={expected}
              collapsed={collapsed}
              onToggle={onToggle}
              activeId={activeId}
              idPrefix={idPrefix}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
