"use client";

import { WEBHOOK_EVENT_INFO, WEBHOOK_EVENTS, WEBHOOK_TARGETS, type WebhookTarget } from "@meridian/domain";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { TextField } from "~/components/ui/text-field";

export const TARGET_LABELS: Record<WebhookTarget, string> = {
  standard: "Standard Webhooks (any receiver)",
  slack: "Slack incoming webhook",
};

/** The names the create and edit forms share. */
interface EndpointFields {
  url?: string;
  target?: WebhookTarget;
  description?: string;
  events?: string[];
}

/** URL, target, description and the events, as checkboxes from the catalog: both forms use them. */
export function WebhookFields<T extends EndpointFields>({
  register,
  errors,
  idPrefix,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<EndpointFields>;
  /** Keeps the checkboxes' ids apart when several forms are on the page. */
  idPrefix: string;
}) {
  // One register for the shared field names, typed once.
  const field = register as unknown as UseFormRegister<EndpointFields>;
  const eventsError = errors.events?.message ?? errors.events?.root?.message;
  return (
    <>
      <div className="grid gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <TextField
          label="URL"
          type="url"
          inputMode="url"
          placeholder="https://example.com/hooks/meridian"
          error={errors.url?.message}
          hint="Meridian POSTs each event here as JSON."
          {...field("url")}
        />
        <Field label="Sends to" error={errors.target?.message}>
          {(id) => (
            <Select
              id={id}
              options={WEBHOOK_TARGETS.map((t) => ({ value: t, label: TARGET_LABELS[t] }))}
              {...field("target")}
            />
          )}
        </Field>
      </div>
      <TextField
        label="Description"
        error={errors.description?.message}
        hint="Optional: what receives these events."
        {...field("description")}
      />
      <fieldset aria-describedby={eventsError ? `${idPrefix}-events-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label
              key={event}
              htmlFor={`${idPrefix}-${event}`}
              className="flex items-start gap-2 rounded-lg border border-slate-200 p-2.5 text-sm hover:bg-slate-50"
            >
              <input
                id={`${idPrefix}-${event}`}
                type="checkbox"
                value={event}
                className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-indigo-600"
                {...field("events")}
              />
              <span className="min-w-0">
                <span className="block font-medium text-slate-900">{WEBHOOK_EVENT_INFO[event].label}</span>
                <span className="block text-xs text-slate-600">
                  <code className="font-mono">{event}</code> · {WEBHOOK_EVENT_INFO[event].description}
                </span>
              </span>
            </label>
          ))}
        </div>
        {eventsError && (
          <p id={`${idPrefix}-events-error`} className="mt-1 text-xs text-rose-600">
            {eventsError}
          </p>
        )}
      </fieldset>
    </>
  );
}
