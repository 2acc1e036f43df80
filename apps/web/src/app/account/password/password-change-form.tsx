"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { PASSWORD_MIN_LENGTH, type TPasswordChange, ZPasswordChangeSchema } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorMessage, Field } from "~/components/ui/field";
import { applyServerErrors } from "~/components/ui/server-errors";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

export function PasswordChangeForm({ email }: { email: string }) {
  const trpc = useTRPC();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TPasswordChange>({
    resolver: zodResolver(ZPasswordChangeSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const change = useMutation(trpc.account.changePassword.mutationOptions());

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await change.mutateAsync(values);
    } catch (error) {
      setFailure(applyServerErrors(error, setError));
      return;
    }
    // The change ended every session, this one too: sign in again with the new password.
    const result = await signIn("credentials", { email, password: values.newPassword, redirect: false });
    window.location.assign(result?.ok ? "/" : "/login");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      <Field label="Current password" error={errors.currentPassword?.message}>
        {(id) => (
          <input
            id={id}
            type="password"
            autoComplete="current-password"
            aria-invalid={Boolean(errors.currentPassword)}
            className={ui.input}
            {...register("currentPassword")}
          />
        )}
      </Field>
      <Field
        label="New password"
        error={errors.newPassword?.message}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, not a common password.`}
      >
        {(id) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            aria-invalid={Boolean(errors.newPassword)}
            className={ui.input}
            {...register("newPassword")}
          />
        )}
      </Field>
      <Field label="Confirm new password" error={errors.confirmPassword?.message}>
        {(id) => (
          <input
            id={id}
            type="password"
            autoComplete="new-password"
            aria-invalid={Boolean(errors.confirmPassword)}
            className={ui.input}
            {...register("confirmPassword")}
          />
        )}
      </Field>
      <ErrorMessage>{failure}</ErrorMessage>
      <button type="submit" disabled={isSubmitting} className={`${ui.primary} w-full`}>
        {isSubmitting ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
