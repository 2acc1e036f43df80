"use client";

import { ZApiTokenCreateSchema } from "@meridian/domain";
import { GridFormEnd } from "~/components/settings/form-end";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";

export interface CreatedToken {
  name: string;
  token: string;
}

export function ApiTokenCreateForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const trpc = useTRPC();
  const form = useMutationForm({
    schema: ZApiTokenCreateSchema,
    defaultValues: { name: "" },
    mutation: trpc.apiTokens.create.mutationOptions(),
    invalidate: useInvalidate("apiTokens"),
    onSuccess: (created): void => {
      form.reset();
      onCreated({ name: created.name, token: created.token });
    },
  });
  const { register, onSubmit, pending, error } = form;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New API token" className="grid gap-4 sm:grid-cols-[1fr_auto]">
      <Field label="Token name" error={form.formState.errors.name?.message} hint="Say which system will use it.">
        {(id) => <Input id={id} placeholder="Data warehouse" {...register("name")} />}
      </Field>
      <GridFormEnd
        label="Create token"
        pending={pending}
        error={error}
        buttonCell="flex items-start sm:pt-6"
        errorCell="sm:col-span-2"
      />
    </form>
  );
}
