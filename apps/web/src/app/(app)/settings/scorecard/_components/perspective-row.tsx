"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type TPerspectiveUpdate, ZPerspectiveUpdateSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { PerspectiveRow as Perspective } from "~/components/strategy/types";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors, conflictCurrent } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useInvalidateStrategy } from "~/components/ui/use-invalidate";
import { WeightInput } from "~/components/ui/weight-input";
import { useTRPC } from "~/trpc/react";

const iconButton =
  "inline-flex h-8 w-8 items-center justify-center rounded-lg border border-slate-300 bg-white text-slate-600 hover:bg-slate-50 disabled:opacity-40";

/** One perspective: its place, name, weight and objectives, with the admin's actions. */
export function PerspectiveRow({
  perspective: p,
  index,
  count,
  moving,
  onMove,
}: {
  perspective: Perspective;
  index: number;
  count: number;
  moving: boolean;
  onMove: (by: -1 | 1) => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateStrategy();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const remove = useMutation(
    trpc.perspectives.remove.mutationOptions({
      onSuccess: invalidate,
      onError: async (error) => {
        setNote(error.message);
        await invalidate();
      },
    }),
  );
  const held = p.objectiveCount;

  return (
    <li aria-label={`Perspective ${p.name}`} className="py-3">
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-6 text-right text-sm tabular-nums text-slate-400">{index + 1}</span>
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900">{p.name}</p>
          <p className="text-xs text-slate-500">
            Weight {p.weight} · {held} strategic objective{held === 1 ? "" : "s"}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            aria-label={`Move ${p.name} up`}
            title="Move up"
            disabled={index === 0 || moving}
            onClick={() => onMove(-1)}
            className={iconButton}
          >
            <span aria-hidden="true">↑</span>
          </button>
          <button
            type="button"
            aria-label={`Move ${p.name} down`}
            title="Move down"
            disabled={index === count - 1 || moving}
            onClick={() => onMove(1)}
            className={iconButton}
          >
            <span aria-hidden="true">↓</span>
          </button>
          {!editing && (
            <button
              type="button"
              aria-label={`Edit ${p.name}`}
              onClick={() => setEditing(true)}
              className={ui.secondary}
            >
              Edit
            </button>
          )}
          {held === 0 ? (
            <ConfirmAction
              label="Remove"
              ariaLabel={`Remove ${p.name}`}
              question={`Remove the ${p.name} perspective?`}
              confirmLabel="Yes, remove"
              pending={remove.isPending}
              onConfirm={() => remove.mutate({ perspectiveId: p.id, version: p.version })}
            />
          ) : (
            <button
              type="button"
              aria-label={`Remove ${p.name}`}
              aria-describedby={note ? `note-${p.id}` : undefined}
              onClick={() =>
                setNote(
                  `${p.name} still holds ${held} strategic objective${held === 1 ? "" : "s"}. Move ${held === 1 ? "it" : "them"} to another perspective or remove ${held === 1 ? "it" : "them"} first.`,
                )
              }
              className={`${ui.danger} opacity-60`}
            >
              Remove
            </button>
          )}
        </div>
      </div>
      {note && (
        <p
          id={`note-${p.id}`}
          role="status"
          className="ml-9 mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {note}
        </p>
      )}
      {editing && <EditPerspectiveForm perspective={p} onDone={() => setEditing(false)} />}
    </li>
  );
}

type EditValues = z.output<typeof ZPerspectiveUpdateSchema>;

function EditPerspectiveForm({ perspective: p, onDone }: { perspective: Perspective; onDone: () => void }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateStrategy();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TPerspectiveUpdate, unknown, EditValues>({
    resolver: zodResolver(ZPerspectiveUpdateSchema),
    defaultValues: { perspectiveId: p.id, version: p.version, name: p.name, weight: p.weight },
  });
  const update = useMutation(trpc.perspectives.update.mutationOptions());
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await update.mutateAsync(values);
      await invalidate();
      onDone();
    } catch (error) {
      const current = conflictCurrent(error) as { name: string; weight: number; version: number } | null;
      if (current) {
        // Someone saved first: start again from what they saved.
        reset({ perspectiveId: p.id, version: current.version, name: current.name, weight: current.weight });
        await invalidate();
      }
      setFailure(applyServerErrors(error, setError));
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Edit perspective ${p.name}`}
      className="ml-9 mt-3 grid gap-3 rounded-xl border border-indigo-100 bg-indigo-50/40 p-3 sm:grid-cols-[minmax(0,1fr)_8rem_auto] sm:items-start"
    >
      <input type="hidden" {...register("perspectiveId")} />
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      <Field label="Name" error={errors.name?.message}>
        {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.name)} {...register("name")} />}
      </Field>
      <Field label="Weight" error={errors.weight?.message}>
        {(id) => (
          <WeightInput id={id} invalid={Boolean(errors.weight)} {...register("weight", { valueAsNumber: true })} />
        )}
      </Field>
      <div className="flex gap-2 sm:pt-6">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          Save
        </button>
        <button type="button" onClick={onDone} className={ui.secondary}>
          Cancel
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
