"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ROLE_LABELS, ROLES, type TUserCreate, ZUserCreateSchema } from "@meridian/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";
import { TemporaryPassword } from "./temporary-password";

export function CreateUserForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string | null } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TUserCreate>({
    resolver: zodResolver(ZUserCreateSchema),
    defaultValues: { email: "", name: "", role: "member" },
  });
  const create = useMutation(trpc.users.create.mutationOptions());

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setCreated(null);
    try {
      const result = await create.mutateAsync(values);
      setCreated({ email: values.email, temporaryPassword: result.temporaryPassword });
      reset();
      await queryClient.invalidateQueries(trpc.users.pathFilter());
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
    }
  });

  return (
    <div>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label="Add a person"
        className="grid gap-4 sm:grid-cols-[1fr_1fr_10rem_auto]"
      >
        <Field label="Email" error={errors.email?.message}>
          {(id) => (
            <input
              id={id}
              type="email"
              className={ui.input}
              aria-invalid={Boolean(errors.email)}
              {...register("email")}
            />
          )}
        </Field>
        <Field label="Full name" error={errors.name?.message}>
          {(id) => <input id={id} className={ui.input} aria-invalid={Boolean(errors.name)} {...register("name")} />}
        </Field>
        <Field label="Role" error={errors.role?.message}>
          {(id) => (
            <select id={id} className={ui.select} {...register("role")}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex items-end">
          <button type="submit" disabled={isSubmitting} className={ui.primary}>
            {isSubmitting ? "Adding…" : "Add person"}
          </button>
        </div>
      </form>
      <div className="mt-3 space-y-3">
        <ErrorMessage>{failure}</ErrorMessage>
        {created &&
          (created.temporaryPassword ? (
            <TemporaryPassword email={created.email} password={created.temporaryPassword} />
          ) : (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              {created.email} already had a Meridian account and has joined this organization with their own password.
            </p>
          ))}
      </div>
    </div>
  );
}
