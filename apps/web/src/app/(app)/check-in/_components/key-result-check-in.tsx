"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { keyResultProgress, progressStatus, ZCheckInCreateSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { type KeyboardEvent, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFormDraft } from "~/components/forms/use-draft";
import { CheckInFields } from "~/components/okr/check-in-fields";
import { KeyResultFacts } from "~/components/okr/key-result-parts";
import { KeyResultProgress } from "~/components/okr/progress-bar";
import { Button } from "~/components/ui/button";
import { formatPercent, formatValue } from "~/components/ui/format";
import { conflictCurrent } from "~/components/ui/server-errors";
import { Sparkline } from "~/components/ui/sparkline";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { QueuedKeyResult } from "./types";

// The same schema the API validates with, minus what the row fills in itself (as the check-in form).
const ZRowSchema = ZCheckInCreateSchema.pick({ value: true, confidence: true, comment: true });
type RowInput = z.input<typeof ZRowSchema>;
type RowValues = z.output<typeof ZRowSchema>;

export type RowState = "due" | "saved" | "skipped";

/** What someone else saved meanwhile, from the conflict answer. */
interface Theirs {
  version: number;
  currentValue: number | null;
  currentConfidence: number | null;
}

/**
 * One due key result of the weekly check-in: its last value, target, expected-by-now and trend, and
 * an inline check-in whose progress follows the typed value. Enter saves and hands the focus on
 * (`onDone`), Escape puts the row back as it was, Skip leaves it due and moves on.
 */
export function KeyResultCheckIn({
  item,
  expected,
  state,
  onDone,
}: {
  item: QueuedKeyResult;
  expected: number;
  state: RowState;
  onDone: (outcome: "saved" | "skipped", saved?: RowValues) => void;
}) {
  const { keyResult: kr, objective, recentValues } = item;
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  // One key per row: a repeat of the same save (a retry, a double Enter) adds nothing.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  // The version the row was read at; a conflict moves it to what the person has now been shown.
  const version = useRef(kr.version);
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [notice, setNotice] = useState("");
  const form = useForm<RowInput, unknown, RowValues>({
    resolver: zodResolver(ZRowSchema),
    defaultValues: { value: kr.currentValue ?? kr.startValue, confidence: kr.currentConfidence ?? 5, comment: "" },
  });
  const { register, handleSubmit, watch, reset, setFocus, formState } = form;
  // The same draft as My OKRs' check-in form: typed on either page, given back on both.
  const draft = useFormDraft(form, `check-in:${kr.id}`, `Check-in on ${kr.title}`);
  const save = useMutation(
    trpc.checkIns.create.mutationOptions({
      onSuccess: async (_, input) => {
        draft.clear();
        setTheirs(null);
        onDone("saved", { value: input.value, confidence: input.confidence, comment: input.comment ?? "" });
        await invalidate();
      },
      onError: (error) => {
        const current = conflictCurrent(error);
        if (current && typeof current.version === "number") {
          // Keep what was typed; the next Save names the version now shown, a knowing addition.
          version.current = current.version;
          setTheirs({
            version: current.version,
            currentValue: typeof current.currentValue === "number" ? current.currentValue : null,
            currentConfidence: typeof current.currentConfidence === "number" ? current.currentConfidence : null,
          });
        }
      },
    }),
  );
  const submit = handleSubmit((values) =>
    save.mutate({ ...values, keyResultId: kr.id, idempotencyKey, keyResultVersion: version.current }),
  );

  // Progress as typed: the domain's formula on the value in the box, before anything is saved.
  const typed = watch("value");
  const confidence = watch("confidence");
  const live = keyResultProgress(kr, Number.isFinite(typed) ? typed : null);
  const liveStatus = progressStatus(live, expected, Number.isFinite(confidence) ? confidence : null);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === "Escape") {
      event.preventDefault();
      reset();
      save.reset();
      setTheirs(null);
      draft.clear();
      setNotice(`Check-in on ${kr.title} restored.`);
      setFocus("value");
      return;
    }
    // Enter saves from any field (the slider and the status select too); on a button it presses it.
    if (event.key === "Enter" && target.tagName !== "BUTTON" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const titleId = `kr-${kr.id}-title`;
  const shownValues = state === "saved" && Number.isFinite(typed) ? [...recentValues, typed] : recentValues;

  return (
    <li className="py-4" data-queue-row={kr.id}>
      <div className="grid grid-cols-1 items-center gap-x-6 gap-y-2 md:grid-cols-[minmax(0,1fr)_7rem_16rem]">
        <div className="min-w-0">
          <p className="truncate text-xs text-slate-500">{objective.title}</p>
          <p id={titleId} className="text-sm font-medium text-slate-800">
            {kr.title}
          </p>
          {/* Once saved, the row reads as the key result now stands. */}
          <KeyResultFacts
            keyResult={state === "saved" ? { ...kr, currentValue: typed, currentConfidence: confidence } : kr}
          />
          <p className="text-xs text-slate-500">Expected by now {formatPercent(expected)}</p>
        </div>
        <Sparkline
          values={shownValues}
          label={
            shownValues.length
              ? `Recent check-ins of ${kr.title}: ${shownValues.map((v) => formatValue(kr, v)).join(", ")}`
              : `No check-ins of ${kr.title} yet`
          }
          curve="monotone"
          width={104}
          stroke="#4f46e5"
          fallback={
            <span className="block h-7 w-26 text-center text-[11px] leading-7 text-slate-500">
              {shownValues.length === 0 ? "no check-ins yet" : "1 check-in"}
            </span>
          }
        />
        {state === "saved" ? (
          <KeyResultProgress
            keyResult={{ title: kr.title, progress: live.progress, status: liveStatus }}
            expected={expected}
          />
        ) : (
          <div>
            <KeyResultProgress
              keyResult={{ title: `${kr.title}, as typed`, progress: live.progress, status: liveStatus }}
              expected={expected}
            />
            <p className="mt-0.5 text-[11px] text-slate-500">
              Was {formatPercent(kr.progress)}
              {kr.hasData ? "" : " (no data)"}
            </p>
          </div>
        )}
      </div>

      {state === "saved" ? (
        <p className="mt-2 text-sm font-medium text-emerald-800">
          Saved · {formatValue(kr, typed)} · confidence {confidence}/10
        </p>
      ) : (
        <form
          onSubmit={submit}
          onKeyDown={onKeyDown}
          noValidate
          aria-label={`Check in on ${kr.title}`}
          className={`mt-3 grid gap-3 rounded-xl border p-3 sm:grid-cols-[8rem_9rem_minmax(0,1fr)_auto] ${
            state === "skipped" ? "border-slate-200 bg-slate-50" : "border-indigo-100 bg-indigo-50/40"
          }`}
        >
          <CheckInFields
            milestone={kr.type === "milestone"}
            valueLabel="New value"
            commentPlaceholder="What moved this week?"
            fields={{
              value: register("value", { valueAsNumber: true }),
              confidence: register("confidence", { valueAsNumber: true }),
              comment: register("comment"),
            }}
            confidence={confidence}
            errors={formState.errors}
            pending={save.isPending}
            onCancel={() => {
              reset();
              save.reset();
              setTheirs(null);
              draft.clear();
              setNotice(`Check-in on ${kr.title} restored.`);
            }}
            cancelVariant="ghost"
            extraActions={
              <Button variant="secondary" size="sm" onClick={() => onDone("skipped")} aria-label={`Skip ${kr.title}`}>
                Skip
              </Button>
            }
            error={
              theirs ? (
                <>
                  Someone else checked in on this key result after you opened it: now{" "}
                  {theirs.currentValue === null ? "no value" : formatValue(kr, theirs.currentValue)}
                  {theirs.currentConfidence !== null && `, confidence ${theirs.currentConfidence}/10`}. Your values are
                  kept; save again to add your check-in after theirs.
                </>
              ) : (
                save.error && !conflictCurrent(save.error) && save.error.message
              )
            }
          />
          <p className="text-xs text-slate-600 sm:col-span-4 empty:hidden" role="status">
            {state === "skipped" && !notice ? "Skipped: still due." : notice}
            {draft.restored && !notice && state !== "skipped" ? "Your unsaved check-in was restored." : ""}
          </p>
        </form>
      )}
    </li>
  );
}
