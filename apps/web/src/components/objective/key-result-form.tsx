"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { KeyResultView } from "@meridian/api";
import {
  KEY_RESULT_TYPE_LABELS,
  KEY_RESULT_TYPES,
  KEY_RESULT_UNIT_LABELS,
  KEY_RESULT_UNITS,
  ZKeyResultCreateSchema,
  ZKeyResultUpdateSchema,
} from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { type UseFormRegisterReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors, conflictCurrent } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";
import { useInvalidateObjectives } from "./use-invalidate";

type KeyResultField = "title" | "type" | "startValue" | "targetValue" | "unit" | "unitLabel" | "weight";
const NUMERIC_FIELDS: ReadonlySet<KeyResultField> = new Set(["startValue", "targetValue", "weight"]);

type CreateInput = z.input<typeof ZKeyResultCreateSchema>;
type CreateValues = z.output<typeof ZKeyResultCreateSchema>;
type UpdateInput = z.input<typeof ZKeyResultUpdateSchema>;
type UpdateValues = z.output<typeof ZKeyResultUpdateSchema>;

/** "Add key result": the API's create schema, with the objective filled in. */
export function AddKeyResultForm({ objectiveId, onDone }: { objectiveId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CreateInput, unknown, CreateValues>({
    resolver: zodResolver(ZKeyResultCreateSchema),
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
  });
  const create = useMutation(trpc.keyResults.create.mutationOptions());
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      await create.mutateAsync(values);
      await invalidate();
      onDone();
    } catch (error) {
      setMessage(applyServerErrors(error, setError));
    }
  });
  const field = (name: KeyResultField): UseFormRegisterReturn =>
    NUMERIC_FIELDS.has(name) ? register(name, { valueAsNumber: true }) : register(name);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add key result" className={formClass}>
      <h3 className="text-sm font-semibold text-slate-800">Add key result</h3>
      <KeyResultFields field={field} errors={errors} />
      {message && <ErrorMessage>{message}</ErrorMessage>}
      <div className="flex gap-2">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          {isSubmitting ? "Adding…" : "Add key result"}
        </button>
        <button type="button" onClick={onDone} className={ui.secondary}>
          Cancel
        </button>
      </div>
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
  const invalidate = useInvalidateObjectives();
  const [message, setMessage] = useState<string | null>(null);
  const [conflicted, setConflicted] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<UpdateInput, unknown, UpdateValues>({
    resolver: zodResolver(ZKeyResultUpdateSchema),
    defaultValues: updateValues(keyResult),
  });
  const update = useMutation(trpc.keyResults.update.mutationOptions());
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    setConflicted(false);
    try {
      await update.mutateAsync(values);
      await invalidate();
      onDone();
    } catch (error) {
      const current = conflictCurrent(error) as Parameters<typeof updateValues>[0] | null;
      if (current) {
        setConflicted(true);
        reset(updateValues(current));
        await invalidate();
      }
      setMessage(applyServerErrors(error, setError));
    }
  });
  const field = (name: KeyResultField): UseFormRegisterReturn =>
    NUMERIC_FIELDS.has(name) ? register(name, { valueAsNumber: true }) : register(name);

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Edit ${keyResult.title}`} className={formClass}>
      <h3 className="text-sm font-semibold text-slate-800">Edit key result</h3>
      {conflicted && message && (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {message} The form now shows the saved values.
        </p>
      )}
      <KeyResultFields field={field} errors={errors} />
      {message && !conflicted && <ErrorMessage>{message}</ErrorMessage>}
      <div className="flex gap-2">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          {isSubmitting ? "Saving…" : "Save key result"}
        </button>
        <button type="button" onClick={onDone} className={ui.secondary}>
          Cancel
        </button>
      </div>
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
      <Field label="Title" error={errors.title?.message}>
        {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.title)} {...field("title")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Type" error={errors.type?.message}>
          {(id) => (
            <select id={id} className={ui.select} {...field("type")}>
              {KEY_RESULT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {KEY_RESULT_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Start" error={errors.startValue?.message}>
          {(id) => (
            <input
              id={id}
              type="number"
              step="any"
              inputMode="decimal"
              className={ui.input}
              aria-invalid={Boolean(errors.startValue)}
              {...field("startValue")}
            />
          )}
        </Field>
        <Field label="Target" error={errors.targetValue?.message}>
          {(id) => (
            <input
              id={id}
              type="number"
              step="any"
              inputMode="decimal"
              className={ui.input}
              aria-invalid={Boolean(errors.targetValue)}
              {...field("targetValue")}
            />
          )}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Unit" error={errors.unit?.message}>
          {(id) => (
            <select id={id} className={ui.select} {...field("unit")}>
              {KEY_RESULT_UNITS.map((u) => (
                <option key={u} value={u}>
                  {KEY_RESULT_UNIT_LABELS[u]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Unit label"
          hint="For currency or a custom unit, e.g. EUR or leads"
          error={errors.unitLabel?.message}
        >
          {(id) => (
            <input id={id} className={ui.input} aria-invalid={Boolean(errors.unitLabel)} {...field("unitLabel")} />
          )}
        </Field>
        <Field label="Weight" error={errors.weight?.message}>
          {(id) => <WeightInput id={id} invalid={Boolean(errors.weight)} {...field("weight")} />}
        </Field>
      </div>
    </>
  );
}
