"use client";

import {
  OBJECTIVE_LEVEL_LABELS,
  OBJECTIVE_STATUS_LABELS,
  type ObjectiveStatus,
  PROGRESS_SOURCE_LABELS,
  VISIBILITY_LABELS,
} from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ObjectiveProgress } from "~/components/okr/progress-bar";
import { StatusBadge } from "~/components/okr/status-badge";
import { Alert } from "~/components/ui/alert";
import { BADGE_TONES, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { formatDate, formatPercent } from "~/components/ui/format";
import { ui } from "~/components/ui/styles";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import { AlignedObjectives } from "./aligned-objectives";
import { ObjectiveEditForm } from "./objective-edit-form";
import type { ObjectiveDetail } from "./types";

const OBJECTIVE_STATUS_TONES: Record<ObjectiveStatus, BadgeTone> = {
  draft: "violet",
  active: "indigo",
  closed: "slate",
  archived: "amber",
};

export function ObjectiveHeader({ detail }: { detail: ObjectiveDetail }) {
  const { objective, cycle, expected, parent, strategicObjective, can } = detail;
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateObjectives();
  const [editing, setEditing] = useState(false);
  const ref = { objectiveId: objective.id, version: objective.version };

  const publish = useMutation(trpc.objectives.publish.mutationOptions({ onSuccess: invalidate }));
  const archive = useMutation(
    trpc.objectives.archive.mutationOptions({
      onSuccess: async () => {
        // An archived objective leaves the page: go where it was aligned, or to the dashboard.
        router.push(parent ? `/objectives/${parent.id}` : "/dashboard");
        await invalidate();
      },
    }),
  );
  const actionError = publish.error ?? archive.error;
  const hasActions = can.publish || can.edit;

  return (
    <header className={ui.card}>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/dashboard" className="hover:text-indigo-600 hover:underline">
          {cycle.name} objectives
        </Link>
        {/* The chain it contributes to, from the top down to its parent. */}
        {detail.path.map((step) => (
          <span key={step.id}>
            <span aria-hidden="true"> / </span>
            <Link href={`/objectives/${step.id}`} className="hover:text-indigo-600 hover:underline">
              {step.title}
            </Link>
          </span>
        ))}
      </nav>

      <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
        {/* At least 20rem for the title: on a phone the actions go below it rather than squeeze it. */}
        <div className="min-w-0 flex-[1_1_20rem]">
          <ul aria-label="Objective details" className="flex flex-wrap items-center gap-2 text-xs font-medium">
            <li className="rounded bg-slate-100 px-1.5 py-0.5 uppercase tracking-wide text-slate-600">
              {OBJECTIVE_LEVEL_LABELS[objective.level]}
            </li>
            {objective.team && <li className="text-slate-600">{objective.team.name}</li>}
            <li className="text-slate-600">
              <span className="sr-only">Owner: </span>
              {objective.owner.name}
            </li>
            <li
              className={`inline-flex rounded-full px-2 py-0.5 ring-1 ring-inset ${BADGE_TONES[OBJECTIVE_STATUS_TONES[objective.status]]}`}
            >
              {OBJECTIVE_STATUS_LABELS[objective.status]}
            </li>
            <li
              className={
                objective.visibility === "private"
                  ? "rounded bg-slate-800 px-1.5 py-0.5 text-white"
                  : "rounded bg-slate-100 px-1.5 py-0.5 text-slate-600"
              }
            >
              {VISIBILITY_LABELS[objective.visibility]}
            </li>
          </ul>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{objective.title}</h1>
          {objective.description && (
            <p className="mt-2 max-w-3xl whitespace-pre-line text-sm text-slate-600">{objective.description}</p>
          )}
          {parent ? (
            <p className="mt-2 text-sm text-slate-500">
              Aligns to{" "}
              <Link href={`/objectives/${parent.id}`} className="font-medium text-indigo-600 hover:underline">
                {parent.title}
              </Link>
            </p>
          ) : (
            <p className="mt-2 text-sm text-slate-500">Not aligned to another objective.</p>
          )}
          {strategicObjective && (
            <p className="mt-1 text-sm text-slate-500">
              Contributes to{" "}
              <Link href="/strategy-map" className="font-medium text-indigo-600 hover:underline">
                {strategicObjective.name}
              </Link>{" "}
              <span className="text-slate-500">· {strategicObjective.perspectiveName} perspective</span>
            </p>
          )}
        </div>

        {hasActions && !editing && (
          <div className="flex flex-wrap items-center gap-2">
            {can.publish && (
              <Button disabled={publish.isPending} onClick={() => publish.mutate(ref)}>
                {publish.isPending ? "Publishing…" : "Publish"}
              </Button>
            )}
            {can.edit && (
              <Button variant="secondary" onClick={() => setEditing(true)}>
                Edit objective
              </Button>
            )}
            {can.edit && (
              <ConfirmAction
                label="Archive"
                question="Archive this objective?"
                confirmLabel="Yes, archive"
                pending={archive.isPending}
                onConfirm={() => archive.mutate(ref)}
              />
            )}
          </div>
        )}
      </div>
      <Alert className="mt-3">{actionError?.message}</Alert>

      {editing && (
        <ObjectiveEditForm
          objective={objective}
          strategicObjectiveId={strategicObjective?.id ?? null}
          onDone={() => setEditing(false)}
        />
      )}

      <div className="mt-5 grid gap-4 border-t border-slate-100 pt-4 md:grid-cols-[minmax(0,1fr)_auto]">
        <div>
          <div className="flex items-center justify-between gap-3">
            <p className="text-sm font-medium text-slate-700">Overall progress</p>
            <StatusBadge status={objective.progressStatus} />
          </div>
          <div className="mt-2">
            <ObjectiveProgress objective={objective} expected={expected} />
          </div>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 md:text-right">
          <div>
            <dt className="text-xs text-slate-500">Expected by now</dt>
            <dd className="font-semibold tabular-nums text-slate-800">{formatPercent(expected)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Cycle</dt>
            <dd className="font-medium text-slate-800">
              {cycle.name}
              {cycle.status === "closed" && " (closed)"}
            </dd>
          </div>
          <div className="col-span-2 sm:col-span-1">
            <dt className="text-xs text-slate-500">Dates</dt>
            <dd className="whitespace-nowrap text-slate-700">
              {formatDate(cycle.startsOn)} – {formatDate(cycle.endsOn)}
            </dd>
          </div>
        </dl>
      </div>
      <p className="mt-3 text-xs text-slate-500">
        Progress from {PROGRESS_SOURCE_LABELS[objective.progressSource].toLowerCase()} · weight {objective.weight}
      </p>

      <AlignedObjectives
        objectiveId={objective.id}
        first={detail.aligned}
        nextCursor={detail.alignedNextCursor}
        total={objective.alignedCount}
      />
    </header>
  );
}
