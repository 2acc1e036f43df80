"use client";

import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "~/trpc/react";
import type { Branch, ObjectiveSummary } from "~/trpc/types";

/** An objective in the alignment views, with the aligned objectives loaded so far. */
export interface AlignmentItem {
  id: string;
  objective: ObjectiveSummary;
  children: AlignmentItem[];
  /** Objectives aligned under it that the viewer may see, loaded or not. */
  childCount: number;
  /** Opened, and its aligned objectives are on their way. */
  loading: boolean;
}

/**
 * The forest the alignment views draw: the roots, and under each opened objective the first
 * page of what aligns to it, read with `objectives.branch` when it is opened, never the whole
 * cycle at once. `collapsed` is every drawn objective with aligned objectives that is not open.
 */
export function useAlignmentTree(roots: readonly ObjectiveSummary[], expanded: ReadonlySet<string>) {
  const trpc = useTRPC();
  const loaded = useQueries({
    queries: [...expanded].map((objectiveId) => trpc.objectives.branch.queryOptions({ objectiveId })),
    combine: alignedById,
  });
  return useMemo(() => buildForest(roots, expanded, loaded), [roots, expanded, loaded]);
}

// Module-level, so TanStack Query keeps the combined map until a branch's answer changes.
function alignedById(results: readonly { data?: Branch }[]): ReadonlyMap<string, readonly ObjectiveSummary[]> {
  return new Map(results.flatMap((r) => (r.data ? [[r.data.objectiveId, r.data.aligned] as const] : [])));
}

export function buildForest(
  roots: readonly ObjectiveSummary[],
  expanded: ReadonlySet<string>,
  loaded: ReadonlyMap<string, readonly ObjectiveSummary[]>,
) {
  const seen = new Set<string>();
  const collapsed = new Set<string>();
  const item = (objective: ObjectiveSummary): AlignmentItem => {
    seen.add(objective.id);
    const open = expanded.has(objective.id);
    if (!open && objective.alignedCount > 0) collapsed.add(objective.id);
    const aligned = open ? loaded.get(objective.id) : undefined;
    return {
      id: objective.id,
      objective,
      childCount: objective.alignedCount,
      loading: open && !aligned && objective.alignedCount > 0,
      children: (aligned ?? []).filter((child) => !seen.has(child.id)).map(item),
    };
  };
  return { forest: roots.map(item), collapsed: collapsed as ReadonlySet<string> };
}
