"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { formatKpiValue, periodLabel, zKpiNumber } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type KeyboardEvent, useId, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useFormDraft } from "~/components/forms/use-draft";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/form-actions";
import { applyServerErrors } from "~/components/ui/server-errors";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import type { DueKpi } from "./types";

// One period's value as the actuals grid validates it (the API's ZKpiActualValue, required here).
const ZActualForm = z.object({ value: zKpiNumber("Actual") });
type ActualInput = z.input<typeof ZActualForm>;
type ActualValues = z.output<typeof ZActualForm>;

/**
 * A KPI whose owed period has no actual: its last actual and goal, a box for the owed period's
 * value (Enter saves, Escape empties it) and a link to the KPI's full actuals grid.
 */
export function KpiActualRow({ kpi }: { kpi: DueKpi }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  const id = useId();
  const period = periodLabel(kpi.duePeriodStart, kpi.frequency);
  const [saved, setSaved] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ActualInput, unknown, ActualValues>({
    resolver: zodResolver(ZActualForm),
    defaultValues: { value: Number.NaN },
  });
  const { register, handleSubmit, reset, setError, formState } = form;
  const draft = useFormDraft(form, `kpi-actual:${kpi.id}:${kpi.duePeriodStart}`, `${kpi.name}, ${period}`);
  const save = useMutation(
    trpc.kpiActuals.save.mutationOptions({
      onSuccess: async (_, input) => {
        draft.clear();
        setSaved(input.values[0]?.value ?? null);
        await invalidate();
      },
      onError: (error) => setFormError(applyServerErrors(error, setError)),
    }),
  );
  const submit = handleSubmit(({ value }) => {
    setFormError(null);
    save.mutate({ kpiId: kpi.id, values: [{ periodStart: kpi.duePeriodStart, value }] });
  });
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    reset();
    draft.clear();
    setFormError(null);
  };

  return (
    <li className="grid grid-cols-1 items-center gap-x-6 gap-y-2 py-3 md:grid-cols-[minmax(0,1fr)_auto]">
      <div className="min-w-0">
        <p className="text-sm font-medium text-slate-800">
          <Link href={`/kpis/${kpi.id}`} className="hover:underline">
            {kpi.name}
          </Link>
        </p>
        <p className="text-xs text-slate-500">
          {period} owed ·{" "}
          {kpi.lastActual
            ? `last ${formatKpiValue(kpi.lastActual.value, kpi.unit)} (${periodLabel(kpi.lastActual.periodStart, kpi.frequency)})`
            : "no actual yet"}{" "}
          · goal {formatKpiValue(kpi.goal, kpi.unit)}
        </p>
      </div>
      {saved !== null ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          Saved · {formatKpiValue(saved, kpi.unit)} for {period}
        </p>
      ) : (
        <form
          onSubmit={submit}
          onKeyDown={onKeyDown}
          noValidate
          aria-label={`Actual of ${kpi.name} for ${period}`}
          className="flex flex-wrap items-end gap-2"
        >
          <div>
            <label htmlFor={`${id}-value`} className="block text-xs font-medium text-slate-700">
              {period}
              {kpi.unit ? ` (${kpi.unit})` : ""}
            </label>
            <input
              id={`${id}-value`}
              type="number"
              step="any"
              inputMode="decimal"
              aria-invalid={Boolean(formState.errors.value)}
              aria-describedby={formState.errors.value ? `${id}-error` : undefined}
              className="mt-1 w-32 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              {...register("value", { valueAsNumber: true })}
            />
          </div>
          <SubmitButton size="sm" pending={save.isPending} aria-label={`Save the actual of ${kpi.name}`}>
            Save
          </SubmitButton>
          <Link
            href={`/kpis/${kpi.id}`}
            className="rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
            aria-label={`Actuals grid of ${kpi.name}`}
          >
            Actuals grid
          </Link>
          {formState.errors.value && (
            <p id={`${id}-error`} className="basis-full text-xs text-rose-600">
              {formState.errors.value.message}
            </p>
          )}
          <Alert className="basis-full">{formError}</Alert>
        </form>
      )}
    </li>
  );
}
