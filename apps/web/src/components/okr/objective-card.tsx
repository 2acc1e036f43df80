"use client";

import type { ObjectiveNode } from "@meridian/api";
import { OBJECTIVE_LEVEL_LABELS } from "@meridian/domain";
import Link from "next/link";
import { KeyResultRow } from "./key-result-row";
import { ObjectiveProgress } from "./progress-bar";
import { StatusBadge } from "./status-badge";

/** An objective with its key results and, nested below, the objectives aligned to it. */
export function ObjectiveCard({
  objective,
  expected,
  standalone = false,
}: {
  objective: ObjectiveNode;
  expected: number;
  /** Drawn as a card of its own even when it is aligned under another objective. */
  standalone?: boolean;
}) {
  const isRoot = standalone || objective.level === "company" || objective.parentId === null;
  return (
    <article
      aria-label={objective.title}
      className={
        isRoot ? "rounded-2xl border border-slate-200 bg-white p-5 shadow-sm" : "border-l-2 border-slate-200 pl-4"
      }
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
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
          <h2 className={`mt-1 font-semibold text-slate-900 ${isRoot ? "text-lg" : "text-base"}`}>
            <Link href={`/objectives/${objective.id}`} className="hover:text-indigo-700 hover:underline">
              {objective.title}
            </Link>
          </h2>
        </div>
        <StatusBadge status={objective.progressStatus} />
      </div>
      <div className="mt-3 max-w-xl">
        <ObjectiveProgress objective={objective} expected={expected} />
      </div>

      {objective.keyResults.length > 0 && (
        <ul aria-label={`Key results of ${objective.title}`} className="mt-4 divide-y divide-slate-100">
          {objective.keyResults.map((kr) => (
            <KeyResultRow key={kr.id} keyResult={kr} expected={expected} />
          ))}
        </ul>
      )}

      {objective.children.length > 0 && (
        <div className="mt-4 space-y-4">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-400">Aligned objectives</p>
          {objective.children.map((child) => (
            <ObjectiveCard key={child.id} objective={child} expected={expected} />
          ))}
        </div>
      )}
    </article>
  );
}
