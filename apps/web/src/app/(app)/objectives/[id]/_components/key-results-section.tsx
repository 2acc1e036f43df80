"use client";

import type { KeyResultView } from "@meridian/api";
import { isRangeType, KEY_RESULT_TYPE_LABELS } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { AddKeyResultForm, EditKeyResultForm } from "~/components/objective/key-result-form";
import { Sparkline } from "~/components/objective/sparkline";
import { CheckInForm } from "~/components/okr/check-in-form";
import { ProgressBar } from "~/components/okr/progress-bar";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { ErrorMessage } from "~/components/ui/field";
import { formatTarget, formatValue } from "~/components/ui/format";
import { ui } from "~/components/ui/styles";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { CheckInEntry, ObjectiveDetail } from "./types";

export function KeyResultsSection({ detail }: { detail: ObjectiveDetail }) {
  const { objective, expected, can } = detail;
  const [adding, setAdding] = useState(false);
  const valuesByKr = useMemo(() => groupValues(detail.checkIns), [detail.checkIns]);
  // One column width for every row's buttons, so the bars line up whatever each row offers.
  const grid = can.edit
    ? "md:grid-cols-[minmax(0,1fr)_6rem_13rem_14rem]"
    : objective.keyResults.some((kr) => kr.canCheckIn)
      ? "md:grid-cols-[minmax(0,1fr)_6rem_14rem_5.5rem]"
      : "md:grid-cols-[minmax(0,1fr)_6rem_14rem]";

  return (
    <section className={ui.card}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold text-slate-900">Key results</h2>
        {can.edit && !adding && (
          <button type="button" onClick={() => setAdding(true)} className={ui.secondary}>
            Add key result
          </button>
        )}
      </div>
      {objective.keyResults.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No key results yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {objective.keyResults.map((kr) => (
            <KeyResultItem
              key={kr.id}
              keyResult={kr}
              expected={expected}
              values={valuesByKr.get(kr.id) ?? []}
              canEdit={can.edit}
              grid={grid}
            />
          ))}
        </ul>
      )}
      {adding && <AddKeyResultForm objectiveId={objective.id} onDone={() => setAdding(false)} />}
    </section>
  );
}

function groupValues(checkIns: readonly CheckInEntry[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  // Check-ins arrive oldest first.
  for (const c of checkIns) out.set(c.keyResultId, [...(out.get(c.keyResultId) ?? []), c.value]);
  return out;
}

type Mode = "idle" | "checking-in" | "editing";

function KeyResultItem({
  keyResult: kr,
  expected,
  values,
  canEdit,
  grid,
}: {
  keyResult: KeyResultView;
  expected: number;
  values: readonly number[];
  canEdit: boolean;
  /** The row's grid columns, shared by all rows. */
  grid: string;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  const [mode, setMode] = useState<Mode>("idle");
  const archive = useMutation(trpc.keyResults.archive.mutationOptions({ onSuccess: invalidate }));

  return (
    <li className="py-3">
      <div className={`grid grid-cols-1 items-center gap-x-5 gap-y-2 ${grid}`}>
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-800">{kr.title}</p>
          <p className="mt-0.5 text-xs text-slate-500">
            {KEY_RESULT_TYPE_LABELS[kr.type]} ·{" "}
            {kr.currentValue === null ? (
              "no check-in yet"
            ) : (
              <>
                now <span className="font-medium text-slate-700">{formatValue(kr, kr.currentValue)}</span>
              </>
            )}{" "}
            {isRangeType(kr.type) && ` · start ${formatValue(kr, kr.startValue)}`} · target {formatTarget(kr)} ·{" "}
            {kr.owner.name}
            {kr.currentConfidence !== null && ` · confidence ${kr.currentConfidence}/10`}
            {kr.weight !== 1 && ` · weight ${kr.weight}`}
          </p>
        </div>
        <Sparkline values={values} label={`Check-in values of ${kr.title}`} />
        <ProgressBar
          size="sm"
          progress={kr.progress}
          expected={expected}
          status={kr.status}
          label={`Progress of ${kr.title}`}
        />
        <div className="flex flex-wrap items-center justify-end gap-2">
          {kr.canCheckIn && mode !== "checking-in" && (
            <button
              type="button"
              onClick={() => setMode("checking-in")}
              aria-label={`Check in on ${kr.title}`}
              className="rounded-md border border-indigo-200 px-2.5 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
            >
              Check in
            </button>
          )}
          {canEdit && mode !== "editing" && (
            <button
              type="button"
              onClick={() => setMode("editing")}
              aria-label={`Edit ${kr.title}`}
              className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
            >
              Edit
            </button>
          )}
          {canEdit && (
            <ConfirmAction
              size="sm"
              label="Archive"
              ariaLabel={`Archive ${kr.title}`}
              question="Archive this key result?"
              confirmLabel="Yes, archive"
              pending={archive.isPending}
              onConfirm={() => archive.mutate({ keyResultId: kr.id, version: kr.version })}
            />
          )}
        </div>
      </div>
      {archive.error && (
        <div className="mt-2">
          <ErrorMessage>{archive.error.message}</ErrorMessage>
        </div>
      )}
      {mode === "checking-in" && <CheckInForm keyResult={kr} onDone={() => setMode("idle")} />}
      {mode === "editing" && <EditKeyResultForm keyResult={kr} onDone={() => setMode("idle")} />}
    </li>
  );
}
