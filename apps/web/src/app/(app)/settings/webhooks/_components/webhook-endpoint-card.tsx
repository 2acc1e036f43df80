"use client";

import { WEBHOOK_EVENT_INFO, type WebhookEvent, type WebhookTarget } from "@meridian/domain";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { ConfirmAction } from "~/components/ui/confirm-action";
import { formatDateTime } from "~/components/ui/format";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { DeliveryStateBadge } from "./delivery-state";
import type { ShownSecret } from "./webhook-create-form";
import { WebhookEditForm } from "./webhook-edit-form";
import { TARGET_LABELS } from "./webhook-fields";
import { WebhookSecret } from "./webhook-secret";

type Endpoint = RouterOutputs["webhooks"]["list"][number];
type TestResult = RouterOutputs["webhooks"]["sendTest"];

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "emerald" },
  paused: { label: "Paused", tone: "amber" },
  disabled: { label: "Disabled", tone: "rose" },
};

export function EndpointStatusBadge({ status }: { status: string }) {
  const shown = STATUS[status] ?? { label: status, tone: "slate" as const };
  return <Badge tone={shown.tone}>{shown.label}</Badge>;
}

/** An event's name in words; the test event (sent by hand, in no catalog) is "Test event". */
export const eventLabel = (event: string) =>
  event === "webhook.test" ? "Test event" : (WEBHOOK_EVENT_INFO[event as WebhookEvent]?.label ?? event);

/** What the receiver said to a test event, in a sentence. */
function testOutcome(result: TestResult): { tone: "success" | "error" | "info"; text: string } {
  const a = result.attempt;
  if (!a) return { tone: "info", text: "The test event is queued: it goes out shortly. See the delivery log." };
  if (a.succeeded) {
    return {
      tone: "success",
      text: `Test event delivered: the receiver answered ${a.statusCode} in ${a.durationMs} ms.`,
    };
  }
  const said = a.statusCode ? `answered ${a.statusCode}` : "did not answer";
  return {
    tone: "error",
    text: `Test event not delivered: the receiver ${said}${a.error ? ` (${a.error})` : ""}. It will be retried.`,
  };
}

/** One endpoint: where it sends, what, its state and last delivery, and what an admin can do with it. */
export function WebhookEndpointCard({ endpoint }: { endpoint: Endpoint }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [test, setTest] = useState<TestResult | null>(null);
  const { failure, callbacks } = useActionFeedback(["webhooks"]);
  const remove = useMutation(trpc.webhooks.remove.mutationOptions(callbacks));
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      ...callbacks,
      onSuccess: async (rotated) => {
        setSecret({ url: endpoint.url, secret: rotated.secret, rotated: true });
        await callbacks.onSuccess();
      },
    }),
  );
  const sendTest = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      ...callbacks,
      onMutate: () => setTest(null),
      onSuccess: async (result) => {
        setTest(result);
        await callbacks.onSuccess();
      },
    }),
  );
  const outcome = test ? testOutcome(test) : null;
  const active = endpoint.status === "active";
  const name = endpoint.url;

  return (
    <li aria-label={`Endpoint ${name}`} className="rounded-xl border border-slate-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-mono text-sm font-semibold text-slate-900 [overflow-wrap:anywhere]">{endpoint.url}</p>
          {endpoint.description && <p className="mt-0.5 text-sm text-slate-600">{endpoint.description}</p>}
        </div>
        <div className="flex flex-wrap gap-1.5">
          <Badge tone="indigo">{TARGET_LABELS[endpoint.target as WebhookTarget] ?? endpoint.target}</Badge>
          <EndpointStatusBadge status={endpoint.status} />
        </div>
      </div>
      {!active && endpoint.statusReason && (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {STATUS[endpoint.status]?.label ?? endpoint.status}: {endpoint.statusReason} Edit it and tick “Send
          deliveries” to turn it back on.
        </p>
      )}
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
        <dt className="text-slate-500">Events</dt>
        <dd className="text-slate-800">{endpoint.events.map(eventLabel).join(", ")}</dd>
        <dt className="text-slate-500">Last delivery</dt>
        <dd className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-800">
          {endpoint.lastDeliveryState && endpoint.lastDeliveryAt ? (
            <>
              <DeliveryStateBadge state={endpoint.lastDeliveryState} />
              <span>{formatDateTime(endpoint.lastDeliveryAt)}</span>
              {endpoint.lastStatusCode !== null && (
                <span className="text-slate-600">· answered {endpoint.lastStatusCode}</span>
              )}
            </>
          ) : (
            <span className="text-slate-500">None yet</span>
          )}
        </dd>
        <dt className="text-slate-500">Deliveries</dt>
        <dd className="text-slate-800">
          {endpoint.succeeded} succeeded · {endpoint.failed} failed · {endpoint.pending} waiting
        </dd>
      </dl>

      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Link
          href={`/settings/webhooks/${endpoint.id}`}
          className={buttonClass("secondary", "sm")}
          aria-label={`Delivery log of ${name}`}
        >
          Delivery log
        </Link>
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={editing}
          aria-label={`Edit ${name}`}
          onClick={() => setEditing(!editing)}
        >
          Edit
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={!active || sendTest.isPending}
          aria-label={`Send test event to ${name}`}
          title={active ? undefined : "Turn the endpoint back on first."}
          onClick={() => sendTest.mutate({ endpointId: endpoint.id })}
        >
          {sendTest.isPending ? "Sending…" : "Send test event"}
        </Button>
        <ConfirmAction
          size="sm"
          label="Rotate secret"
          ariaLabel={`Rotate secret of ${name}`}
          question="The old secret stops at once."
          confirmLabel="Confirm rotate"
          confirmAriaLabel={`Confirm rotating the secret of ${name}`}
          pending={rotate.isPending}
          onConfirm={() => rotate.mutate({ endpointId: endpoint.id })}
        />
        <ConfirmAction
          size="sm"
          label="Remove"
          ariaLabel={`Remove ${name}`}
          question="Its delivery log goes too."
          confirmLabel="Confirm remove"
          confirmAriaLabel={`Confirm removing ${name}`}
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ endpointId: endpoint.id })}
        />
      </div>
      <div className="mt-2 space-y-2">
        <Alert>{failure}</Alert>
        {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
      </div>
      {secret && (
        <div className="mt-3">
          <WebhookSecret {...secret} onDone={() => setSecret(null)} />
        </div>
      )}
      {editing && <WebhookEditForm endpoint={endpoint} onDone={() => setEditing(false)} />}
    </li>
  );
}
