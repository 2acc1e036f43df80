"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ROLE_LABELS, type Role, SIGN_IN_THROTTLED_ERROR, type TLogin, ZLoginSchema } from "@meridian/domain";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/form-actions";
import { TextField } from "~/components/ui/text-field";

interface DemoAccounts {
  /** Null unless demo mode lists demo accounts. */
  password: string | null;
  accounts: { email: string; name: string; role: Role }[];
}

export function LoginForm({ callbackUrl, demo }: { callbackUrl: string; demo: DemoAccounts }) {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<TLogin>({ resolver: zodResolver(ZLoginSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      // One message per kind of failure, the same whether or not the email has an account.
      setFailure(
        result?.error === SIGN_IN_THROTTLED_ERROR
          ? "Too many sign-in attempts. Wait 15 minutes, then try again."
          : "Email or password is incorrect.",
      );
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
        <TextField
          label="Email"
          error={errors.email?.message}
          type="email"
          autoComplete="username"
          {...register("email")}
        />
        <TextField
          label="Password"
          error={errors.password?.message}
          type="password"
          autoComplete="current-password"
          {...register("password")}
        />
        <Alert>{failure}</Alert>
        <SubmitButton pending={isSubmitting} pendingLabel="Signing in…" className="w-full py-2.5">
          Sign in
        </SubmitButton>
      </form>

      {demo.password !== null && demo.accounts.length > 0 && (
        <section aria-labelledby="demo-accounts" className="mt-8 border-t border-slate-100 pt-6">
          <h2 id="demo-accounts" className="text-sm font-medium text-slate-900">
            Demo accounts
          </h2>
          <p className="mt-1 text-xs text-slate-500">
            Every demo account uses the password{" "}
            <code className="rounded bg-slate-100 px-1 text-slate-700">{demo.password}</code>.
          </p>
          <ul className="mt-3 grid grid-cols-2 gap-2">
            {demo.accounts.map((account) => (
              <li key={account.email}>
                <button
                  type="button"
                  onClick={() => {
                    setValue("email", account.email, { shouldValidate: true });
                    setValue("password", demo.password ?? "", { shouldValidate: true });
                  }}
                  className="w-full rounded-lg border border-slate-200 px-3 py-2 text-left text-xs hover:border-indigo-300 hover:bg-indigo-50"
                >
                  {/* The name is the visible text with words around it: what a voice user reads, they can say. */}
                  <span className="sr-only">Use the </span>
                  <span className="block font-medium text-slate-900">{ROLE_LABELS[account.role]}</span>
                  <span className="sr-only"> demo account, </span>
                  <span className="block truncate text-slate-500">{account.email}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
