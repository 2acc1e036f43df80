import { OBJECTIVE_LEVEL_LABELS, OBJECTIVE_STATUS_LABELS } from "@meridian/domain";
import Link from "next/link";
import { ObjectiveProgress } from "~/components/okr/progress-bar";
import { StatusBadge } from "~/components/okr/status-badge";
import type { ObjectiveNode } from "~/trpc/types";

/** One objective in a list or on a team board: enough to scan, a link to the rest. */
export function ObjectiveSummary({
  objective: o,
  expected,
  compact = false,
}: {
  objective: ObjectiveNode;
  expected: number;
  compact?: boolean;
}) {
  return (
    <article aria-label={o.title} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
            <span className="rounded bg-slate-100 px-1.5 py-0.5 uppercase tracking-wide text-slate-600">
              {OBJECTIVE_LEVEL_LABELS[o.level]}
            </span>
            {!compact && o.team && <span>{o.team.name}</span>}
            <span>· {o.owner.name}</span>
            {o.status !== "active" && (
              <span className="rounded bg-violet-50 px-1.5 py-0.5 text-violet-700">
                {OBJECTIVE_STATUS_LABELS[o.status]}
              </span>
            )}
            {o.visibility === "private" && (
              <span className="rounded bg-slate-800 px-1.5 py-0.5 text-white">Private</span>
            )}
          </p>
          <h3 className="mt-1 font-medium text-slate-900">
            <Link href={`/objectives/${o.id}`} className="hover:text-indigo-700 hover:underline">
              {o.title}
            </Link>
          </h3>
        </div>
        <StatusBadge status={o.progressStatus} />
      </div>
      <div className="mt-2">
        <ObjectiveProgress objective={o} expected={expected} size="sm" />
      </div>
      {!compact && (
        <p className="mt-1 text-xs text-slate-500">
          {o.keyResults.length} key result{o.keyResults.length === 1 ? "" : "s"}
        </p>
      )}
    </article>
  );
}
