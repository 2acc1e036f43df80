"use client";

import { ZCycleCreateSchema } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmButton } from "~/components/settings/confirm-button";
import { GridFormEnd } from "~/components/settings/form-end";
import { SettingsSection } from "~/components/settings/settings-section";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";

const STATUS_TONE = { planning: "violet", open: "emerald", closed: "slate" } as const satisfies Record<
  string,
  BadgeTone
>;

export function CyclesAdmin() {
  const trpc = useTRPC();
  const { data: cycles = [] } = useQuery(trpc.cycles.list.queryOptions());
  const [confirmClose, setConfirmClose] = useState<string | null>(null);
  const { failure, callbacks } = useActionFeedback(["cycles", "objectives"], () => setConfirmClose(null));
  const open = useMutation(trpc.cycles.open.mutationOptions(callbacks));
  const close = useMutation(trpc.cycles.close.mutationOptions(callbacks));

  return (
    <div className="space-y-6">
      <SettingsSection title="New cycle">
        <div className="mt-4">
          <CreateCycleForm />
        </div>
      </SettingsSection>
      <SettingsSection title="Cycles">
        <div className="mt-3">
          <Alert>{failure}</Alert>
        </div>
        <ul className="mt-2 divide-y divide-slate-100">
          {cycles.map((c) => (
            <li key={c.id} aria-label={`Cycle ${c.name}`} className="flex flex-wrap items-center gap-3 py-3 text-sm">
              <span className="w-32 font-medium text-slate-900">{c.name}</span>
              <span className="text-slate-600">
                {c.startsOn} → {c.endsOn}
              </span>
              <Badge tone={STATUS_TONE[c.status]} className="capitalize">
                {c.status}
              </Badge>
              <span className="ml-auto flex gap-2">
                {c.status === "planning" && (
                  <Button variant="secondary" onClick={() => open.mutate({ cycleId: c.id, version: c.version })}>
                    Open {c.name}
                  </Button>
                )}
                {c.status === "open" && (
                  <ConfirmButton
                    label={`Close ${c.name}`}
                    confirmLabel={`Confirm closing ${c.name}`}
                    asking={confirmClose === c.id}
                    onAsk={(asking) => setConfirmClose(asking ? c.id : null)}
                    onConfirm={() => close.mutate({ cycleId: c.id, version: c.version })}
                  />
                )}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-xs text-slate-500">
          Closing a cycle freezes its objectives; their owners then grade them, and unfinished ones can be carried over
          from their objective page.
        </p>
      </SettingsSection>
    </div>
  );
}

function CreateCycleForm() {
  const trpc = useTRPC();
  const form = useMutationForm({
    schema: ZCycleCreateSchema,
    defaultValues: { name: "", startsOn: "", endsOn: "" },
    mutation: trpc.cycles.create.mutationOptions(),
    invalidate: useInvalidate("cycles"),
    onSuccess: (): void => form.reset(),
  });
  const { register, onSubmit, pending, error } = form;
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New cycle" className="grid gap-4 sm:grid-cols-[1fr_1fr_1fr_auto]">
      <Field label="Name" error={errors.name?.message}>
        {(id) => <Input id={id} placeholder="Q1 2027" {...register("name")} />}
      </Field>
      <Field label="Starts on" error={errors.startsOn?.message}>
        {(id) => <Input id={id} type="date" {...register("startsOn")} />}
      </Field>
      <Field label="Ends on" error={errors.endsOn?.message}>
        {(id) => <Input id={id} type="date" {...register("endsOn")} />}
      </Field>
      <GridFormEnd label="Create cycle" pending={pending} error={error} errorCell="sm:col-span-4" />
    </form>
  );
}
