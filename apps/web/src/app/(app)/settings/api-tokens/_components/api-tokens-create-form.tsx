"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type TApiTokenCreate, ZApiTokenCreateSchema } from "@meridian/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

export interface CreatedToken {
  name: string;
  token: string;
}

export function ApiTokenCreateForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TApiTokenCreate>({ resolver: zodResolver(ZApiTokenCreateSchema), defaultValues: { name: "" } });
  const create = useMutation(trpc.apiTokens.create.mutationOptions());
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const created = await create.mutateAsync(values);
      reset();
      onCreated({ name: created.name, token: created.token });
      await queryClient.invalidateQueries(trpc.apiTokens.pathFilter());
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New API token" className="grid gap-4 sm:grid-cols-[1fr_auto]">
      <Field label="Token name" error={errors.name?.message} hint="Say which system will use it.">
        {(id) => <input id={id} placeholder="Data warehouse" className={ui.input} {...register("name")} />}
      </Field>
      <div className="flex items-start sm:pt-6">
        <button type="submit" disabled={isSubmitting} className={ui.primary}>
          Create token
        </button>
      </div>
      <div className="sm:col-span-2">
        <ErrorMessage>{failure}</ErrorMessage>
      </div>
    </form>
  );
}
