"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ChoiceForm } from "~/components/notifications/choice-form";
import { useTRPC } from "~/trpc/react";

/** The organization's default per kind and channel, over Meridian's own. */
export function OrganizationDefaults() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const defaults = useQuery(trpc.notifications.organizationDefaults.queryOptions());
  if (defaults.isError) {
    return (
      <p role="alert" className="mt-3 text-sm text-rose-700">
        The defaults could not be loaded. Try again in a moment.
      </p>
    );
  }
  if (!defaults.data) return <p className="mt-3 text-sm text-slate-500">Loading…</p>;
  return (
    <div className="mt-4">
      <ChoiceForm
        data={defaults.data}
        level="organization"
        submitLabel="Save defaults"
        mutation={trpc.notifications.setOrganizationDefaults.mutationOptions()}
        onSaved={async (saved) => {
          queryClient.setQueryData(trpc.notifications.organizationDefaults.queryKey(), saved);
          await queryClient.invalidateQueries(trpc.notifications.myPreferences.pathFilter());
        }}
      />
    </div>
  );
}
