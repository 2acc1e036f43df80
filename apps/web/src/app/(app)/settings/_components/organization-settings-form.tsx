"use client";

import { type TOrganizationSettings, ZOrganizationSettingsSchema } from "@meridian/domain";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { Input } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, i, 1))),
}));

export function OrganizationSettingsForm({ settings }: { settings: TOrganizationSettings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useMutationForm({
    schema: ZOrganizationSettingsSchema,
    defaultValues: {
      version: settings.version,
      name: settings.name,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      defaultCycleMonths: settings.defaultCycleMonths,
    },
    mutation: trpc.organizations.updateSettings.mutationOptions(),
    onSuccess: (result): void => {
      form.reset(result);
      setSaved(true);
      router.refresh();
    },
    // Show what the other person saved; the form now edits that version.
    conflictValues: (current: TOrganizationSettings) => current,
  });
  const { register, onSubmit, pending, error, conflict } = form;
  const { errors, isDirty } = form.formState;

  return (
    <form
      onSubmit={(event) => {
        setSaved(false);
        return onSubmit(event);
      }}
      noValidate
      className="mt-4 space-y-4"
    >
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      <Field label="Organization name" error={errors.name?.message}>
        {(id) => <Input id={id} invalid={Boolean(errors.name)} {...register("name")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Fiscal year starts in" error={errors.fiscalYearStartMonth?.message}>
          {(id) => <Select id={id} options={MONTHS} {...register("fiscalYearStartMonth", { valueAsNumber: true })} />}
        </Field>
        <Field label="Default cycle length (months)" error={errors.defaultCycleMonths?.message}>
          {(id) => (
            <Input
              id={id}
              type="number"
              min={1}
              max={12}
              invalid={Boolean(errors.defaultCycleMonths)}
              {...register("defaultCycleMonths", { valueAsNumber: true })}
            />
          )}
        </Field>
      </div>
      <Alert>{error ?? conflict?.message}</Alert>
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          Settings saved.
        </p>
      )}
      <SubmitButton pending={pending} disabled={pending || !isDirty}>
        Save settings
      </SubmitButton>
    </form>
  );
}
