"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { formatKpiValue, quarterAt, quarterLabel, type TKpiSetTarget, ZKpiSetTargetSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { KpiDetail } from "~/components/kpi/types";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

/** Per-quarter goal / red-flag overrides: where a quarter's bar differs from the KPI's default. */
export function TargetsSection({ detail }: { detail: KpiDetail }) {
  const { kpi, targets } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  const remove = useMutation(trpc.kpis.removeTarget.mutationOptions({ onSuccess: invalidate }));
  const fmt = (v: number) => formatKpiValue(v, kpi.unit, kpi.kind);

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Default: goal <span className="font-medium tabular-nums">{fmt(kpi.goal)}</span>, red flag{" "}
        <span className="font-medium tabular-nums">{fmt(kpi.redFlag)}</span> per quarter.
      </p>
      {targets.length === 0 ? (
        <p className="text-sm text-slate-500">No quarter has its own targets.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200">
          {[...targets].reverse().map((t) => (
            <li key={t.periodStart} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span className="font-medium text-slate-800">{quarterLabel(t.periodStart)}</span>
              <span className="tabular-nums text-slate-600">
                goal {fmt(t.goal)} · red flag {fmt(t.redFlag)}
              </span>
              {detail.canEdit && (
                <button
                  type="button"
                  className="text-xs font-medium text-rose-700 hover:underline disabled:opacity-50"
                  aria-label={`Remove the targets of ${quarterLabel(t.periodStart)}`}
                  disabled={remove.isPending}
                  onClick={() => remove.mutate({ kpiId: kpi.id, periodStart: t.periodStart })}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage>{remove.error?.message}</ErrorMessage>
      {detail.canEdit && <TargetForm detail={detail} />}
    </div>
  );
}

function TargetForm({ detail }: { detail: KpiDetail }) {
  const { kpi } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  const setTarget = useMutation(trpc.kpis.setTarget.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  // The quarters on the page and the four ahead, newest first.
  const quarters = [
    ...[4, 3, 2, 1].map((i) => quarterAt(detail.quarter.start, i)),
    ...[...detail.history].reverse().map((h) => h.period),
  ];

  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof ZKpiSetTargetSchema>, unknown, TKpiSetTarget>({
    resolver: zodResolver(ZKpiSetTargetSchema),
    defaultValues: { kpiId: kpi.id, periodStart: detail.quarter.start, goal: kpi.goal, redFlag: kpi.redFlag },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await setTarget.mutateAsync(values);
      await invalidate();
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Set a quarter's targets"
      className="rounded-xl border border-slate-200 p-3"
    >
      <h3 className="text-sm font-semibold text-slate-800">Set a quarter's targets</h3>
      <div className="mt-2 grid gap-3 sm:grid-cols-3 sm:items-start">
        <Field label="Quarter" error={errors.periodStart?.message}>
          {(id) => (
            <select id={id} className={ui.select} {...register("periodStart")}>
              {quarters.map((q) => (
                <option key={q.start} value={q.start}>
                  {quarterLabel(q.start)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Quarter goal" error={errors.goal?.message}>
          {(id) => (
            <input
              id={id}
              type="number"
              step="any"
              className={ui.input}
              aria-invalid={Boolean(errors.goal)}
              {...register("goal", { valueAsNumber: true })}
            />
          )}
        </Field>
        <Field label="Quarter red flag" error={errors.redFlag?.message}>
          {(id) => (
            <input
              id={id}
              type="number"
              step="any"
              className={ui.input}
              aria-invalid={Boolean(errors.redFlag)}
              {...register("redFlag", { valueAsNumber: true })}
            />
          )}
        </Field>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={ui.primary} disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save targets"}
        </button>
        <ErrorMessage>{failure}</ErrorMessage>
      </div>
    </form>
  );
}
