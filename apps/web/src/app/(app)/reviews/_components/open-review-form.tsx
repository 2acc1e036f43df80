"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ZReviewOpenSchema } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { Select } from "~/components/ui/select";
import { applyServerErrors } from "~/components/ui/server-errors";
import { useInvalidateReviews } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

type OpenInput = z.input<typeof ZReviewOpenSchema>;
type OpenValues = z.output<typeof ZReviewOpenSchema>;

/** Opens the review of a cycle for the organization or one team; the snapshot is taken on the server, now. */
export function OpenReviewForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateReviews();
  const { data: cycles = [] } = useQuery(trpc.cycles.list.queryOptions());
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const [message, setMessage] = useState<string | null>(null);
  const open = useMutation(trpc.reviews.open.mutationOptions());
  // The cycle most likely to be reviewed: the latest one that has closed, else the newest.
  const defaultCycle = cycles.find((c) => c.status === "closed") ?? cycles[0];
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<OpenInput, unknown, OpenValues>({
    resolver: zodResolver(ZReviewOpenSchema),
    values: { cycleId: defaultCycle?.id ?? "", teamId: null },
    resetOptions: { keepDirtyValues: true },
  });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      const created = await open.mutateAsync({ cycleId: values.cycleId, teamId: values.teamId || null });
      await invalidate();
      router.push(`/reviews/${created.id}`);
    } catch (error) {
      setMessage(applyServerErrors(error, setError));
    }
  });

  if (cycles.length === 0) {
    return <p className="text-sm text-slate-500">There is no cycle to review yet.</p>;
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Open a review" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Cycle" error={errors.cycleId?.message}>
          {(id) => (
            <Select id={id} {...register("cycleId")}>
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.status === "closed" ? " (closed)" : c.status === "planning" ? " (planning)" : ""}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Scope" error={errors.teamId?.message}>
          {(id) => (
            <Select
              id={id}
              options={teams.map((t) => ({ value: t.id, label: `Team: ${t.name}` }))}
              {...register("teamId", { setValueAs: (v: string) => (v ? v : null) })}
            >
              <option value="">Whole organization</option>
            </Select>
          )}
        </Field>
      </div>
      <p className="text-xs text-slate-500">
        Opening takes a snapshot of every score, actual and OKR progress as they stand now; later changes to the data do
        not alter the review.
      </p>
      <SubmitButton pending={isSubmitting} pendingLabel="Opening…">
        Open review
      </SubmitButton>
      <Alert>{message}</Alert>
    </form>
  );
}
