"use client";

import { ZKeyResultCreateSchema, ZKeyResultUpdateSchema } from "@meridian/domain";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { z } from "zod";
import { KeyResultTypeSelect, KeyResultUnitSelect, MeasureInput } from "~/components/okr/okr-fields";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { FormActions } from "~/components/ui/form-actions";
import { TextField } from "~/components/ui/text-field";
import { useInvalidateObjectives } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";
import type { KeyResultView } from "~/trpc/types";

type KeyResultField = "title" | "type" | "startValue" | "targetValue" | "unit" | "unitLabel" | "weight";
const NUMERIC_FIELDS: ReadonlySet<KeyResultField> = new Set(["startValue", "targetValue", "weight"]);

type UpdateInput = z.input<typeof ZKeyResultUpdateSchema>;

/** "Add key result": the API's create schema, with the objective filled in. */
export function AddKeyResultForm({ objectiveId, onDone }: { objectiveId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const { register, onSubmit, pending, error, errors } = useMutationForm({
    schema: ZKeyResultCreateSchema,
    defaultValues: {
      objectiveId,
      title: "",
      type: "increase_to",
      startValue: 0,
      targetValue: 100,
      unit: "number",
      unitLabel: "",
      weight: 1,
    },
    mutation: trpc.keyResults.create.mutationOptions(),
    invalidate: useInvalidateObjectives(),
    onSuccess: onDone,
  });
  const field = (name: KeyResultField): UseFormRegisterReturn =>
    NUMERIC_FIELDS.has(name) ? register(name, { valueAsNumber: true }) : register(name);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add key result" className={formClass}>
      <h3 className="text-sm font-semibold text-slate-800">Add key result</h3>
      <KeyResultFields field={field} errors={errors} />
      <FormActions
        submitLabel="Add key result"
        pendingLabel="Adding…"
        pending={pending}
        onCancel={onDone}
        error={error}
      />
    </form>
  );
}

function updateValues(kr: {
  id: string;
  version: number;
  title: string;
  type: KeyResultView["type"];
  startValue: number;
  targetValue: number;
  unit: KeyResultView["unit"];
  unitLabel: string;
  weight: number;
}): UpdateInput {
  return {
    keyResultId: kr.id,
    version: kr.version,
    title: kr.title,
    type: kr.type,
    startValue: kr.startValue,
    targetValue: kr.targetValue,
    unit: kr.unit,
    unitLabel: kr.unitLabel,
    weight: kr.weight,
  };
}

/** Edits a key result's definition; a stale version shows what the other person saved. */
export function EditKeyResultForm({ keyResult, onDone }: { keyResult: KeyResultView; onDone: () => void }) {
  const trpc = useTRPC();
  const { register, onSubmit, pending, error, conflict, errors } = useMutationForm({
    schema: ZKeyResultUpdateSchema,
    defaultValues: updateValues(keyResult),
    mutation: trpc.keyResults.update.mutationOptions(),
    invalidate: useInvalidateObjectives(),
    onSuccess: onDone,
    conflictValues: (current: Parameters<typeof updateValues>[0]) => updateValues(current),
  });
  const field = (name: KeyResultField): UseFormRegisterReturn =>
    NUMERIC_FIELDS.has(name) ? register(name, { valueAsNumber: true }) : register(name);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit ${keyResult.title}`} className={formClass}>
      <h3 className="text-sm font-semibold text-slate-800">Edit key result</h3>
      {conflict?.message && <Alert tone="warning">{conflict.message} The form now shows the saved values.</Alert>}
      <KeyResultFields field={field} errors={errors} />
      <FormActions submitLabel="Save key result" pending={pending} onCancel={onDone} error={error} />
    </form>
  );
}

const formClass = "mt-3 space-y-4 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4";

function KeyResultFields({
  field,
  errors,
}: {
  field: (name: KeyResultField) => UseFormRegisterReturn;
  errors: Partial<Record<KeyResultField, { message?: string | undefined }>>;
}) {
  return (
    <>
      <TextField label="Title" error={errors.title?.message} {...field("title")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Type" error={errors.type?.message}>
          {(id) => <KeyResultTypeSelect id={id} {...field("type")} />}
        </Field>
        <Field label="Start" error={errors.startValue?.message}>
          {(id) => (
            <MeasureInput id={id} inputMode="decimal" invalid={Boolean(errors.startValue)} {...field("startValue")} />
          )}
        </Field>
        <Field label="Target" error={errors.targetValue?.message}>
          {(id) => (
            <MeasureInput id={id} inputMode="decimal" invalid={Boolean(errors.targetValue)} {...field("targetValue")} />
          )}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Unit" error={errors.unit?.message}>
          {(id) => <KeyResultUnitSelect id={id} {...field("unit")} />}
        </Field>
        <TextField
          label="Unit label"
          hint="For currency or a custom unit, e.g. EUR or leads"
          error={errors.unitLabel?.message}
          {...field("unitLabel")}
        />
        <Field label="Weight" error={errors.weight?.message}>
          {(id) => <WeightInput id={id} invalid={Boolean(errors.weight)} {...field("weight")} />}
        </Field>
      </div>
    </>
  );
}
