"use client";

import { ZPerspectiveUpdateSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { PerspectiveRow as Perspective } from "~/components/strategy/types";
import { Button } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { SubmitButton } from "~/components/ui/form-actions";
import { useInvalidateStrategy } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { PerspectiveFields } from "./perspective-fields";

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
        <span className="w-6 text-right text-sm tabular-nums text-slate-500">{index + 1}</span>
        {/* At least 12rem for the name: on a phone the actions go below it. */}
        <div className="min-w-0 flex-[1_1_12rem]">
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
            <Button variant="secondary" aria-label={`Edit ${p.name}`} onClick={() => setEditing(true)}>
              Edit
            </Button>
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
            <Button
              variant="danger"
              aria-label={`Remove ${p.name}`}
              aria-describedby={note ? `note-${p.id}` : undefined}
              onClick={() =>
                setNote(
                  `${p.name} still holds ${held} strategic objective${held === 1 ? "" : "s"}. Move ${held === 1 ? "it" : "them"} to another perspective or remove ${held === 1 ? "it" : "them"} first.`,
                )
              }
              className="border-dashed"
            >
              Remove
            </Button>
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

function EditPerspectiveForm({ perspective: p, onDone }: { perspective: Perspective; onDone: () => void }) {
  const trpc = useTRPC();
  const form = useMutationForm({
    schema: ZPerspectiveUpdateSchema,
    defaultValues: { perspectiveId: p.id, version: p.version, name: p.name, weight: p.weight },
    mutation: trpc.perspectives.update.mutationOptions(),
    invalidate: useInvalidateStrategy(),
    onSuccess: onDone,
    // Someone saved first: start again from what they saved.
    conflictValues: (current: { name: string; weight: number; version: number }) => ({
      perspectiveId: p.id,
      version: current.version,
      name: current.name,
      weight: current.weight,
    }),
  });
  const { errors } = form.formState;
  return (
    <PerspectiveFields
      label={`Edit perspective ${p.name}`}
      className="ml-9 mt-3 rounded-xl border border-indigo-100 bg-indigo-50/40 p-3"
      onSubmit={form.onSubmit}
      nameLabel="Name"
      name={form.register("name")}
      weight={form.register("weight", { valueAsNumber: true })}
      errors={{ name: errors.name?.message, weight: errors.weight?.message }}
      error={form.error ?? form.conflict?.message}
      actionsClassName="flex gap-2 sm:pt-6"
    >
      <SubmitButton pending={form.pending} pendingLabel="Save">
        Save
      </SubmitButton>
      <Button variant="secondary" onClick={onDone}>
        Cancel
      </Button>
    </PerspectiveFields>
  );
}
