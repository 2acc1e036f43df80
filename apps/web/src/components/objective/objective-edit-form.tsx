"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import type { ObjectiveNode } from "@meridian/api";
import {
  PROGRESS_SOURCE_LABELS,
  PROGRESS_SOURCES,
  type ProgressSource,
  VISIBILITIES,
  VISIBILITY_LABELS,
  type Visibility,
  ZObjectiveUpdateSchema,
} from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ownerCandidates } from "~/components/okr/owner-candidates";
import {
  StrategicObjectiveOptions,
  useStrategicObjectiveBands,
} from "~/components/strategy/strategic-objective-options";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors, conflictCurrent } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";
import { useInvalidateObjectives } from "./use-invalidate";

// The API's own update schema, limited to what this form edits.
const ZObjectiveEditSchema = ZObjectiveUpdateSchema.pick({
  objectiveId: true,
  version: true,
  title: true,
  description: true,
  visibility: true,
  progressSource: true,
  weight: true,
  ownerId: true,
  strategicObjectiveId: true,
});
type EditInput = z.input<typeof ZObjectiveEditSchema>;
type EditValues = z.output<typeof ZObjectiveEditSchema>;

function formValues(o: {
  id: string;
  ownerId: string;
  version: number;
  title: string;
  description: string;
  visibility: Visibility;
  progressSource: ProgressSource;
  weight: number;
  strategicObjectiveId: string | null;
}): EditInput {
  return {
    objectiveId: o.id,
    version: o.version,
    title: o.title,
    description: o.description,
    visibility: o.visibility,
    progressSource: o.progressSource,
    weight: o.weight,
    ownerId: o.ownerId,
    strategicObjectiveId: o.strategicObjectiveId,
  };
}

type Current = Parameters<typeof formValues>[0];

export function ObjectiveEditForm({
  objective,
  strategicObjectiveId,
  onDone,
}: {
  objective: ObjectiveNode;
  /** The scorecard's strategic objective it contributes to, if any. */
  strategicObjectiveId: string | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateObjectives();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Current | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<EditInput, unknown, EditValues>({
    resolver: zodResolver(ZObjectiveEditSchema),
    defaultValues: formValues({ ...objective, ownerId: objective.owner.id, strategicObjectiveId }),
  });
  const update = useMutation(trpc.objectives.update.mutationOptions());
  const me = useQuery(trpc.me.get.queryOptions());
  const people = useQuery(trpc.people.list.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  // The strategy's objectives, grouped by perspective, to align this quarter's work to.
  const strategy = useStrategicObjectiveBands();
  const bands = strategy.bands;
  const strategicName = (id: string | null) =>
    bands.flatMap((p) => p.objectives).find((o) => o.id === id)?.name ?? "None";
  const candidates =
    me.data?.organization && people.data && teams.data
      ? ownerCandidates(me.data.organization.role, me.data.user.id, people.data, teams.data)
      : [];
  // The current owner stays choosable even when the caller could not pick them.
  const owners = candidates.some((p) => p.id === objective.owner.id) ? candidates : [objective.owner, ...candidates];

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    setConflict(null);
    try {
      await update.mutateAsync(values);
      await invalidate();
      onDone();
    } catch (error) {
      const current = conflictCurrent(error) as Current | null;
      if (current) {
        // Someone saved first: show what they saved, and edit their version from here.
        setConflict(current);
        reset(formValues(current));
        await invalidate();
      }
      setMessage(applyServerErrors(error, setError));
    }
  });

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Edit objective"
      className="mt-4 space-y-4 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4"
    >
      <input type="hidden" {...register("objectiveId")} />
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      {conflict && (
        <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{message ?? "Someone else changed this objective after you opened it."}</p>
          <p className="mt-1">The form now shows their version; make your change again and save.</p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
            <dt className="text-amber-800">Title</dt>
            <dd className="font-medium">{conflict.title}</dd>
            <dt className="text-amber-800">Description</dt>
            <dd className="whitespace-pre-line">{conflict.description || "—"}</dd>
            <dt className="text-amber-800">Visibility</dt>
            <dd>{VISIBILITY_LABELS[conflict.visibility]}</dd>
            <dt className="text-amber-800">Progress from</dt>
            <dd>{PROGRESS_SOURCE_LABELS[conflict.progressSource]}</dd>
            <dt className="text-amber-800">Weight</dt>
            <dd>{conflict.weight}</dd>
            <dt className="text-amber-800">Strategic objective</dt>
            <dd>{strategicName(conflict.strategicObjectiveId)}</dd>
          </dl>
        </div>
      )}
      <Field label="Title" error={errors.title?.message}>
        {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.title)} {...register("title")} />}
      </Field>
      <Field label="Description" error={errors.description?.message}>
        {(id) => (
          <textarea
            id={id}
            rows={3}
            className={ui.input}
            aria-invalid={Boolean(errors.description)}
            {...register("description")}
          />
        )}
      </Field>
      {owners.length > 1 && (
        <Field label="Owner" error={errors.ownerId?.message} className="sm:max-w-xs">
          {(id) => (
            <select id={id} className={ui.select} {...register("ownerId")}>
              {owners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {/* Mounted once the choices are known, so the select can show the current one. */}
      {strategy.loaded && (bands.length > 0 || strategicObjectiveId) && (
        <Field
          label="Strategic objective"
          error={errors.strategicObjectiveId?.message}
          hint="The scorecard objective this quarter's work contributes to."
          className="sm:max-w-md"
        >
          {(id) => (
            <select
              id={id}
              className={ui.select}
              {...register("strategicObjectiveId", { setValueAs: (v: string | null) => v || null })}
            >
              <StrategicObjectiveOptions bands={bands} />
            </select>
          )}
        </Field>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Visibility" error={errors.visibility?.message}>
          {(id) => (
            <select id={id} className={ui.select} {...register("visibility")}>
              {VISIBILITIES.map((v) => (
                <option key={v} value={v}>
                  {VISIBILITY_LABELS[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Progress source" error={errors.progressSource?.message}>
          {(id) => (
            <select id={id} className={ui.select} {...register("progressSource")}>
              {PROGRESS_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {PROGRESS_SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Weight" error={errors.weight?.message}>
          {(id) => (
            <WeightInput id={id} invalid={Boolean(errors.weight)} {...register("weight", { valueAsNumber: true })} />
          )}
        </Field>
      </div>
      {message && !conflict && <ErrorMessage>{message}</ErrorMessage>}
      <div className="flex gap-2">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          {isSubmitting ? "Saving…" : "Save objective"}
        </button>
        <button type="button" onClick={onDone} className={ui.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}
