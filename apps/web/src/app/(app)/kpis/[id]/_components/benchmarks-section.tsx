"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  formatKpiValue,
  periodLabel,
  type TBenchmarkUpsert,
  type TBenchmarkUpsertInput,
  ZBenchmarkUpsertSchema,
} from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { KpiDetail } from "~/components/kpi/types";
import { ErrorMessage, Field } from "~/components/ui/field";
import { entryHint } from "~/components/ui/format";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

/** Competitors' and industry figures beside ours: the list, and for the KPI's managers add and remove. */
export function BenchmarksSection({ detail }: { detail: KpiDetail }) {
  const { kpi, benchmarks } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  const remove = useMutation(trpc.benchmarks.remove.mutationOptions({ onSuccess: invalidate }));
  const fmt = (v: number) => formatKpiValue(v, kpi.unit, kpi.kind);
  const newestFirst = [...benchmarks].sort(
    (a, b) => b.periodStart.localeCompare(a.periodStart) || a.source.localeCompare(b.source),
  );

  return (
    <div className="space-y-4">
      {benchmarks.length === 0 ? (
        <p className="text-sm text-slate-600">No benchmarks yet.</p>
      ) : (
        <div className="max-h-80 overflow-y-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Benchmarks of {kpi.name}</caption>
            <thead className="sticky top-0 border-b border-slate-200 bg-white">
              <tr>
                <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-500">
                  Source
                </th>
                <th scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase text-slate-500">
                  Period
                </th>
                <th scope="col" className="px-3 py-2 text-right text-xs font-semibold uppercase text-slate-500">
                  Value
                </th>
                {detail.canEdit && (
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {newestFirst.map((b) => {
                const period = periodLabel(b.periodStart, kpi.frequency);
                return (
                  <tr key={b.id}>
                    <td className="px-3 py-1.5 text-slate-800">{b.source}</td>
                    <td className="px-3 py-1.5 text-slate-600">{period}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums text-slate-900">{fmt(b.value)}</td>
                    {detail.canEdit && (
                      <td className="px-3 py-1.5 text-right">
                        <button
                          type="button"
                          className="text-xs font-medium text-rose-700 hover:underline disabled:opacity-50"
                          aria-label={`Remove ${b.source} benchmark for ${period}`}
                          disabled={remove.isPending}
                          onClick={() => remove.mutate({ benchmarkId: b.id })}
                        >
                          Remove
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage>{remove.error?.message}</ErrorMessage>
      {detail.canEdit && <BenchmarkForm detail={detail} />}
    </div>
  );
}

function BenchmarkForm({ detail }: { detail: KpiDetail }) {
  const { kpi } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  const upsert = useMutation(trpc.benchmarks.upsert.mutationOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const listId = useId();
  const sources = [...new Set(detail.benchmarks.map((b) => b.source))];
  const periods = detail.periods.filter((p) => p.periodStart <= detail.today).reverse();

  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TBenchmarkUpsertInput, unknown, TBenchmarkUpsert>({
    resolver: zodResolver(ZBenchmarkUpsertSchema),
    defaultValues: { kpiId: kpi.id, source: "", periodStart: periods[0]?.periodStart ?? detail.today },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setSaved(null);
    try {
      const result = await upsert.mutateAsync(values);
      await invalidate();
      reset({ kpiId: kpi.id, source: result.source, periodStart: values.periodStart, value: Number.NaN });
      setSaved(result.outcome === "unchanged" ? "Already saved." : `Saved ${result.source}.`);
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Add a benchmark"
      className="rounded-xl border border-slate-200 p-3"
    >
      <h3 className="text-sm font-semibold text-slate-800">Add or replace a benchmark</h3>
      <div className="mt-2 grid gap-3 sm:grid-cols-3 sm:items-start">
        <Field label="Source" error={errors.source?.message}>
          {(id) => (
            <>
              <input
                id={id}
                list={listId}
                placeholder="Competitor or industry figure"
                className={ui.input}
                aria-invalid={Boolean(errors.source)}
                {...register("source")}
              />
              <datalist id={listId}>
                {sources.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Period" error={errors.periodStart?.message}>
          {(id) => (
            <select id={id} className={ui.select} {...register("periodStart")}>
              {periods.map((p) => (
                <option key={p.periodStart} value={p.periodStart}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Benchmark value" error={errors.value?.message}>
          {(id) => (
            <input
              id={id}
              type="number"
              step="any"
              className={ui.input}
              aria-invalid={Boolean(errors.value)}
              {...register("value", { valueAsNumber: true })}
            />
          )}
        </Field>
      </div>
      {entryHint(kpi.unit, kpi.kind) && <p className="mt-2 text-xs text-slate-500">{entryHint(kpi.unit, kpi.kind)}</p>}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="submit" className={ui.primary} disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save benchmark"}
        </button>
        <ErrorMessage>{failure}</ErrorMessage>
        {saved && (
          <output className="text-sm text-emerald-700" aria-live="polite">
            {saved}
          </output>
        )}
      </div>
    </form>
  );
}
