"use client";

import type { AppRouter } from "@meridian/api";
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationKind,
  notificationPreferencesInput,
} from "@meridian/domain";
import type { UseMutationOptions } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { SubmitButton } from "~/components/ui/form-actions";
import { ScrollBox } from "~/components/ui/scroll-box";
import { useMutationForm } from "~/components/ui/use-mutation-form";

type Outputs = inferRouterOutputs<AppRouter>;
/** The choices as the API answers them, a person's or the organization's. */
export type ChoiceTableData = Outputs["notifications"]["myPreferences"];
type Source = ChoiceTableData["kinds"][number]["channels"]["in_app"]["source"];
type Cell = ChoiceTableData["kinds"][number]["channels"]["in_app"];

type Choice = { kind: NotificationKind; channel: NotificationChannel; enabled: boolean };

const CHANNEL_LABELS: Record<NotificationChannel, string> = { in_app: "In the app", email: "Email" };

/** The names of where a value comes from, as the page shows them. */
const SOURCE_LABELS: Record<Source, string> = {
  mine: "Your choice",
  organization: "Organization default",
  default: "Default",
};

/**
 * A kind × channel table of checkboxes, each saying where its value comes
 * from, saved as one list. Only cells that differ from what they would
 * inherit are sent (the level below keeps the rest), so a person who sets a
 * cell back to the organization's default follows that default again.
 * `level` says whose choices these are: a person's ("mine") or the
 * organization's defaults ("organization").
 */
export function ChoiceForm<TError, TContext>({
  data,
  level,
  mutation,
  onSaved,
  submitLabel,
}: {
  data: ChoiceTableData;
  level: "mine" | "organization";
  mutation: UseMutationOptions<ChoiceTableData, TError, { choices: Choice[] }, TContext>;
  onSaved?: (saved: ChoiceTableData) => void;
  submitLabel: string;
}) {
  const [saved, setSaved] = useState(false);
  const inherited = useMemo(() => {
    const map = new Map<string, Cell>();
    for (const row of data.kinds) for (const c of NOTIFICATION_CHANNELS) map.set(`${row.kind}:${c}`, row.channels[c]);
    return map;
  }, [data]);
  // Sends only what differs from the level below: the shared schema, narrowed to this form's rule.
  const schema = useMemo(
    () =>
      notificationPreferencesInput.transform((input) => ({
        choices: input.choices.filter((c) => inherited.get(`${c.kind}:${c.channel}`)?.inherited !== c.enabled),
      })),
    [inherited],
  );
  const all: Choice[] = data.kinds.flatMap((row) =>
    NOTIFICATION_CHANNELS.map((channel) => ({ kind: row.kind, channel, enabled: row.channels[channel].enabled })),
  );
  const form = useMutationForm({
    schema,
    defaultValues: { choices: all },
    mutation,
    onSuccess: (result) => {
      const next = result.kinds.flatMap((row) =>
        NOTIFICATION_CHANNELS.map((channel) => ({ kind: row.kind, channel, enabled: row.channels[channel].enabled })),
      );
      form.reset({ choices: next });
      setSaved(true);
      onSaved?.(result);
    },
  });
  const { register, onSubmit, pending, error, watch } = form;
  const values = watch("choices");
  const { isDirty } = form.formState;

  const sourceOf = (index: number, channel: NotificationChannel, kind: NotificationKind) => {
    const cell = inherited.get(`${kind}:${channel}`);
    if (!cell) return "";
    const value = values?.[index]?.enabled ?? cell.enabled;
    // A value other than the one inherited is this level's own choice.
    return SOURCE_LABELS[value !== cell.inherited ? level : cell.inheritedFrom];
  };

  return (
    <form
      onSubmit={(event) => {
        setSaved(false);
        return onSubmit(event);
      }}
      noValidate
      className="space-y-4"
    >
      {!data.emailAvailable && (
        <Alert tone="info">
          Email is off: no SMTP server is configured, so notifications stay in the app. Email choices are kept for when
          it is.
        </Alert>
      )}
      <ScrollBox label="Notification choices">
        <table className="w-full min-w-[20rem] text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">
                Notification
              </th>
              {NOTIFICATION_CHANNELS.map((c) => (
                <th key={c} scope="col" className="w-24 px-2 py-2 font-medium sm:w-32">
                  {CHANNEL_LABELS[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.kinds.map((row, r) => (
              <tr key={row.kind}>
                <th scope="row" className="py-3 pr-3 align-top font-normal">
                  <span className="block font-medium text-slate-900">{row.label}</span>
                  <span className="mt-0.5 block text-xs text-slate-600">{row.description}</span>
                </th>
                {NOTIFICATION_CHANNELS.map((channel, c) => {
                  const index = r * NOTIFICATION_CHANNELS.length + c;
                  return (
                    <td key={channel} className="px-2 py-3 align-top">
                      <label className="flex flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-2">
                        <input
                          type="checkbox"
                          aria-label={`${row.label}: ${CHANNEL_LABELS[channel]}`}
                          className="h-4 w-4 rounded border-slate-300 text-indigo-600"
                          {...register(`choices.${index}.enabled`)}
                        />
                        <span className="text-xs text-slate-600">{sourceOf(index, channel, row.kind)}</span>
                      </label>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <Alert>{error}</Alert>
      {saved && (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      )}
      <SubmitButton pending={pending} disabled={pending || !isDirty}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
