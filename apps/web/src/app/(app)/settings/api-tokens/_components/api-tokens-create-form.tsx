"use client";

import { API_SCOPE_INFO, API_SCOPES, ZApiTokenCreateFormSchema } from "@meridian/domain";
import Link from "next/link";
import { useId } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";

export interface CreatedToken {
  name: string;
  token: string;
}

/**
 * A new token: its name, the scopes it may use (none chosen up front: a token gets what its system
 * needs, on purpose) and an optional last day. The API's own schema checks it, the expiry rule included.
 */
export function ApiTokenCreateForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const trpc = useTRPC();
  const scopesId = useId();
  const form = useMutationForm({
    schema: ZApiTokenCreateFormSchema,
    defaultValues: { name: "", scopes: [], expiresOn: "" },
    mutation: trpc.apiTokens.create.mutationOptions(),
    invalidate: useInvalidate("apiTokens"),
    onSuccess: (created): void => {
      form.reset();
      onCreated({ name: created.name, token: created.token });
    },
  });
  const { register, onSubmit, pending, error } = form;
  const { errors } = form.formState;
  const scopesError = errors.scopes?.message ?? errors.scopes?.find?.((e) => e?.message)?.message;
  // The earliest last day, in UTC as the server counts it.
  const today = new Date().toISOString().slice(0, 10);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New API token" className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Token name" error={errors.name?.message} hint="Say which system will use it.">
          {(id) => <Input id={id} placeholder="Data warehouse" invalid={!!errors.name} {...register("name")} />}
        </Field>
        <Field
          label="Expires on (optional)"
          error={errors.expiresOn?.message}
          hint="The last day it works, until midnight UTC. Leave empty for a token that works until revoked."
        >
          {(id) => <Input id={id} type="date" min={today} invalid={!!errors.expiresOn} {...register("expiresOn")} />}
        </Field>
      </div>

      <fieldset aria-describedby={`${scopesId}-hint`}>
        <legend className="text-sm font-medium text-slate-700">Scopes</legend>
        <p id={`${scopesId}-hint`} className="mt-1 text-xs text-slate-500">
          What the token may do. It acts as you, so it never does more than your role allows.
        </p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {API_SCOPES.map((scope) => {
            const id = `${scopesId}-${scope}`;
            return (
              <div
                key={scope}
                className="flex items-start gap-2.5 rounded-md border border-slate-200 px-3 py-2.5 has-[:checked]:border-indigo-300 has-[:checked]:bg-indigo-50/50"
              >
                <input
                  id={id}
                  type="checkbox"
                  value={scope}
                  aria-describedby={`${id}-description`}
                  aria-invalid={!!scopesError}
                  className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300"
                  {...register("scopes")}
                />
                <div className="min-w-0">
                  <label htmlFor={id} className="text-sm font-medium text-slate-900">
                    {API_SCOPE_INFO[scope].label}{" "}
                    <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs font-normal text-slate-600">
                      {scope}
                    </code>
                  </label>
                  <p id={`${id}-description`} className="mt-0.5 text-xs text-slate-500">
                    {API_SCOPE_INFO[scope].description}
                  </p>
                </div>
              </div>
            );
          })}
        </div>
        {scopesError && <p className="mt-1 text-xs text-rose-600">{scopesError}</p>}
      </fieldset>

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" disabled={pending}>
          Create token
        </Button>
        <Link href="/developers/api" className="text-sm font-medium text-indigo-600 hover:underline">
          API reference: routes, scopes and rate limit
        </Link>
      </div>
      <Alert>{error}</Alert>
    </form>
  );
}
