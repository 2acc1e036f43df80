"use client";

import { DEFAULT_PERSPECTIVES, ZPerspectiveCreateSchema } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TitledCard } from "~/components/scorecard/titled-card";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { SubmitButton } from "~/components/ui/form-actions";
import { useInvalidateStrategy } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { PerspectiveFields } from "./perspective-fields";
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
    <TitledCard
      title="Perspectives"
      aside={<p className="text-xs text-slate-500">Top to bottom, as the strategy map draws them.</p>}
    >
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Each perspective is a band of the balanced scorecard. Its weight sets how much it counts in the organization's
        score; a weight of 0 keeps it visible but out of the average.
      </p>
      {failure && (
        <div className="mt-3">
          <Alert>{failure}</Alert>
        </div>
      )}
      {perspectives.length === 0 ? (
        <div className="mt-4 rounded-xl border border-dashed border-slate-300 p-6 text-center">
          <p className="text-sm text-slate-600">This organization has no perspectives yet.</p>
          <Button className="mt-3" disabled={addDefaults.isPending} onClick={() => addDefaults.mutate()}>
            {addDefaults.isPending ? "Adding…" : "Add the four default perspectives"}
          </Button>
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
    </TitledCard>
  );
}

function AddPerspectiveForm() {
  const trpc = useTRPC();
  const form = useMutationForm({
    schema: ZPerspectiveCreateSchema,
    defaultValues: { name: "", weight: 1 },
    mutation: trpc.perspectives.create.mutationOptions(),
    invalidate: useInvalidateStrategy(),
    onSuccess: () => {
      form.reset();
    },
  });
  const { errors } = form.formState;
  return (
    <PerspectiveFields
      label="Add perspective"
      className="mt-4"
      onSubmit={form.onSubmit}
      nameLabel="New perspective"
      placeholder="e.g. Sustainability"
      name={form.register("name")}
      weight={form.register("weight", { valueAsNumber: true })}
      errors={{ name: errors.name?.message, weight: errors.weight?.message }}
      error={form.error}
      actionsClassName="sm:pt-6"
    >
      <SubmitButton pending={form.pending} pendingLabel="Add perspective">
        Add perspective
      </SubmitButton>
    </PerspectiveFields>
  );
}
