"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type TOrganizationSettings, ZOrganizationSettingsSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors, conflictCurrent } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2026, i, 1))),
);

export function OrganizationSettingsForm({ settings }: { settings: TOrganizationSettings }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<TOrganizationSettings>({
    resolver: zodResolver(ZOrganizationSettingsSchema),
    defaultValues: {
      version: settings.version,
      name: settings.name,
      fiscalYearStartMonth: settings.fiscalYearStartMonth,
      defaultCycleMonths: settings.defaultCycleMonths,
    },
  });
  const update = useMutation(trpc.organizations.updateSettings.mutationOptions());

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      const saved = await update.mutateAsync(values);
      reset(saved);
      setMessage({ kind: "ok", text: "Settings saved." });
      router.refresh();
    } catch (error) {
      const current = conflictCurrent(error);
      if (current) {
        // Show what the other person saved; the form now edits that version.
        reset(current as TOrganizationSettings);
      }
      const text = applyServerErrors(error, setError);
      if (text) setMessage({ kind: "error", text });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      <Field label="Organization name" error={errors.name?.message}>
        {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.name)} {...register("name")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Fiscal year starts in" error={errors.fiscalYearStartMonth?.message}>
          {(id) => (
            <select id={id} className={ui.select} {...register("fiscalYearStartMonth", { valueAsNumber: true })}>
              {MONTHS.map((month, i) => (
                <option key={month} value={i + 1}>
                  {month}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Default cycle length (months)" error={errors.defaultCycleMonths?.message}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              max={12}
              className={ui.input}
              aria-invalid={Boolean(errors.defaultCycleMonths)}
              {...register("defaultCycleMonths", { valueAsNumber: true })}
            />
          )}
        </Field>
      </div>
      {message?.kind === "error" && <ErrorMessage>{message.text}</ErrorMessage>}
      {message?.kind === "ok" && (
        <p role="status" className="text-sm text-emerald-700">
          {message.text}
        </p>
      )}
      <button type="submit" disabled={isSubmitting || !isDirty} className={ui.primary}>
        {isSubmitting ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
