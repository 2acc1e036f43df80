"use client";

import { formatKpiValue, periodLabel, ZBenchmarkUpsertSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { NumberField } from "~/components/kpi/number-field";
import type { KpiDetail } from "~/components/kpi/types";
import { type Column, ColumnHeads } from "~/components/scorecard/column-heads";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { entryHint } from "~/components/ui/format";
import { Input } from "~/components/ui/input";
import { ScrollBox } from "~/components/ui/scroll-box";
import { Select } from "~/components/ui/select";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { EntryForm, RemoveButton } from "./entry-form";

const HEAD = "px-3 py-2 text-left text-xs font-semibold uppercase text-slate-500";
const COLUMNS: readonly Column[] = [
  "Source",
  "Period",
  { label: "Value", className: "px-3 py-2 text-right text-xs font-semibold uppercase text-slate-500" },
];

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
        <ScrollBox label={`Benchmarks of ${kpi.name}`} innerClassName="max-h-80 overflow-y-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Benchmarks of {kpi.name}</caption>
            <thead className="sticky top-0 border-b border-slate-200 bg-white">
              <ColumnHeads className={HEAD} columns={COLUMNS}>
                {detail.canEdit && (
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                )}
              </ColumnHeads>
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
                        <RemoveButton
                          label={`Remove ${b.source} benchmark for ${period}`}
                          pending={remove.isPending}
                          onClick={() => remove.mutate({ benchmarkId: b.id })}
                        />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <Alert>{remove.error?.message}</Alert>
      {detail.canEdit && <BenchmarkForm detail={detail} />}
    </div>
  );
}

function BenchmarkForm({ detail }: { detail: KpiDetail }) {
  const { kpi } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  const [saved, setSaved] = useState<string | null>(null);
  const listId = useId();
  const sources = [...new Set(detail.benchmarks.map((b) => b.source))];
  const periods = detail.periods.filter((p) => p.periodStart <= detail.today).reverse();

  const form = useMutationForm({
    schema: ZBenchmarkUpsertSchema,
    defaultValues: { kpiId: kpi.id, source: "", periodStart: periods[0]?.periodStart ?? detail.today },
    // The last outcome goes once the next one is on its way.
    mutation: trpc.benchmarks.upsert.mutationOptions({ onMutate: () => setSaved(null) }),
    invalidate,
    onSuccess: (result, values) => {
      form.reset({ kpiId: kpi.id, source: result.source, periodStart: values.periodStart, value: Number.NaN });
      setSaved(result.outcome === "unchanged" ? "Already saved." : `Saved ${result.source}.`);
    },
  });
  const { errors } = form.formState;

  return (
    <EntryForm
      label="Add a benchmark"
      title="Add or replace a benchmark"
      onSubmit={form.onSubmit}
      pending={form.pending}
      submitLabel="Save benchmark"
      failure={form.error}
      note={entryHint(kpi.unit, kpi.kind)}
      saved={saved}
    >
      <Field label="Source" error={errors.source?.message}>
        {(id) => (
          <>
            <Input
              id={id}
              list={listId}
              placeholder="Competitor or industry figure"
              invalid={Boolean(errors.source)}
              {...form.register("source")}
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
          <Select
            id={id}
            options={periods.map((p) => ({ value: p.periodStart, label: p.label }))}
            {...form.register("periodStart")}
          />
        )}
      </Field>
      <NumberField
        label="Benchmark value"
        error={errors.value?.message}
        {...form.register("value", { valueAsNumber: true })}
      />
    </EntryForm>
  );
}
