"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type TExperimentCreate, type TExperimentCreateInput, ZExperimentCreateSchema } from "@meridian/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, PageHeader } from "~/components/ui/field";
import { Input, Textarea } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { TextField } from "~/components/ui/text-field";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";

const optionalNumber = { setValueAs: (v: string) => (v === "" ? null : Number(v)) };
const optionalDate = { setValueAs: (v: string) => (v === "" ? null : v) };

/** A new experiment: its plan (the effect worth detecting, significance and power), control and treatments. */
export function NewExperimentForm({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate("experiments");
  const { data: teams = [] } = useQuery(trpc.teams.list.queryOptions());
  const create = useMutation(trpc.experiments.create.mutationOptions());
  const [message, setMessage] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TExperimentCreateInput, unknown, TExperimentCreate>({
    resolver: zodResolver(ZExperimentCreateSchema),
    defaultValues: {
      name: "",
      hypothesis: "",
      ownerId: userId,
      teamId: "",
      startDate: null,
      endDate: null,
      minimumDetectableEffect: 10,
      alpha: 5,
      power: 80,
      baselineRate: null,
      primaryMetric: "Conversion",
      variants: [
        { name: "Control", weight: 50 },
        { name: "Treatment B", weight: 50 },
      ],
    },
  });
  const variants = useFieldArray({ control, name: "variants" });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      const created = await create.mutateAsync(values);
      await invalidate();
      router.push(`/experiments/${created.id}`);
    } catch (error) {
      setMessage(applyServerErrors(error, setError));
    }
  });

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader kicker="Experiments" title="New experiment">
        <Link href="/experiments" className="text-sm font-medium text-indigo-600 hover:underline">
          Back to experiments
        </Link>
      </PageHeader>
      <form onSubmit={onSubmit} noValidate className={`${ui.card} space-y-4`} aria-label="New experiment">
        <TextField label="Name" error={errors.name?.message} {...register("name")} />
        <Field label="Hypothesis" error={errors.hypothesis?.message}>
          {(id) => <Textarea id={id} rows={3} {...register("hypothesis")} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Team" error={errors.teamId?.message}>
            {(id) => (
              <Select id={id} {...register("teamId")} invalid={Boolean(errors.teamId)}>
                <option value="">Choose a team…</option>
                {teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <TextField label="Primary metric" error={errors.primaryMetric?.message} {...register("primaryMetric")} />
          <TextField
            label="Start date"
            type="date"
            error={errors.startDate?.message}
            {...register("startDate", optionalDate)}
          />
          <TextField
            label="End date"
            type="date"
            error={errors.endDate?.message}
            {...register("endDate", optionalDate)}
          />
        </div>
        <fieldset className="grid gap-4 sm:grid-cols-4">
          <legend className="mb-2 text-sm font-semibold text-slate-700">Plan</legend>
          <TextField
            label="Minimum effect (%)"
            type="number"
            step="0.01"
            hint="Relative uplift worth detecting"
            error={errors.minimumDetectableEffect?.message}
            {...register("minimumDetectableEffect", { valueAsNumber: true })}
          />
          <TextField
            label="Significance (%)"
            type="number"
            step="0.01"
            error={errors.alpha?.message}
            {...register("alpha", { valueAsNumber: true })}
          />
          <TextField
            label="Power (%)"
            type="number"
            step="0.01"
            error={errors.power?.message}
            {...register("power", { valueAsNumber: true })}
          />
          <TextField
            label="Baseline rate (%)"
            type="number"
            step="0.01"
            hint="Optional"
            error={errors.baselineRate?.message}
            {...register("baselineRate", optionalNumber)}
          />
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-semibold text-slate-700">
            Variants (the first is control) and planned split
          </legend>
          {variants.fields.map((field, i) => (
            <div key={field.id} className="flex flex-wrap items-end gap-2">
              <Field
                label={i === 0 ? "Control name" : `Treatment ${i} name`}
                error={errors.variants?.[i]?.name?.message}
                className="grow"
              >
                {(id) => <Input id={id} {...register(`variants.${i}.name`)} />}
              </Field>
              <Field label="Share" error={errors.variants?.[i]?.weight?.message} className="w-24">
                {(id) => <Input id={id} type="number" {...register(`variants.${i}.weight`, { valueAsNumber: true })} />}
              </Field>
              {i > 1 && (
                <Button variant="ghost" onClick={() => variants.remove(i)} aria-label={`Remove treatment ${i}`}>
                  Remove
                </Button>
              )}
            </div>
          ))}
          {errors.variants?.message && <p className="text-xs text-rose-600">{errors.variants.message}</p>}
          {variants.fields.length < 6 && (
            <Button
              variant="secondary"
              onClick={() =>
                variants.append({ name: `Treatment ${String.fromCharCode(65 + variants.fields.length)}`, weight: 50 })
              }
            >
              Add a treatment
            </Button>
          )}
        </fieldset>
        {message && <Alert>{message}</Alert>}
        <Button type="submit" disabled={isSubmitting}>
          Create experiment
        </Button>
      </form>
    </div>
  );
}
