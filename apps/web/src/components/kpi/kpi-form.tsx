"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import {
  AGGREGATIONS,
  CAMPAIGN_CHANNEL_LABELS,
  CAMPAIGN_CHANNELS,
  CURRENCIES,
  campaignKpiUnit,
  GREEN_FROM,
  hasOwnValues,
  isComputedKpi,
  isMoneyMeasure,
  KPI_AGGREGATION_LABELS,
  KPI_CAMPAIGN_MEASURE_LABELS,
  KPI_CAMPAIGN_MEASURES,
  KPI_DIRECTION_LABELS,
  KPI_DIRECTIONS,
  KPI_FREQUENCIES,
  KPI_FREQUENCY_LABELS,
  KPI_INPUT_LABELS,
  KPI_KIND_LABELS,
  KPI_KINDS,
  kpiGoalPeriod,
  RED_BELOW,
  type Role,
  type TKpiCreate,
  type TKpiCreateInput,
  ZKpiCreateSchema,
} from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useEffect, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useFormDraft } from "~/components/forms/use-draft";
import { PersonPicker } from "~/components/people/person-picker";
import { formatThreshold } from "~/components/scorecard/status-colours";
import {
  StrategicObjectiveOptions,
  useStrategicObjectiveBands,
} from "~/components/strategy/strategic-objective-options";
import { Field } from "~/components/ui/field";
import { FormActions } from "~/components/ui/form-actions";
import { entryHint } from "~/components/ui/format";
import { Input, Textarea } from "~/components/ui/input";
import { Select, type SelectOption } from "~/components/ui/select";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { TextField } from "~/components/ui/text-field";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";
import { INPUT_CHOICES } from "./input-choices";
import { NumberField } from "./number-field";

/**
 * The KPI definition form, for a new KPI and for editing one. Validated with
 * the same domain schema as the API; the server's field messages land beside their fields.
 */
export function KpiForm({
  role,
  kpiId = null,
  defaultValues,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  role: Role;
  /** The signed-in person, whom a manager's KPI belongs to (defaultValues names them as the owner). */
  userId: string;
  /** The KPI being edited (left out of its own input choices); null for a new one. */
  kpiId?: string | null;
  defaultValues: TKpiCreateInput;
  submitLabel: string;
  onSubmit: (values: TKpiCreate) => Promise<void>;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const strategy = useStrategicObjectiveBands();
  // Inputs of a computed KPI have values of their own (entered or from campaigns): the most one page holds.
  const kpis = useQuery(trpc.kpis.list.queryOptions(INPUT_CHOICES));
  const [failure, setFailure] = useState<string | null>(null);

  const form = useForm<TKpiCreateInput, unknown, TKpiCreate>({
    resolver: zodResolver(ZKpiCreateSchema),
    defaultValues,
    // The inputs disappear when the kind goes back to "entered", and so do their values.
    shouldUnregister: true,
  });
  const {
    register,
    control,
    handleSubmit,
    watch,
    setError,
    formState: { errors, isSubmitting },
  } = form;
  // Unsaved edits (the description above all) are kept, and given back when the form opens again.
  const draft = useFormDraft(form, `kpi:${kpiId ?? "new"}`, kpiId ? "KPI" : "New KPI");
  const kind = watch("kind") ?? "manual";
  const direction = watch("direction");
  const unit = watch("unit") ?? "";
  const measure = watch("campaignMeasure") ?? "spend";
  const currency = watch("currency") ?? null;
  // A KPI fed by campaigns adds their results up; an empty unit takes the currency (or "conversions").
  useEffect(() => {
    if (kind !== "campaigns") return;
    form.setValue("aggregation", "sum");
    if (!form.getValues("unit")) form.setValue("unit", campaignKpiUnit({ measure, currency }));
  }, [kind, measure, currency, form]);
  const goalPeriod = kpiGoalPeriod({
    kind,
    aggregation: watch("aggregation") ?? "sum",
    frequency: watch("frequency") ?? "monthly",
  });

  // Managers own what they create; only admins choose another owner, never a viewer (the server holds the same rule).
  const ownerCandidates = role === "admin" ? undefined : [];
  const inputChoices = (kpis.data?.kpis ?? [])
    .filter((k) => hasOwnValues(k.kind) && k.id !== kpiId)
    .map((k) => ({ value: k.id, label: k.name }));

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(values);
      draft.clear();
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });

  const nullable = { setValueAs: (v: string | null) => (v ? v : null) };
  const number = { valueAsNumber: true } as const;
  const inputLabels = isComputedKpi(kind) ? KPI_INPUT_LABELS[kind] : null;

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel} className="space-y-6">
      <FormPart title="What it measures">
        <TextField label="Name" error={errors.name?.message} {...register("name")} />
        <Field label="Description" error={errors.description?.message}>
          {(id) => <Textarea id={id} rows={2} {...register("description")} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-4">
          <Field label="Unit" error={errors.unit?.message} hint='e.g. "%", "EUR", "days"'>
            {(id) => <Input id={id} invalid={Boolean(errors.unit)} {...register("unit")} />}
          </Field>
          <Field label="Direction" error={errors.direction?.message}>
            {(id) => (
              <Select id={id} options={labelled(KPI_DIRECTIONS, KPI_DIRECTION_LABELS)} {...register("direction")} />
            )}
          </Field>
          <Field label="Frequency" error={errors.frequency?.message} hint="How often a value arrives">
            {(id) => (
              <Select id={id} options={labelled(KPI_FREQUENCIES, KPI_FREQUENCY_LABELS)} {...register("frequency")} />
            )}
          </Field>
          <Field label="Aggregation" error={errors.aggregation?.message} hint="How periods roll into a quarter">
            {(id) => (
              <Select
                id={id}
                options={labelled(kind === "campaigns" ? (["sum"] as const) : AGGREGATIONS, KPI_AGGREGATION_LABELS)}
                {...register("aggregation")}
              />
            )}
          </Field>
        </div>
      </FormPart>

      <FormPart title="Targets">
        <p className="text-sm text-slate-600">
          The goal scores {formatThreshold(GREEN_FROM)} (green from there), the red flag {formatThreshold(RED_BELOW)}{" "}
          (red below).{" "}
          {direction === "lower_is_better"
            ? "Lower is better: the goal lies below the red flag."
            : "Higher is better: the goal lies above the red flag."}{" "}
          These are the quarterly defaults; single quarters can be overridden on the KPI's page.
        </p>
        <p className="text-sm font-medium text-slate-700" data-testid="goal-period">
          {goalPeriod.sentence}
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          <NumberField
            label="Goal"
            error={errors.goal?.message}
            hint={[`Per ${goalPeriod.per}`, entryHint(unit, kind)].filter(Boolean).join(" · ")}
            {...register("goal", number)}
          />
          <NumberField
            label="Red flag"
            error={errors.redFlag?.message}
            hint={`Per ${goalPeriod.per}`}
            {...register("redFlag", number)}
          />
          <Field label="Weight" error={errors.weight?.message} hint="Within its strategic objective">
            {(id) => <WeightInput id={id} invalid={Boolean(errors.weight)} {...register("weight", number)} />}
          </Field>
        </div>
      </FormPart>

      <FormPart title="Ownership and strategy">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Owner"
            error={errors.ownerId?.message}
            hint={role === "admin" ? undefined : "Managers own the KPIs they create."}
          >
            {(id) => (
              <Controller
                control={control}
                name="ownerId"
                render={({ field }) => (
                  <PersonPicker
                    id={id}
                    {...field}
                    invalid={Boolean(errors.ownerId)}
                    accept={(p) => p.role !== "viewer"}
                    candidates={ownerCandidates}
                  />
                )}
              />
            )}
          </Field>
          <Field label="Strategic objective" error={errors.strategicObjectiveId?.message}>
            {(id) => (
              <Select id={id} {...register("strategicObjectiveId", nullable)}>
                <StrategicObjectiveOptions bands={strategy.bands} noneLabel="None (not on the scorecard)" />
              </Select>
            )}
          </Field>
        </div>
      </FormPart>

      <FormPart title="Where the values come from">
        <Field label="Kind" error={errors.kind?.message}>
          {(id) => (
            <Select
              id={id}
              className="sm:max-w-sm"
              options={labelled(KPI_KINDS, KPI_KIND_LABELS)}
              {...register("kind")}
            />
          )}
        </Field>
        {inputLabels ? (
          <>
            <p className="text-sm text-slate-600">
              A computed KPI adds up each input over the quarter first, then applies its formula (Σ a ÷ Σ b). Inputs are
              KPIs whose values are entered or summed from campaigns (marketing ROI: campaign revenue and spend).
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              {(["inputAId", "inputBId"] as const).map((name) => (
                <Field
                  key={name}
                  label={name === "inputAId" ? inputLabels.a : inputLabels.b}
                  error={errors[name]?.message}
                >
                  {(id) => (
                    <Select id={id} options={inputChoices} {...register(name, nullable)}>
                      <option value="">Choose a KPI</option>
                    </Select>
                  )}
                </Field>
              ))}
            </div>
          </>
        ) : kind === "campaigns" ? (
          <>
            <p className="text-sm text-slate-600">
              The values are the sums of the{" "}
              <Link href="/campaigns" className="text-indigo-600 underline">
                campaign calendar
              </Link>
              's results per period, read as they stand: nothing is entered here. Money sums only the campaigns in the
              chosen currency; campaigns in other currencies are left out, never converted.
            </p>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Measure" error={errors.campaignMeasure?.message}>
                {(id) => (
                  <Select
                    id={id}
                    options={labelled(KPI_CAMPAIGN_MEASURES, KPI_CAMPAIGN_MEASURE_LABELS)}
                    {...register("campaignMeasure")}
                  />
                )}
              </Field>
              <Field label="Channel" error={errors.campaignChannel?.message}>
                {(id) => (
                  <Select
                    id={id}
                    options={labelled(CAMPAIGN_CHANNELS, CAMPAIGN_CHANNEL_LABELS)}
                    {...register("campaignChannel", nullable)}
                  >
                    <option value="">All channels</option>
                  </Select>
                )}
              </Field>
              {isMoneyMeasure(measure) && (
                <Field label="Currency" error={errors.currency?.message} hint="Only campaigns in it are summed">
                  {(id) => (
                    <Select
                      id={id}
                      options={CURRENCIES.map((c) => ({ value: c, label: c }))}
                      {...register("currency", nullable)}
                    />
                  )}
                </Field>
              )}
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-600">
            Values are entered on the KPI's page, imported from CSV or pushed through the ingestion API.
          </p>
        )}
      </FormPart>

      <FormActions
        submitLabel={submitLabel}
        pending={isSubmitting}
        onCancel={onCancel}
        error={failure}
        className="flex gap-3"
      />
    </form>
  );
}

/** One card of the form, titled. */
function FormPart({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={`${ui.card} space-y-4`}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** A select's options from the domain's values and their labels. */
function labelled<T extends string>(values: readonly T[], labels: Record<T, string>): SelectOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
