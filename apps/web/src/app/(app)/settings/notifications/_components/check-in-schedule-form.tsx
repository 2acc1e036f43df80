"use client";

import { checkInScheduleUpdateInput } from "@meridian/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { Input } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map((label, i) => ({
  value: String(i + 1),
  label,
}));
const DELAYS = [1, 2, 3, 4, 5, 6].map((d) => ({
  value: String(d),
  label: d === 1 ? "1 day later" : `${d} days later`,
}));

type Schedule = { weekday: number; time: string; reminderAfterDays: number; version: number };

export function CheckInScheduleForm() {
  const trpc = useTRPC();
  const schedule = useQuery(trpc.notifications.checkInSchedule.queryOptions());
  if (!schedule.data) {
    return schedule.isError ? (
      <p role="alert" className="mt-3 text-sm text-rose-700">
        The schedule could not be loaded. Try again in a moment.
      </p>
    ) : (
      <p className="mt-3 text-sm text-slate-500">Loading…</p>
    );
  }
  return <ScheduleForm schedule={schedule.data} />;
}

function ScheduleForm({ schedule }: { schedule: Schedule }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useMutationForm({
    schema: checkInScheduleUpdateInput,
    defaultValues: schedule,
    mutation: trpc.notifications.setCheckInSchedule.mutationOptions(),
    onSuccess: (result) => {
      form.reset(result);
      setSaved(true);
      queryClient.setQueryData(trpc.notifications.checkInSchedule.queryKey(), result);
    },
    // Show what the other admin saved; the form now edits that version.
    conflictValues: (current: Schedule) => current,
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
      <Field label="Check-in day" error={errors.weekday?.message}>
        {(id) => <Select id={id} options={WEEKDAYS} {...register("weekday", { valueAsNumber: true })} />}
      </Field>
      <Field label="Time" hint="In each person's own time zone." error={errors.time?.message}>
        {(id) => <Input id={id} type="time" invalid={Boolean(errors.time)} {...register("time")} />}
      </Field>
      <Field label="Reminder, if the check-in is still missing" error={errors.reminderAfterDays?.message}>
        {(id) => <Select id={id} options={DELAYS} {...register("reminderAfterDays", { valueAsNumber: true })} />}
      </Field>
      <Alert>{error ?? conflict?.message}</Alert>
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          Schedule saved.
        </p>
      )}
      <SubmitButton pending={pending} disabled={pending || !isDirty}>
        Save schedule
      </SubmitButton>
    </form>
  );
}
