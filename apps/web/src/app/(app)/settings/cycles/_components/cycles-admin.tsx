"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type TCycleCreate, ZCycleCreateSchema } from "@meridian/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

const STATUS_STYLE = {
  planning: "bg-violet-50 text-violet-700",
  open: "bg-emerald-50 text-emerald-700",
  closed: "bg-slate-100 text-slate-600",
} as const;

export function CyclesAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: cycles = [] } = useQuery(trpc.cycles.list.queryOptions());
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmClose, setConfirmClose] = useState<string | null>(null);
  const callbacks = {
    onSuccess: async () => {
      setFailure(null);
      setConfirmClose(null);
      await queryClient.invalidateQueries(trpc.cycles.pathFilter());
      await queryClient.invalidateQueries(trpc.objectives.pathFilter());
    },
    onError: (error: { message: string }) => setFailure(error.message),
  };
  const open = useMutation(trpc.cycles.open.mutationOptions(callbacks));
  const close = useMutation(trpc.cycles.close.mutationOptions(callbacks));

  return (
    <div className="space-y-6">
      <section aria-labelledby="new-cycle-heading" className={ui.card}>
        <h2 id="new-cycle-heading" className="mb-4 text-base font-semibold">
          New cycle
        </h2>
        <CreateCycleForm />
      </section>
      <section aria-labelledby="cycles-heading" className={ui.card}>
        <h2 id="cycles-heading" className="text-base font-semibold">
          Cycles
        </h2>
        <div className="mt-3">
          <ErrorMessage>{failure}</ErrorMessage>
        </div>
        <ul className="mt-2 divide-y divide-slate-100">
          {cycles.map((c) => (
            <li key={c.id} aria-label={`Cycle ${c.name}`} className="flex flex-wrap items-center gap-3 py-3 text-sm">
              <span className="w-32 font-medium text-slate-900">{c.name}</span>
              <span className="text-slate-600">
                {c.startsOn} → {c.endsOn}
              </span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${STATUS_STYLE[c.status]}`}>
                {c.status}
              </span>
              <span className="ml-auto flex gap-2">
                {c.status === "planning" && (
                  <button
                    type="button"
                    className={ui.secondary}
                    onClick={() => open.mutate({ cycleId: c.id, version: c.version })}
                  >
                    Open {c.name}
                  </button>
                )}
                {c.status === "open" &&
                  (confirmClose === c.id ? (
                    <>
                      <button
                        type="button"
                        className={ui.danger}
                        onClick={() => close.mutate({ cycleId: c.id, version: c.version })}
                      >
                        Confirm closing {c.name}
                      </button>
                      <button type="button" className={ui.secondary} onClick={() => setConfirmClose(null)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <button type="button" className={ui.danger} onClick={() => setConfirmClose(c.id)}>
                      Close {c.name}
                    </button>
                  ))}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-xs text-slate-500">
          Closing a cycle freezes its objectives; their owners then grade them, and unfinished ones can be carried over
          from their objective page.
        </p>
      </section>
    </div>
  );
}

function CreateCycleForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TCycleCreate>({
    resolver: zodResolver(ZCycleCreateSchema),
    defaultValues: { name: "", startsOn: "", endsOn: "" },
  });
  const create = useMutation(trpc.cycles.create.mutationOptions());
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await create.mutateAsync(values);
      reset();
      await queryClient.invalidateQueries(trpc.cycles.pathFilter());
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New cycle" className="grid gap-4 sm:grid-cols-[1fr_1fr_1fr_auto]">
      <Field label="Name" error={errors.name?.message}>
        {(id) => <input id={id} placeholder="Q1 2027" className={ui.input} {...register("name")} />}
      </Field>
      <Field label="Starts on" error={errors.startsOn?.message}>
        {(id) => <input id={id} type="date" className={ui.input} {...register("startsOn")} />}
      </Field>
      <Field label="Ends on" error={errors.endsOn?.message}>
        {(id) => <input id={id} type="date" className={ui.input} {...register("endsOn")} />}
      </Field>
      <div className="flex items-end">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          Create cycle
        </button>
      </div>
      <div className="sm:col-span-4">
        <ErrorMessage>{failure}</ErrorMessage>
      </div>
    </form>
  );
}
