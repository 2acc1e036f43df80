"use client";

import { ZWebhookEndpointCreateSchema } from "@meridian/domain";
import { FormActions } from "~/components/ui/form-actions";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { WebhookFields } from "./webhook-fields";

export interface ShownSecret {
  url: string;
  secret: string;
  rotated: boolean;
}

/** Registers an endpoint with the API's own schema; the answer carries its secret, handed up to be shown once. */
export function WebhookCreateForm({ onCreated }: { onCreated: (shown: ShownSecret) => void }) {
  const trpc = useTRPC();
  const form = useMutationForm({
    schema: ZWebhookEndpointCreateSchema,
    defaultValues: { url: "", target: "standard", description: "", events: [] },
    mutation: trpc.webhooks.create.mutationOptions(),
    invalidate: useInvalidate("webhooks"),
    onSuccess: (created): void => {
      form.reset();
      onCreated({ url: created.url, secret: created.secret, rotated: false });
    },
  });
  const { register, onSubmit, pending, error, errors } = form;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New webhook endpoint" className="mt-4 space-y-4">
      <WebhookFields register={register} errors={errors} idPrefix="new-webhook" />
      <FormActions submitLabel="Add endpoint" pendingLabel="Adding…" pending={pending} error={error} />
    </form>
  );
}
