"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/react";
import type { ObjectiveSummary } from "~/trpc/types";
import { nextBranchPage } from "./dashboard-pages";
import { KeyResultRow } from "./key-result-row";
import { ObjectiveCard } from "./objective-card";
import { LoadError } from "./page-states";

/** An opened objective on the dashboard: its key results, then the objectives aligned to it, paged. */
export function ObjectiveBranch({ objective, expected }: { objective: ObjectiveSummary; expected: number }) {
  const trpc = useTRPC();
  const branch = useInfiniteQuery(
    trpc.objectives.branch.infiniteQueryOptions({ objectiveId: objective.id }, { getNextPageParam: nextBranchPage }),
  );
  if (branch.error) return <LoadError message={branch.error.message} />;
  if (!branch.data) return <p className="mt-4 text-sm text-slate-500">Loading…</p>;

  const keyResults = branch.data.pages[0]?.keyResults ?? [];
  const aligned = branch.data.pages.flatMap((page) => page.aligned);
  return (
    <>
      {keyResults.length > 0 && (
        <ul aria-label={`Key results of ${objective.title}`} className="mt-4 divide-y divide-slate-100">
          {keyResults.map((kr) => (
            <KeyResultRow key={kr.id} keyResult={kr} expected={expected} />
          ))}
        </ul>
      )}
      {aligned.length > 0 && (
        <div className="mt-4 space-y-4">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Aligned objectives</p>
          {aligned.map((child) => (
            <ObjectiveCard key={child.id} objective={child} expected={expected} nested />
          ))}
          {branch.hasNextPage && (
            <Button
              variant="secondary"
              size="sm"
              disabled={branch.isFetchingNextPage}
              onClick={() => branch.fetchNextPage()}
            >
              {branch.isFetchingNextPage
                ? "Loading…"
                : `Show more aligned objectives (${aligned.length} of ${objective.alignedCount})`}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
