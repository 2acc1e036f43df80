"use client";

import { ROLE_LABELS, ROLES, ZUserCreateSchema } from "@meridian/domain";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Field } from "~/components/ui/field";
import { SubmitButton } from "~/components/ui/form-actions";
import { Input } from "~/components/ui/input";
import { Select } from "~/components/ui/select";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { TemporaryPassword } from "./temporary-password";

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function CreateUserForm() {
  const trpc = useTRPC();
  const [created, setCreated] = useState<{ email: string; temporaryPassword: string } | null>(null);
  const form = useMutationForm({
    schema: ZUserCreateSchema,
    defaultValues: { email: "", name: "", role: "member" },
    mutation: trpc.users.create.mutationOptions(),
    invalidate: useInvalidate("users"),
    onSuccess: (result, values): void => {
      setCreated({ email: values.email, temporaryPassword: result.temporaryPassword });
      form.reset();
    },
  });
  const { register, onSubmit, pending, error } = form;
  const { errors } = form.formState;

  return (
    <div>
      <form
        onSubmit={(event) => {
          setCreated(null);
          return onSubmit(event);
        }}
        noValidate
        aria-label="Add a person"
        className="grid gap-4 sm:grid-cols-[1fr_1fr_10rem_auto]"
      >
        <Field label="Email" error={errors.email?.message}>
          {(id) => <Input id={id} type="email" invalid={Boolean(errors.email)} {...register("email")} />}
        </Field>
        <Field label="Full name" error={errors.name?.message}>
          {(id) => <Input id={id} invalid={Boolean(errors.name)} {...register("name")} />}
        </Field>
        <Field label="Role" error={errors.role?.message}>
          {(id) => <Select id={id} options={ROLE_OPTIONS} {...register("role")} />}
        </Field>
        <div className="flex items-end">
          <SubmitButton pending={pending} pendingLabel="Adding…">
            Add person
          </SubmitButton>
        </div>
      </form>
      <div className="mt-3 space-y-3">
        <Alert>{error}</Alert>
        {created && <TemporaryPassword email={created.email} password={created.temporaryPassword} />}
      </div>
    </div>
  );
}
