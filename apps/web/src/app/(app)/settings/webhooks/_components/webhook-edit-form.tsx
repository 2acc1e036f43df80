"use client";

import {
  WEBHOOK_EVENT_INFO,
  type WebhookEvent,
  type WebhookTarget,
  ZWebhookEndpointUpdateSchema,
} from "@meridian/domain";
import type { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { FormActions } from "~/components/ui/form-actions";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useMutationForm } from "~/components/ui/use-mutation-form";
import { useTRPC } from "~/trpc/react";
import { TARGET_LABELS, WebhookFields } from "./webhook-fields";

/** An endpoint as the list and an edit conflict carry it. */
export interface EditableEndpoint {
  id: string;
  version: number;
  url: string;
  target: string;
  description: string;
  events: string[];
  status: string;
}

type EditInput = z.input<typeof ZWebhookEndpointUpdateSchema>;

const formValues = (e: EditableEndpoint): EditInput => ({
  endpointId: e.id,
  version: e.version,
  url: e.url,
  target: e.target as WebhookTarget,
  description: e.description,
  events: e.events as WebhookEvent[],
  enabled: e.status === "active",
});

/**
 * Changes an endpoint with the version it read. Someone else's save in between keeps what was typed
 * here (a draft) and shows what they saved; saving again replaces it.
 */
export function WebhookEditForm({ endpoint, onDone }: { endpoint: EditableEndpoint; onDone: () => void }) {
  const trpc = useTRPC();
  const { register, onSubmit, pending, error, conflict, errors } = useMutationForm({
    schema: ZWebhookEndpointUpdateSchema,
    defaultValues: formValues(endpoint),
    mutation: trpc.webhooks.update.mutationOptions(),
    invalidate: useInvalidate("webhooks"),
    onSuccess: onDone,
    conflictValues: formValues,
    draft: { record: `webhook-endpoint:${endpoint.id}`, what: "Webhook endpoint" },
  });
  const off = endpoint.status !== "active";
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Edit ${endpoint.url}`}
      className="mt-3 space-y-4 rounded-xl border border-indigo-100 bg-indigo-50/40 p-4"
    >
      <input type="hidden" {...register("endpointId")} />
      <input type="hidden" {...register("version", { valueAsNumber: true })} />
      {conflict && (
        <Alert tone="warning" as="div">
          <p className="font-medium">{conflict.message || "Someone else changed this endpoint after you opened it."}</p>
          <p className="mt-1">
            Your changes are still in the form. What they saved is below; saving again replaces it.
          </p>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_minmax(0,1fr)]">
            <dt className="text-amber-800">URL</dt>
            <dd className="font-medium [overflow-wrap:anywhere]">{conflict.current.url}</dd>
            <dt className="text-amber-800">Description</dt>
            <dd>{conflict.current.description || "—"}</dd>
            <dt className="text-amber-800">Sends to</dt>
            <dd>{TARGET_LABELS[conflict.current.target as WebhookTarget] ?? conflict.current.target}</dd>
            <dt className="text-amber-800">Events</dt>
            <dd>{conflict.current.events.map((e) => WEBHOOK_EVENT_INFO[e as WebhookEvent]?.label ?? e).join(", ")}</dd>
            <dt className="text-amber-800">Status</dt>
            <dd className="capitalize">{conflict.current.status}</dd>
          </dl>
        </Alert>
      )}
      <WebhookFields register={register} errors={errors} idPrefix={`edit-${endpoint.id}`} />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-indigo-600"
          {...register("enabled")}
        />
        <span>
          <span className="font-medium text-slate-900">Send deliveries to this endpoint</span>
          <span className="block text-xs text-slate-600">
            {off
              ? "It is off now: tick this to turn it back on, with its failures forgotten."
              : "Untick to stop deliveries; those waiting are skipped."}
          </span>
        </span>
      </label>
      <FormActions submitLabel="Save endpoint" pending={pending} onCancel={onDone} error={error} />
    </form>
  );
}
