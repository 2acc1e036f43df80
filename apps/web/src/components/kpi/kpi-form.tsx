"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  AGGREGATIONS,
  GREEN_FROM,
  KPI_AGGREGATION_LABELS,
  KPI_DIRECTION_LABELS,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_FREQUENCY_LABELS,
  KPI_INPUT_LABELS,
  KPI_KIND_LABELS,
  KPI_KINDS,
  RED_BELOW,
  type Role,
  type TKpiCreate,
  type TKpiCreateInput,
  ZKpiCreateSchema,
} from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { formatThreshold } from "~/components/scorecard/status-colours";
import {
  StrategicObjectiveOptions,
  useStrategicObjectiveBands,
} from "~/components/strategy/strategic-objective-options";
import { ErrorMessage, Field } from "~/components/ui/field";
import { entryHint } from "~/components/ui/format";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";

/**
 * The KPI definition form, for a new KPI and for editing one. Validated with
 * the same domain schema as the API; the server's field messages land beside their fields.
 */
export function KpiForm({
  role,
  userId,
  kpiId = null,
  defaultValues,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  role: Role;
  userId: string;
  /** The KPI being edited (left out of its own input choices); null for a new one. */
  kpiId?: string | null;
  defaultValues: TKpiCreateInput;
  submitLabel: string;
  onSubmit: (values: TKpiCreate) => Promise<void>;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const people = useQuery(trpc.people.list.queryOptions());
  const strategy = useStrategicObjectiveBands();
  const kpis = useQuery(trpc.kpis.list.queryOptions({}));
  const [failure, setFailure] = useState<string | null>(null);

  const {
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TKpiCreateInput, unknown, TKpiCreate>({
    resolver: zodResolver(ZKpiCreateSchema),
    defaultValues,
    // The inputs disappear when the kind goes back to "entered", and so do their values.
    shouldUnregister: true,
  });
  const kind = watch("kind") ?? "manual";
  const direction = watch("direction");
  const unit = watch("unit") ?? "";

  // Managers own what they create; only admins choose another owner (the server holds the same rule).
  const owners = (people.data ?? []).filter((p) => p.role !== "viewer" || p.id === defaultValues.ownerId);
  const ownerChoices = role === "admin" ? owners : owners.filter((p) => p.id === userId);
  const inputChoices = (kpis.data ?? []).filter((k) => k.kind === "manual" && k.id !== kpiId);

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });

  const nullable = { setValueAs: (v: string | null) => (v ? v : null) };
  const number = { valueAsNumber: true } as const;
  const inputLabels = kind === "manual" ? null : KPI_INPUT_LABELS[kind];

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel} className="space-y-6">
      <section className={`${ui.card} space-y-4`}>
        <h2 className="text-base font-semibold text-slate-900">What it measures</h2>
        <Field label="Name" error={errors.name?.message}>
          {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.name)} {...register("name")} />}
        </Field>
        <Field label="Description" error={errors.description?.message}>
          {(id) => <textarea id={id} rows={2} className={ui.input} {...register("description")} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-4">
          <Field label="Unit" error={errors.unit?.message} hint='e.g. "%", "EUR", "days"'>
            {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.unit)} {...register("unit")} />}
          </Field>
          <Field label="Direction" error={errors.direction?.message}>
            {(id) => (
              <select id={id} className={ui.select} {...register("direction")}>
                {KPI_DIRECTIONS.map((d) => (
                  <option key={d} value={d}>
                    {KPI_DIRECTION_LABELS[d]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Frequency" error={errors.frequency?.message} hint="How often a value arrives">
            {(id) => (
              <select id={id} className={ui.select} {...register("frequency")}>
                {KPI_FREQUENCIES.map((f) => (
                  <option key={f} value={f}>
                    {KPI_FREQUENCY_LABELS[f]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Aggregation" error={errors.aggregation?.message} hint="How periods roll into a quarter">
            {(id) => (
              <select id={id} className={ui.select} {...register("aggregation")}>
                {AGGREGATIONS.map((a) => (
                  <option key={a} value={a}>
                    {KPI_AGGREGATION_LABELS[a]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </section>

      <section className={`${ui.card} space-y-4`}>
        <h2 className="text-base font-semibold text-slate-900">Targets</h2>
        <p className="text-sm text-slate-600">
          The goal scores {formatThreshold(GREEN_FROM)} (green from there), the red flag {formatThreshold(RED_BELOW)}{" "}
          (red below).{" "}
          {direction === "lower_is_better"
            ? "Lower is better: the goal lies below the red flag."
            : "Higher is better: the goal lies above the red flag."}{" "}
          These are the quarterly defaults; single quarters can be overridden on the KPI's page.
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Goal" error={errors.goal?.message} hint={entryHint(unit, kind)}>
            {(id) => (
              <input
                id={id}
                type="number"
                step="any"
                className={ui.input}
                aria-invalid={Boolean(errors.goal)}
                {...register("goal", number)}
              />
            )}
          </Field>
          <Field label="Red flag" error={errors.redFlag?.message}>
            {(id) => (
              <input
                id={id}
                type="number"
                step="any"
                className={ui.input}
                aria-invalid={Boolean(errors.redFlag)}
                {...register("redFlag", number)}
              />
            )}
          </Field>
          <Field label="Weight" error={errors.weight?.message} hint="Within its strategic objective">
            {(id) => <WeightInput id={id} invalid={Boolean(errors.weight)} {...register("weight", number)} />}
          </Field>
        </div>
      </section>

      <section className={`${ui.card} space-y-4`}>
        <h2 className="text-base font-semibold text-slate-900">Ownership and strategy</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Owner"
            error={errors.ownerId?.message}
            hint={role === "admin" ? undefined : "Managers own the KPIs they create."}
          >
            {(id) => (
              <select id={id} className={ui.select} {...register("ownerId")}>
                {ownerChoices.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Strategic objective" error={errors.strategicObjectiveId?.message}>
            {(id) => (
              <select id={id} className={ui.select} {...register("strategicObjectiveId", nullable)}>
                <StrategicObjectiveOptions bands={strategy.bands} noneLabel="None (not on the scorecard)" />
              </select>
            )}
          </Field>
        </div>
      </section>

      <section className={`${ui.card} space-y-4`}>
        <h2 className="text-base font-semibold text-slate-900">Where the values come from</h2>
        <Field label="Kind" error={errors.kind?.message}>
          {(id) => (
            <select id={id} className={`${ui.select} sm:max-w-sm`} {...register("kind")}>
              {KPI_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KPI_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {inputLabels ? (
          <>
            <p className="text-sm text-slate-600">
              A computed KPI adds up each input over the quarter first, then applies its formula (Σ a ÷ Σ b). Inputs are
              KPIs whose values are entered.
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={inputLabels.a} error={errors.inputAId?.message}>
                {(id) => (
                  <select id={id} className={ui.select} {...register("inputAId", nullable)}>
                    <option value="">Choose a KPI</option>
                    {inputChoices.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={inputLabels.b} error={errors.inputBId?.message}>
                {(id) => (
                  <select id={id} className={ui.select} {...register("inputBId", nullable)}>
                    <option value="">Choose a KPI</option>
                    {inputChoices.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-600">
            Values are entered on the KPI's page, imported from CSV or pushed through the ingestion API.
          </p>
        )}
      </section>

      <ErrorMessage>{failure}</ErrorMessage>
      <div className="flex gap-3">
        <button type="submit" className={ui.primary} disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={ui.secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
