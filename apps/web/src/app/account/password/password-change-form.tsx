"use client";

import { PASSWORD_MIN_LENGTH, ZPasswordChangeSchema } from "@meridian/domain";
import { signIn } from "next-auth/react";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/form-actions";
import { TextField } from "~/components/ui/text-field";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";

export function PasswordChangeForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const { register, onSubmit, pending, error, errors } = useMutationForm({
    schema: ZPasswordChangeSchema,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    mutation: trpc.account.changePassword.mutationOptions(),
    onSuccess: async (_, values) => {
      // The change ended every session, this one too: sign in again with the new password.
      const result = await signIn("credentials", { email, password: values.newPassword, redirect: false });
      window.location.assign(result?.ok ? "/" : "/login");
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <TextField
        label="Current password"
        error={errors.currentPassword?.message}
        type="password"
        autoComplete="current-password"
        {...register("currentPassword")}
      />
      <TextField
        label="New password"
        error={errors.newPassword?.message}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password.`}
        type="password"
        autoComplete="new-password"
        {...register("newPassword")}
      />
      <TextField
        label="Confirm new password"
        error={errors.confirmPassword?.message}
        type="password"
        autoComplete="new-password"
        {...register("confirmPassword")}
      />
      <Alert>{error}</Alert>
      <SubmitButton pending={pending} className="w-full">
        Change password
      </SubmitButton>
    </form>
  );
}
