"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { nextBranchPage } from "~/components/okr/dashboard-pages";
import { StatusBadge } from "~/components/okr/status-badge";
import { Button } from "~/components/ui/button";
import { formatPercent } from "~/components/ui/format";
import { useTRPC } from "~/trpc/react";
import type { ObjectiveSummary } from "~/trpc/types";

/**
 * The objectives aligned to this one: the first page comes with the objective, the rest
 * page by page from `objectives.branch`, starting where the first page stopped.
 */
export function AlignedObjectives({
  objectiveId,
  first,
  nextCursor,
  total,
}: {
  objectiveId: string;
  first: readonly ObjectiveSummary[];
  nextCursor: string | null;
  total: number;
}) {
  const trpc = useTRPC();
  const more = useInfiniteQuery({
    ...trpc.objectives.branch.infiniteQueryOptions(
      { objectiveId },
      { getNextPageParam: nextBranchPage, initialCursor: nextCursor },
    ),
    // Asked for only when the reader wants more than the first page.
    enabled: false,
  });
  const loadedMore = more.data?.pages.flatMap((page) => page.aligned) ?? [];
  const shown = [...first, ...loadedMore];
  const hasMore = more.data ? more.hasNextPage : nextCursor !== null;
  const loadMore = () => (more.data ? more.fetchNextPage() : more.refetch());
  if (shown.length === 0) return null;

  return (
    <div className="mt-4 border-t border-slate-100 pt-4">
      <h2 className="text-xs font-medium uppercase tracking-wide text-slate-500">
        Aligned objectives <span className="tabular-nums">({total})</span>
      </h2>
      <ul className="mt-2 space-y-1.5">
        {shown.map((child) => (
          <li key={child.id} className="flex items-center justify-between gap-3 text-sm">
            <Link href={`/objectives/${child.id}`} className="min-w-0 truncate text-indigo-700 hover:underline">
              {child.title}
            </Link>
            <span className="flex shrink-0 items-center gap-2">
              <span className="tabular-nums text-slate-600">{formatPercent(child.progress)}</span>
              <StatusBadge status={child.progressStatus} />
            </span>
          </li>
        ))}
      </ul>
      {hasMore && (
        <Button variant="secondary" size="sm" className="mt-3" disabled={more.isFetching} onClick={() => loadMore()}>
          {more.isFetching ? "Loading…" : `Show more (${shown.length} of ${total})`}
        </Button>
      )}
    </div>
  );
}
