"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { DEFAULT_PERSPECTIVES, type TPerspectiveCreate, ZPerspectiveCreateSchema } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateStrategy } from "~/components/ui/use-invalidate";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";
import { PerspectiveRow } from "./perspective-row";

/** The scorecard's perspectives, top band first: rename, weight, reorder, add and remove them. */
export function PerspectivesAdmin() {
  const trpc = useTRPC();
  const invalidate = useInvalidateStrategy();
  const { data: perspectives = [] } = useQuery(trpc.perspectives.list.queryOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const reorder = useMutation(
    trpc.perspectives.reorder.mutationOptions({
      onSuccess: async () => {
        setFailure(null);
        await invalidate();
      },
      onError: (error) => setFailure(error.message),
    }),
  );
  const _create = useMutation(trpc.perspectives.create.mutationOptions());

  const move = (index: number, by: -1 | 1) => {
    const ids = perspectives.map((p) => p.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate({ perspectiveIds: ids });
  };

  const addDefaults = useMutation(
    trpc.perspectives.addDefaults.mutationOptions({
      onMutate: () => setFailure(null),
      onError: (error) => setFailure(error.message),
      onSettled: () => invalidate(),
    }),
  );

  return (
    <section aria-labelledby="perspectives-heading" className={ui.card}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="perspectives-heading" className="text-base font-semibold text-slate-900">
          Perspectives
        </h2>
        <p className="text-xs text-slate-500">Top to bottom, as the strategy map draws them.</p>
      </div>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Each perspective is a band of the balanced scorecard. Its weight sets how much it counts in the organization's
        score; a weight of 0 keeps it visible but out of the average.
      </p>
      {failure && (
        <div className="mt-3">
          <ErrorMessage>{failure}</ErrorMessage>
        </div>
      )}
      {perspectives.length === 0 ? (
        <div className="mt-4 rounded-xl border border-dashed border-slate-300 p-6 text-center">
          <p className="text-sm text-slate-600">This organization has no perspectives yet.</p>
          <button
            type="button"
            disabled={addDefaults.isPending}
            onClick={() => addDefaults.mutate()}
            className={`mt-3 ${ui.primary}`}
          >
            {addDefaults.isPending ? "Adding…" : "Add the four default perspectives"}
          </button>
          <p className="mt-2 text-xs text-slate-500">{DEFAULT_PERSPECTIVES.map((p) => p.name).join(" · ")}</p>
        </div>
      ) : (
        <ol aria-label="Perspectives" className="mt-4 divide-y divide-slate-100 border-y border-slate-100">
          {perspectives.map((p, index) => (
            <PerspectiveRow
              key={p.id}
              perspective={p}
              index={index}
              count={perspectives.length}
              moving={reorder.isPending}
              onMove={(by) => move(index, by)}
            />
          ))}
        </ol>
      )}
      <AddPerspectiveForm />
    </section>
  );
}

type AddValues = z.output<typeof ZPerspectiveCreateSchema>;

function AddPerspectiveForm() {
  const trpc = useTRPC();
  const invalidate = useInvalidateStrategy();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TPerspectiveCreate, unknown, AddValues>({
    resolver: zodResolver(ZPerspectiveCreateSchema),
    defaultValues: { name: "", weight: 1 },
  });
  const create = useMutation(trpc.perspectives.create.mutationOptions());
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await create.mutateAsync(values);
      reset();
      await invalidate();
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Add perspective"
      className="mt-4 grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem_auto] sm:items-start"
    >
      <Field label="New perspective" error={errors.name?.message}>
        {(id) => (
          <input
            id={id}
            placeholder="e.g. Sustainability"
            className={ui.input}
            aria-invalid={Boolean(errors.name)}
            {...register("name")}
          />
        )}
      </Field>
      <Field label="Weight" error={errors.weight?.message}>
        {(id) => (
          <WeightInput id={id} invalid={Boolean(errors.weight)} {...register("weight", { valueAsNumber: true })} />
        )}
      </Field>
      <div className="sm:pt-6">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          Add perspective
        </button>
      </div>
      {failure && (
        <div className="sm:col-span-3">
          <ErrorMessage>{failure}</ErrorMessage>
        </div>
      )}
    </form>
  );
}
