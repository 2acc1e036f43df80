"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { KeyResultView } from "@meridian/api";
import { ZCheckInCreateSchema } from "@meridian/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useTRPC } from "~/trpc/react";

// The same schema the API validates with, minus what the form fills in itself.
const ZCheckInFormSchema = ZCheckInCreateSchema.pick({ value: true, confidence: true, comment: true });
type CheckInFormInput = z.input<typeof ZCheckInFormSchema>;
type CheckInFormValues = z.output<typeof ZCheckInFormSchema>;

export function CheckInForm({ keyResult: kr, onDone }: { keyResult: KeyResultView; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  // One key per submission attempt: a retry of the same attempt adds nothing.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<CheckInFormInput, unknown, CheckInFormValues>({
    resolver: zodResolver(ZCheckInFormSchema),
    defaultValues: { value: kr.currentValue ?? kr.startValue, confidence: kr.currentConfidence ?? 5, comment: "" },
  });
  const checkIn = useMutation(
    trpc.checkIns.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.objectives.pathFilter());
        onDone();
      },
    }),
  );
  const onSubmit = handleSubmit((values) => checkIn.mutate({ ...values, keyResultId: kr.id, idempotencyKey }));
  const isMilestone = kr.type === "milestone";

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Check in on ${kr.title}`}
      className="mt-3 grid gap-3 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4 sm:grid-cols-[10rem_8rem_minmax(0,1fr)_auto]"
    >
      <div>
        <label htmlFor={`${id}-value`} className="block text-xs font-medium text-slate-700">
          {isMilestone ? "Status" : "New value"}
        </label>
        {isMilestone ? (
          <select
            id={`${id}-value`}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            {...register("value", { valueAsNumber: true })}
          >
            <option value={0}>Not done</option>
            <option value={1}>Done</option>
          </select>
        ) : (
          <input
            id={`${id}-value`}
            type="number"
            step="any"
            inputMode="decimal"
            aria-invalid={Boolean(errors.value)}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            {...register("value", { valueAsNumber: true })}
          />
        )}
        {errors.value && <p className="mt-1 text-xs text-rose-600">{errors.value.message}</p>}
      </div>
      <div>
        <label htmlFor={`${id}-confidence`} className="block text-xs font-medium text-slate-700">
          Confidence (0–10)
        </label>
        <input
          id={`${id}-confidence`}
          type="number"
          min={0}
          max={10}
          step={1}
          aria-invalid={Boolean(errors.confidence)}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          {...register("confidence", { valueAsNumber: true })}
        />
        {errors.confidence && <p className="mt-1 text-xs text-rose-600">{errors.confidence.message}</p>}
      </div>
      <div>
        <label htmlFor={`${id}-comment`} className="block text-xs font-medium text-slate-700">
          Comment
        </label>
        <input
          id={`${id}-comment`}
          type="text"
          placeholder="What moved this week?"
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          {...register("comment")}
        />
        {errors.comment && <p className="mt-1 text-xs text-rose-600">{errors.comment.message}</p>}
      </div>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          disabled={checkIn.isPending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
        >
          {checkIn.isPending ? "Saving…" : "Save check-in"}
        </button>
        <button
          type="button"
          onClick={onDone}
          className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100"
        >
          Cancel
        </button>
      </div>
      {checkIn.error && (
        <p role="alert" className="text-sm text-rose-700 sm:col-span-4">
          {checkIn.error.message}
        </p>
      )}
    </form>
  );
}
