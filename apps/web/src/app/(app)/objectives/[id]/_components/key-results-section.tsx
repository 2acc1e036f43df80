"use client";

import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { CheckInForm } from "~/components/okr/check-in-form";
import { CheckInButton, KeyResultFacts } from "~/components/okr/key-result-parts";
import { KeyResultProgress } from "~/components/okr/progress-bar";
import { CheckInSavedStatus, useCheckInOpener } from "~/components/okr/use-check-in-opener";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { Section } from "~/components/ui/section";
import { Sparkline } from "~/components/ui/sparkline";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { KeyResultView } from "~/trpc/types";
import { AddKeyResultForm, EditKeyResultForm } from "./key-result-form";
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
    <Section
      title="Key results"
      actions={
        can.edit &&
        !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add key result
          </Button>
        )
      }
    >
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
    </Section>
  );
}

function groupValues(checkIns: readonly CheckInEntry[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  // Check-ins arrive oldest first.
  for (const c of checkIns) out.set(c.keyResultId, [...(out.get(c.keyResultId) ?? []), c.value]);
  return out;
}

type Mode = "idle" | "editing";

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
  const checkIn = useCheckInOpener();
  const archive = useMutation(trpc.keyResults.archive.mutationOptions({ onSuccess: invalidate }));

  return (
    <li className="py-3">
      <div className={`grid grid-cols-1 items-center gap-x-5 gap-y-2 ${grid}`}>
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-800">{kr.title}</p>
          <KeyResultFacts keyResult={kr} detailed />
        </div>
        {/* Decoration beside the check-in table, which has the numbers. */}
        <Sparkline
          values={values}
          label={`Check-in values of ${kr.title}`}
          decorative
          curve="monotone"
          width={96}
          stroke="#4f46e5"
          fallback={
            <span aria-hidden="true" className="block h-7 w-24 text-center text-[11px] leading-7 text-slate-500">
              {values.length === 0 ? "no data" : "1 check-in"}
            </span>
          }
        />
        <KeyResultProgress keyResult={kr} expected={expected} />
        <div className="flex flex-wrap items-center justify-end gap-2">
          {kr.canCheckIn && !checkIn.open && (
            <CheckInButton ref={checkIn.opener} title={kr.title} onClick={checkIn.show} />
          )}
          {canEdit && mode !== "editing" && (
            <Button variant="secondary" size="sm" onClick={() => setMode("editing")} aria-label={`Edit ${kr.title}`}>
              Edit
            </Button>
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
      <Alert className="mt-2">{archive.error?.message}</Alert>
      {checkIn.open && <CheckInForm keyResult={kr} onClose={checkIn.close} />}
      <CheckInSavedStatus title={kr.title} saved={checkIn.saved} />
      {mode === "editing" && <EditKeyResultForm keyResult={kr} onDone={() => setMode("idle")} />}
    </li>
  );
}
