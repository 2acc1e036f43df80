"use client";

import { ZProfileUpdateSchema } from "@meridian/domain";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/form-actions";
import { TextField } from "~/components/ui/text-field";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { TimeZoneField } from "./time-zone-field";

interface Profile {
  name: string;
  email: string;
  timeZone: string;
  version: number;
}

const formValues = (p: Profile): z.input<typeof ZProfileUpdateSchema> => ({
  name: p.name,
  timeZone: p.timeZone,
  version: p.version,
});

export function ProfileForm({ profile }: { profile: Profile }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { register, onSubmit, pending, error, errors, conflict, watch, setValue, reset } = useMutationForm({
    schema: ZProfileUpdateSchema,
    defaultValues: formValues(profile),
    mutation: trpc.account.updateProfile.mutationOptions(),
    invalidate: useInvalidate("account", "me"),
    conflictValues: (current: Profile) => formValues(current),
    draft: { record: "profile", what: "Profile" },
    onSuccess: (updated) => {
      reset(formValues(updated));
      setSaved(true);
      // The header's name comes from the server: read the page again.
      router.refresh();
    },
  });

  return (
    <form
      onSubmit={onSubmit}
      onChange={() => setSaved(false)}
      noValidate
      aria-label="Profile"
      className="mt-4 space-y-4"
    >
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      {conflict && (
        <Alert tone="warning" as="div">
          <p className="font-medium">{conflict.message || "Your profile was changed elsewhere after you opened it."}</p>
          <p className="mt-1">Your changes are still in the form. What was saved is below; saving again replaces it.</p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
            <dt className="text-amber-800">Name</dt>
            <dd className="font-medium">{conflict.current.name}</dd>
            <dt className="text-amber-800">Time zone</dt>
            <dd>{conflict.current.timeZone}</dd>
          </dl>
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" autoComplete="name" error={errors.name?.message} {...register("name")} />
        <TextField
          label="Email"
          value={profile.email}
          readOnly
          disabled
          inputClassName="bg-slate-50 text-slate-600"
          hint="Ask an administrator to change it."
        />
      </div>
      <TimeZoneField
        registration={register("timeZone")}
        value={watch("timeZone")}
        error={errors.timeZone?.message}
        onSuggest={(zone) => {
          setValue("timeZone", zone, { shouldDirty: true, shouldValidate: true });
          setSaved(false);
        }}
      />
      <Alert>{error}</Alert>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending}>Save profile</SubmitButton>
        {saved && (
          <Alert tone="success" className="py-1">
            Profile saved.
          </Alert>
        )}
      </div>
    </form>
  );
}
