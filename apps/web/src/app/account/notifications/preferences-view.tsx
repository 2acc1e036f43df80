"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ChoiceForm } from "~/components/notifications/choice-form";
import { PageHeader } from "~/components/ui/field";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

/** What the signed-in person is told about, per kind and channel, and where each choice comes from. */
export function PreferencesView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notifications.myPreferences.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader kicker="Account" title="Notification preferences" />
      <p className="text-sm text-slate-600">
        Choose what you hear about, in the app and by email. Where you have not chosen, the organization&apos;s default
        applies. Your notifications are in the{" "}
        <Link href="/notifications" className="font-medium text-indigo-700 hover:underline">
          notification centre
        </Link>
        .
      </p>
      <section aria-label="Notification choices" className={ui.card}>
        {prefs.data ? (
          <ChoiceForm
            data={prefs.data}
            level="mine"
            submitLabel="Save preferences"
            mutation={trpc.notifications.setMyPreferences.mutationOptions()}
            onSaved={(saved) => queryClient.setQueryData(trpc.notifications.myPreferences.queryKey(), saved)}
          />
        ) : prefs.isError ? (
          <p role="alert" className="text-sm text-rose-700">
            Your preferences could not be loaded. Try again in a moment.
          </p>
        ) : (
          <p className="text-sm text-slate-500">Loading…</p>
        )}
      </section>
    </div>
  );
}
