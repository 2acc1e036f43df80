"use client";

import type { AppRouter } from "@meridian/api";
import {
  LOCKED_ONCE_STARTED,
  PLAN_LOCK_NOTE,
  planIsLocked,
  type TExperimentFormInput,
  ZExperimentFormSchema,
} from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Controller, useFieldArray } from "react-hook-form";
import {
  KeyResultOptions,
  NamedOptions,
  useCampaignChoices,
  useKpiChoices,
  useOkrChoices,
} from "~/components/links/link-options";
import { PersonPicker } from "~/components/people/person-picker";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { FormActions } from "~/components/ui/form-actions";
import { Input, Textarea } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { TextField } from "~/components/ui/text-field";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC, useTRPCClient } from "~/trpc/react";

/** The experiment as its page reads it: what the edit form opens on. */
export type EditableExperiment = inferRouterOutputs<AppRouter>["experiments"]["get"];
/** What a stale save's conflict carries: the experiment's row as saved now. */
interface SavedExperiment {
  version: number;
  name: string;
  hypothesis: string;
  startDate: string | null;
  endDate: string | null;
}

const optionalNumber = { setValueAs: (v: string) => (v === "" || v === null ? null : Number(v)) };
const optionalText = { setValueAs: (v: string) => (v === "" ? null : v) };
const LOCK_NOTE_ID = "experiment-plan-lock";
const LOCKED_CLASS = "read-only:bg-slate-100 read-only:text-slate-600";

/** The form's values of a saved experiment: saving them untouched changes nothing. */
export function experimentFormValues(page: EditableExperiment): TExperimentFormInput {
  const e = page.experiment;
  return {
    experimentId: e.id,
    version: e.version,
    name: e.name,
    hypothesis: e.hypothesis,
    ownerId: e.ownerId,
    teamId: e.teamId,
    startDate: e.startDate,
    endDate: e.endDate,
    minimumDetectableEffect: e.minimumDetectableEffect,
    alpha: e.alpha,
    power: e.power,
    baselineRate: e.baselineRate,
    keyResultId: e.keyResultId,
    kpiId: e.kpiId,
    campaignId: e.campaignId,
    variants: page.variants.map((v) => ({ name: v.name, weight: v.weight })),
    primaryMetric: page.metrics.find((m) => m.isPrimary)?.name ?? "Conversion",
    secondaryMetrics: page.metrics.filter((m) => !m.isPrimary).map((m) => m.name),
  };
}

const newExperimentValues = (userId: string): TExperimentFormInput => ({
  name: "",
  hypothesis: "",
  ownerId: userId,
  teamId: "",
  startDate: null,
  endDate: null,
  minimumDetectableEffect: 10,
  alpha: 5,
  power: 80,
  baselineRate: null,
  keyResultId: null,
  kpiId: null,
  campaignId: null,
  primaryMetric: "Conversion",
  secondaryMetrics: [],
  variants: [
    { name: "Control", weight: 50 },
    { name: "Treatment B", weight: 50 },
  ],
});

/**
 * A new experiment, or an edit of one (the same form and schema): its plan (the effect worth detecting,
 * significance and power), control and treatments, metrics, and what it serves. An edit names the version it
 * read; a stale save keeps what was typed and shows what the other person saved. Once the experiment has
 * started, the plan's fields are read-only here and on the server (ADR 0018).
 */
export function ExperimentForm({ experiment, userId }: { experiment?: EditableExperiment; userId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const invalidate = useInvalidate("experiments", "campaigns");
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const okr = useOkrChoices();
  const kpiChoices = useKpiChoices();
  const campaignChoices = useCampaignChoices();
  const locked = experiment ? planIsLocked(experiment.experiment.status) : false;
  const form = useMutationForm({
    schema: ZExperimentFormSchema,
    defaultValues: experiment ? experimentFormValues(experiment) : newExperimentValues(userId),
    mutation: {
      // One form, two procedures: a new experiment, or an edit against the version read.
      mutationFn: ({ experimentId, version, ...values }: ReturnType<typeof ZExperimentFormSchema.parse>) =>
        experimentId && version !== undefined
          ? client.experiments.update.mutate({ experimentId, version, ...values })
          : client.experiments.create.mutate(values),
    },
    invalidate,
    onSuccess: (saved) => router.push(`/experiments/${saved.id}`),
    ...(experiment && {
      conflictValues: (current: SavedExperiment) => ({ ...experimentFormValues(experiment), version: current.version }),
    }),
    draft: { record: experiment ? `experiment:${experiment.experiment.id}` : "experiment:new", what: "Experiment" },
  });
  const { register, control, errors, setValue, getValues } = form;
  // A started experiment's plan is what was saved, whatever a draft from before the start or a save that
  // met the start holds: those fields cannot be typed into, so they must not hold anything else.
  useEffect(() => {
    if (!experiment || !locked) return;
    const saved = experimentFormValues(experiment);
    for (const key of LOCKED_ONCE_STARTED) setValue(key, saved[key]);
    const typed = getValues("secondaryMetrics") ?? [];
    const kept = saved.secondaryMetrics ?? [];
    const key = (name: string) => name.trim().toLowerCase();
    setValue("secondaryMetrics", [...kept, ...typed.filter((n) => !kept.some((k) => key(k) === key(n)))]);
  }, [experiment, locked, setValue, getValues, form.draftRestored]);
  const variants = useFieldArray({ control, name: "variants" });
  // Fixed fields look it (greyed), and name the note that says why.
  const fixed = { readOnly: true, "aria-describedby": LOCK_NOTE_ID };
  const readOnly = locked ? { ...fixed, inputClassName: LOCKED_CLASS } : {};
  const readOnlyInput = locked ? { ...fixed, className: LOCKED_CLASS } : {};
  const current = experiment?.experiment;

  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="space-y-4"
      aria-label={experiment ? "Edit experiment" : "New experiment"}
    >
      {form.draftRestored && (
        <Alert tone="info">Your unsaved changes from an earlier visit are back in the form.</Alert>
      )}
      {form.conflict && (
        <Alert tone="warning" as="div">
          <p className="font-medium">{form.conflict.message || "Someone else changed this experiment."}</p>
          <p className="mt-1">
            Your changes are still in the form. What they saved is below; saving again replaces it.
          </p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
            <dt className="text-amber-800">Name</dt>
            <dd className="font-medium">{form.conflict.current.name}</dd>
            <dt className="text-amber-800">Hypothesis</dt>
            <dd className="whitespace-pre-line">{form.conflict.current.hypothesis || "—"}</dd>
            <dt className="text-amber-800">Dates</dt>
            <dd>
              {form.conflict.current.startDate ?? "not set"} → {form.conflict.current.endDate ?? "open"}
            </dd>
          </dl>
        </Alert>
      )}
      {locked && (
        <p id={LOCK_NOTE_ID} className="rounded-lg bg-slate-100 p-3 text-sm text-slate-700">
          {PLAN_LOCK_NOTE}
        </p>
      )}
      <TextField label="Name" error={errors.name?.message} {...register("name")} />
      <Field label="Hypothesis" error={errors.hypothesis?.message}>
        {(id) => <Textarea id={id} rows={3} {...register("hypothesis")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Team" error={errors.teamId?.message}>
          {(id) => (
            <Select id={id} {...register("teamId")} invalid={Boolean(errors.teamId)}>
              <option value="">Choose a team…</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Owner" error={errors.ownerId?.message}>
          {(id) => (
            <Controller
              control={control}
              name="ownerId"
              render={({ field }) => (
                <PersonPicker
                  id={id}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                />
              )}
            />
          )}
        </Field>
        <TextField
          label="Start date"
          type="date"
          error={errors.startDate?.message}
          {...readOnly}
          {...register("startDate", optionalText)}
        />
        <TextField
          label="End date"
          type="date"
          error={errors.endDate?.message}
          {...register("endDate", optionalText)}
        />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold text-slate-700">Plan</legend>
        <TextField
          label="Minimum effect (%)"
          type="number"
          step="0.01"
          hint="Relative uplift worth detecting"
          error={errors.minimumDetectableEffect?.message}
          {...readOnly}
          {...register("minimumDetectableEffect", { valueAsNumber: true })}
        />
        <TextField
          label="Significance (%)"
          type="number"
          step="0.01"
          error={errors.alpha?.message}
          {...readOnly}
          {...register("alpha", { valueAsNumber: true })}
        />
        <TextField
          label="Power (%)"
          type="number"
          step="0.01"
          error={errors.power?.message}
          {...readOnly}
          {...register("power", { valueAsNumber: true })}
        />
        <TextField
          label="Baseline rate (%)"
          type="number"
          step="0.01"
          hint="Optional"
          error={errors.baselineRate?.message}
          {...readOnly}
          {...register("baselineRate", optionalNumber)}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-700">Metrics</legend>
        <TextField
          label="Primary metric"
          error={errors.primaryMetric?.message}
          {...readOnly}
          {...register("primaryMetric")}
        />
        <Field
          label="Secondary metrics"
          hint={locked ? "Comma-separated; add new ones after those listed." : "Comma-separated, up to five."}
          error={errors.secondaryMetrics?.message ?? errors.secondaryMetrics?.[0]?.message}
        >
          {(id) => (
            <Controller
              control={control}
              name="secondaryMetrics"
              render={({ field }) => <MetricListInput id={id} value={field.value ?? []} onChange={field.onChange} />}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold text-slate-700">
          Variants (the first is control) and planned split
        </legend>
        {variants.fields.map((field, i) => (
          <div key={field.id} className="flex flex-wrap items-end gap-2">
            <Field
              label={i === 0 ? "Control name" : `Treatment ${i} name`}
              error={errors.variants?.[i]?.name?.message}
              className="grow"
            >
              {(id) => <Input id={id} {...readOnlyInput} {...register(`variants.${i}.name`)} />}
            </Field>
            <Field label="Share" error={errors.variants?.[i]?.weight?.message} className="w-24">
              {(id) => (
                <Input
                  id={id}
                  type="number"
                  {...readOnlyInput}
                  {...register(`variants.${i}.weight`, { valueAsNumber: true })}
                />
              )}
            </Field>
            {i > 1 && !locked && (
              <Button variant="ghost" onClick={() => variants.remove(i)} aria-label={`Remove treatment ${i}`}>
                Remove
              </Button>
            )}
          </div>
        ))}
        {errors.variants?.message && <p className="text-xs text-rose-600">{errors.variants.message}</p>}
        {variants.fields.length < 6 && !locked && (
          <Button
            variant="secondary"
            onClick={() =>
              variants.append({ name: `Treatment ${String.fromCharCode(65 + variants.fields.length)}`, weight: 50 })
            }
          >
            Add a treatment
          </Button>
        )}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-700">Serves</legend>
        <Field label="Key result" error={errors.keyResultId?.message} hint="Its result can be checked in there.">
          {(id) => (
            <LoadedSelect id={id} loaded={okr.loaded}>
              <Select id={id} {...register("keyResultId", optionalText)}>
                <KeyResultOptions
                  objectives={okr.objectives}
                  current={current?.keyResult && { id: current.keyResult.id, name: current.keyResult.title }}
                />
              </Select>
            </LoadedSelect>
          )}
        </Field>
        <Field label="KPI" error={errors.kpiId?.message}>
          {(id) => (
            <LoadedSelect id={id} loaded={kpiChoices.loaded}>
              <Select id={id} {...register("kpiId", optionalText)}>
                <NamedOptions items={kpiChoices.kpis} current={current?.kpi} />
              </Select>
            </LoadedSelect>
          )}
        </Field>
        <Field label="Campaign" error={errors.campaignId?.message}>
          {(id) => (
            <LoadedSelect id={id} loaded={campaignChoices.loaded}>
              <Select id={id} {...register("campaignId", optionalText)}>
                <NamedOptions items={campaignChoices.campaigns} current={current?.campaign} />
              </Select>
            </LoadedSelect>
          )}
        </Field>
      </fieldset>
      <FormActions
        submitLabel={experiment ? "Save experiment" : "Create experiment"}
        pending={form.pending}
        error={form.error}
        {...(experiment && { onCancel: () => router.push(`/experiments/${experiment.experiment.id}`) })}
      />
    </form>
  );
}

/**
 * The select once its choices are known (registered then, so it shows the saved choice); a disabled
 * stand-in until then.
 */
function LoadedSelect({ id, loaded, children }: { id: string; loaded: boolean; children: React.ReactNode }) {
  if (loaded) return children;
  return (
    <Select id={id} disabled>
      <option>Loading…</option>
    </Select>
  );
}

const parseNames = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** A comma-separated list typed as text, handed to the form as names (blanks dropped). */
function MetricListInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: readonly string[];
  onChange: (names: string[]) => void;
}) {
  const [text, setText] = useState(() => value.join(", "));
  // Set from outside (a restored draft, the saved metrics of a started experiment): show what the form holds.
  useEffect(() => {
    if (parseNames(text).join("\n") !== value.join("\n")) setText(value.join(", "));
  }, [value, text]);
  return (
    <Input
      id={id}
      value={text}
      placeholder="Revenue per visitor, Add to cart"
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseNames(e.target.value));
      }}
    />
  );
}
