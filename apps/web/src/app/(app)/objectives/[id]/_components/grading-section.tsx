"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ZGradeSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useFormDraft } from "~/components/forms/use-draft";
import { CompactField } from "~/components/okr/compact-field";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { SubmitButton } from "~/components/ui/form-actions";
import { formatGrade, formatPercent } from "~/components/ui/format";
import { Input } from "~/components/ui/input";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { KeyResultView } from "~/trpc/types";
import type { ObjectiveDetail } from "./types";

/**
 * At the end of a closed cycle: each key result's suggested grade, its override, and the objective's grade,
 * all as the API serves them (the domain computes them once, on the server).
 */
export function GradingSection({ detail }: { detail: ObjectiveDetail }) {
  const { objective, can } = detail;
  const grade = objective.grade;

  return (
    <section aria-labelledby="grading-heading" className={ui.card}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="grading-heading" className="text-lg font-semibold text-slate-900">
            Grading
          </h2>
          <p className="mt-1 max-w-2xl text-sm text-slate-500">
            The suggested grade is the progress at close, from 0.0 to 1.0. An override needs a reason; 0.7 is a good
            grade for an ambitious objective.
          </p>
        </div>
        <div className="rounded-xl bg-indigo-50 px-4 py-2 text-right">
          <p className="text-xs font-medium text-indigo-700">Objective grade</p>
          <p className="text-2xl font-semibold tabular-nums text-indigo-900">{formatGrade(grade)}</p>
        </div>
      </div>
      {objective.keyResults.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No key results to grade.</p>
      ) : (
        <ul aria-label="Grades" className="mt-4 divide-y divide-slate-100">
          {objective.keyResults.map((kr) => (
            <li key={kr.id} className="py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
                <p className="text-sm font-medium text-slate-800">{kr.title}</p>
                <p className="text-xs text-slate-500">
                  Progress {formatPercent(kr.progress)} · suggested grade{" "}
                  <span className="font-semibold tabular-nums text-slate-700">{formatGrade(kr.suggestedGrade)}</span> ·
                  grade <span className="font-semibold tabular-nums text-slate-900">{formatGrade(kr.grade)}</span>
                  {kr.gradeOverride !== null && " (overridden)"}
                </p>
              </div>
              {can.grade ? (
                <GradeForm keyResult={kr} />
              ) : (
                kr.gradeOverride !== null &&
                kr.gradeReason && <p className="mt-1 text-sm text-slate-600">Reason: {kr.gradeReason}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type GradeInput = z.input<typeof ZGradeSchema>;
type GradeValues = z.output<typeof ZGradeSchema>;

function GradeForm({ keyResult: kr }: { keyResult: KeyResultView }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  const id = useId();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const form = useForm<GradeInput, unknown, GradeValues>({
    resolver: zodResolver(ZGradeSchema),
    defaultValues: { keyResultId: kr.id, grade: kr.gradeOverride, reason: kr.gradeReason },
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = form;
  // An unsaved grade reason is kept, and given back; the reset after a save ends the draft.
  useFormDraft(form, `grade:${kr.id}`, `Grade of ${kr.title}`);
  const grade = useMutation(trpc.keyResults.grade.mutationOptions());

  const save = async (values: GradeValues) => {
    setMessage(null);
    try {
      const saved = await grade.mutateAsync(values);
      reset({ keyResultId: kr.id, grade: saved.gradeOverride, reason: saved.gradeReason });
      setMessage({ kind: "ok", text: saved.gradeOverride === null ? "Suggested grade kept." : "Grade saved." });
      await invalidate();
    } catch (error) {
      const text = applyServerErrors(error, setError);
      if (text) setMessage({ kind: "error", text });
    }
  };
  const onSubmit = handleSubmit(save);

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Grade ${kr.title}`}
      className="mt-2 grid gap-3 sm:grid-cols-[9rem_minmax(0,1fr)_auto]"
    >
      <CompactField id={`${id}-grade`} label="Override (0–1)" error={errors.grade?.message}>
        <Input
          id={`${id}-grade`}
          type="number"
          min={0}
          max={1}
          step={0.05}
          inputMode="decimal"
          placeholder={formatGrade(kr.suggestedGrade)}
          invalid={Boolean(errors.grade)}
          className="mt-1"
          {...register("grade", { setValueAs: (v: unknown) => (v === "" || v === null ? null : Number(v)) })}
        />
      </CompactField>
      <CompactField id={`${id}-reason`} label="Reason" error={errors.reason?.message}>
        <Input
          id={`${id}-reason`}
          type="text"
          placeholder="Why the grade differs from the suggestion"
          invalid={Boolean(errors.reason)}
          className="mt-1"
          {...register("reason")}
        />
      </CompactField>
      <div className="flex items-start gap-2 sm:pt-5">
        <SubmitButton pending={isSubmitting}>Save grade</SubmitButton>
        {kr.gradeOverride !== null && (
          <Button
            variant="secondary"
            disabled={isSubmitting || grade.isPending}
            onClick={() => save({ keyResultId: kr.id, grade: null, reason: "" })}
            aria-label={`Use the suggested grade for ${kr.title}`}
          >
            Use suggested
          </Button>
        )}
      </div>
      {message?.kind === "error" && <Alert className="sm:col-span-3">{message.text}</Alert>}
      {message?.kind === "ok" && (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-3">
          {message.text}
        </p>
      )}
    </form>
  );
}
