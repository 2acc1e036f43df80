"use client";

import { WEBHOOK_PAUSE_AFTER_DAYS, WEBHOOK_RETRY_SPAN_HOURS } from "@meridian/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { SettingsSection } from "~/components/settings/settings-section";
import { useTRPC } from "~/trpc/react";
import { type ShownSecret, WebhookCreateForm } from "./webhook-create-form";
import { WebhookEndpointCard } from "./webhook-endpoint-card";
import { WebhookSecret } from "./webhook-secret";

/** Settings → Webhooks: register an endpoint (its secret shown once), and the endpoints with their actions. */
export function WebhooksAdmin() {
  const trpc = useTRPC();
  const { data: endpoints = [] } = useQuery(trpc.webhooks.list.queryOptions());
  const [created, setCreated] = useState<ShownSecret | null>(null);

  return (
    <div className="space-y-6">
      <SettingsSection
        title="New webhook endpoint"
        description={
          <>
            Meridian POSTs the events you choose to this URL as they happen (a check-in, a status turning red, a review
            finalized), signed so the receiver can tell they came from here. A failed delivery is retried with a growing
            delay for about {WEBHOOK_RETRY_SPAN_HOURS} hours; an endpoint that fails every delivery for{" "}
            {WEBHOOK_PAUSE_AFTER_DAYS} days is paused and its admins are told. To read data on demand instead, see the{" "}
            <Link href="/developers/api" className="font-medium text-indigo-700 underline">
              API reference
            </Link>
            .
          </>
        }
      >
        <WebhookCreateForm onCreated={setCreated} />
        {created && (
          <div className="mt-4">
            <WebhookSecret {...created} onDone={() => setCreated(null)} />
          </div>
        )}
      </SettingsSection>

      <SettingsSection title={`Endpoints (${endpoints.length})`}>
        {endpoints.length === 0 ? (
          <p className="mt-3 text-sm text-slate-500">No endpoints yet.</p>
        ) : (
          <ul aria-label="Webhook endpoints" className="mt-3 space-y-3">
            {endpoints.map((endpoint) => (
              <WebhookEndpointCard key={endpoint.id} endpoint={endpoint} />
            ))}
          </ul>
        )}
      </SettingsSection>
    </div>
  );
}
