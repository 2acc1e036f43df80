"use client";

import { formatKpiValue, quarterAt, quarterLabel, ZKpiSetTargetSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { NumberField } from "~/components/kpi/number-field";
import type { KpiDetail } from "~/components/kpi/types";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { useInvalidateKpis } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { EntryForm, RemoveButton } from "./entry-form";
import { storedQuarterTargets } from "./quarter-targets";

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
                <RemoveButton
                  label={`Remove the targets of ${quarterLabel(t.periodStart)}`}
                  pending={remove.isPending}
                  onClick={() => remove.mutate({ kpiId: kpi.id, periodStart: t.periodStart })}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <Alert>{remove.error?.message}</Alert>
      {detail.canEdit && <TargetForm detail={detail} />}
    </div>
  );
}

function TargetForm({ detail }: { detail: KpiDetail }) {
  const { kpi } = detail;
  const trpc = useTRPC();
  const invalidate = useInvalidateKpis();
  // The quarters on the page and the four ahead, newest first.
  const quarters = [
    ...[4, 3, 2, 1].map((i) => quarterAt(detail.quarter.start, i)),
    ...[...detail.history].reverse().map((h) => h.period),
  ];
  // Each quarter opens on what it holds: its own override, or the default.
  const stored = (periodStart: string) => storedQuarterTargets(periodStart, detail.targets, kpi);
  const form = useMutationForm({
    schema: ZKpiSetTargetSchema,
    defaultValues: { kpiId: kpi.id, periodStart: detail.quarter.start, ...stored(detail.quarter.start) },
    mutation: trpc.kpis.setTarget.mutationOptions(),
    invalidate,
  });
  const { errors } = form.formState;

  return (
    <EntryForm
      label="Set a quarter's targets"
      title="Set a quarter's targets"
      onSubmit={form.onSubmit}
      pending={form.pending}
      submitLabel="Save targets"
      failure={form.error}
    >
      <Field label="Quarter" error={errors.periodStart?.message}>
        {(id) => (
          <Select
            id={id}
            options={quarters.map((q) => ({ value: q.start, label: quarterLabel(q.start) }))}
            {...form.register("periodStart", {
              onChange: (e: { target: { value: string } }) => {
                const { goal, redFlag } = stored(e.target.value);
                form.setValue("goal", goal);
                form.setValue("redFlag", redFlag);
              },
            })}
          />
        )}
      </Field>
      <NumberField
        label="Quarter goal"
        error={errors.goal?.message}
        {...form.register("goal", { valueAsNumber: true })}
      />
      <NumberField
        label="Quarter red flag"
        error={errors.redFlag?.message}
        {...form.register("redFlag", { valueAsNumber: true })}
      />
    </EntryForm>
  );
}
