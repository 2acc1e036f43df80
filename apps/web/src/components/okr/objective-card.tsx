"use client";

import { OBJECTIVE_LEVEL_LABELS } from "@meridian/domain";
import Link from "next/link";
import { useId, useState } from "react";
import { Toggle } from "~/components/ui/toggle";
import type { KeyResultView, ObjectiveSummary } from "~/trpc/types";
import { KeyResultRow } from "./key-result-row";
import { ObjectiveBranch } from "./objective-branch";
import { ObjectiveProgress } from "./progress-bar";
import { StatusBadge } from "./status-badge";

/**
 * An objective as a card. Given its key results (my and team pages), it shows them; otherwise
 * (the dashboard) it is lean, and opening it loads its key results and the objectives aligned
 * to it, a page at a time.
 */
export function ObjectiveCard({
  objective,
  expected,
  keyResults,
  nested = false,
}: {
  objective: ObjectiveSummary;
  expected: number;
  keyResults?: readonly KeyResultView[];
  /** Drawn as a branch under its parent rather than as a card of its own. */
  nested?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  const hasDetail = objective.keyResultCount > 0 || objective.alignedCount > 0;
  return (
    <article
      aria-label={objective.title}
      className={
        nested
          ? "border-l-2 border-slate-200 pl-4"
          : "rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5"
      }
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        {/* At least 16rem for the title: on a phone the status goes below it rather than squeeze it. */}
        <div className="flex min-w-0 flex-[1_1_16rem] items-start gap-2">
          {!keyResults && hasDetail && (
            <Toggle
              look="outlined"
              name={objective.title}
              collapsed={!open}
              onToggle={() => setOpen(!open)}
              aria-controls={open ? detailId : undefined}
              className="mt-5"
            />
          )}
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2 text-xs font-medium text-slate-500">
              <span className="rounded bg-slate-100 px-1.5 py-0.5 uppercase tracking-wide text-slate-600">
                {OBJECTIVE_LEVEL_LABELS[objective.level]}
              </span>
              {objective.team && <span>{objective.team.name}</span>}
              <span aria-hidden="true">·</span>
              <span>{objective.owner.name}</span>
              {objective.status === "draft" && (
                <span className="rounded bg-violet-50 px-1.5 py-0.5 text-violet-700">Draft</span>
              )}
              {objective.visibility === "private" && (
                <span className="rounded bg-slate-800 px-1.5 py-0.5 text-white">Private</span>
              )}
            </p>
            <h2 className={`mt-1 font-semibold text-slate-900 ${nested ? "text-base" : "text-lg"}`}>
              <Link href={`/objectives/${objective.id}`} className="hover:text-indigo-700 hover:underline">
                {objective.title}
              </Link>
            </h2>
            <p className="mt-0.5 text-xs text-slate-500">{detailSummary(objective)}</p>
          </div>
        </div>
        <StatusBadge status={objective.progressStatus} />
      </div>
      <div className="mt-3 max-w-xl">
        <ObjectiveProgress objective={objective} expected={expected} />
      </div>

      {keyResults && keyResults.length > 0 && (
        <ul aria-label={`Key results of ${objective.title}`} className="mt-4 divide-y divide-slate-100">
          {keyResults.map((kr) => (
            <KeyResultRow key={kr.id} keyResult={kr} expected={expected} />
          ))}
        </ul>
      )}
      {!keyResults && open && (
        <div id={detailId}>
          <ObjectiveBranch objective={objective} expected={expected} />
        </div>
      )}
    </article>
  );
}

function detailSummary({ keyResultCount: krs, alignedCount: aligned }: ObjectiveSummary): string {
  const parts = [`${krs} key result${krs === 1 ? "" : "s"}`];
  if (aligned > 0) parts.push(`${aligned} aligned objective${aligned === 1 ? "" : "s"}`);
  return parts.join(" · ");
}
