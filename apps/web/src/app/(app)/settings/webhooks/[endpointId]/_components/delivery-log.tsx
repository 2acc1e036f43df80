"use client";

import { WEBHOOK_LOG_RETENTION_DAYS } from "@meridian/domain";
import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { SettingsSection } from "~/components/settings/settings-section";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { formatDateTime } from "~/components/ui/format";
import { useTRPC } from "~/trpc/react";
import { DeliveryStateBadge } from "../../_components/delivery-state";
import { EndpointStatusBadge, eventLabel } from "../../_components/webhook-endpoint-card";
import { DeliveryDetail } from "./delivery-detail";

export const DELIVERY_PAGE_SIZE = 25;
/** While a delivery waits for its attempt, the log asks again this often, so its outcome shows without a reload. */
const PENDING_REFRESH_MS = 3_000;

/** One endpoint's deliveries, newest first, a page at a time; each opens to its attempts and can be resent. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const { data: endpoint } = useQuery(trpc.webhooks.get.queryOptions({ endpointId }));
  const log = useInfiniteQuery(
    trpc.webhooks.deliveries.infiniteQueryOptions(
      { endpointId, limit: DELIVERY_PAGE_SIZE },
      {
        getNextPageParam: (page) => page.nextCursor,
        refetchInterval: (query) =>
          query.state.data?.pages.some((p) => p.items.some((d) => d.state === "pending")) ? PENDING_REFRESH_MS : false,
      },
    ),
  );
  const [open, setOpen] = useState<string | null>(null);
  const [resent, setResent] = useState<string | null>(null);
  const { failure, callbacks } = useActionFeedback(["webhooks"]);
  const resend = useMutation(
    trpc.webhooks.resend.mutationOptions({
      ...callbacks,
      onMutate: () => setResent(null),
      onSuccess: async () => {
        setResent("Resent: a new delivery of the same event is on its way, at the top of the log.");
        await callbacks.onSuccess();
      },
    }),
  );
  const deliveries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const active = endpoint?.status === "active";

  return (
    <div className="space-y-4">
      <Link href="/settings/webhooks" className="text-sm font-medium text-indigo-700 hover:underline">
        ← All webhook endpoints
      </Link>
      <SettingsSection
        title="Deliveries"
        description={
          endpoint && (
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-slate-900 [overflow-wrap:anywhere]">{endpoint.url}</span>
              <EndpointStatusBadge status={endpoint.status} />
              {!active && endpoint.statusReason && <span className="text-amber-800">{endpoint.statusReason}</span>}
            </span>
          )
        }
      >
        <p className="mt-2 text-xs text-slate-500">
          Newest first. Finished deliveries are kept for {WEBHOOK_LOG_RETENTION_DAYS} days.
        </p>
        <div className="mt-3 space-y-2">
          <Alert>{failure ?? log.error?.message}</Alert>
          {resent && <Alert tone="success">{resent}</Alert>}
        </div>
        {deliveries.length === 0 && !log.isPending ? (
          <p className="mt-3 text-sm text-slate-500">
            No deliveries yet. Send a test event from the endpoint list to see one here.
          </p>
        ) : (
          // A list rather than a table: on a phone each delivery and its attempts fit the width, nothing scrolls sideways.
          <ol
            aria-label="Deliveries, newest first"
            className="mt-3 divide-y divide-slate-100 border-y border-slate-100"
          >
            {deliveries.map((d) => {
              const when = formatDateTime(d.lastAttemptAt ?? d.createdAt);
              const expanded = open === d.id;
              return (
                <li
                  key={d.id}
                  data-testid="delivery"
                  aria-label={`Delivery of ${d.eventType} at ${when}`}
                  className="py-3"
                >
                  <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <span className="font-medium text-slate-900">{eventLabel(d.eventType)}</span>
                        <code className="font-mono text-xs text-slate-500">{d.eventType}</code>
                        {d.resendOf && <Badge>Resent</Badge>}
                        <DeliveryStateBadge state={d.state} />
                      </p>
                      <p className="mt-0.5 text-xs text-slate-600">{when}</p>
                    </div>
                    <span className="flex shrink-0 gap-1.5">
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-expanded={expanded}
                        aria-controls={expanded ? `delivery-${d.id}` : undefined}
                        aria-label={`Details of the ${d.eventType} delivery at ${when}`}
                        onClick={() => setOpen(expanded ? null : d.id)}
                      >
                        Details
                      </Button>
                      <Button
                        variant="secondary"
                        size="sm"
                        disabled={!active || resend.isPending}
                        title={active ? undefined : "Turn the endpoint back on first."}
                        aria-label={`Resend the ${d.eventType} delivery at ${when}`}
                        onClick={() => resend.mutate({ deliveryId: d.id })}
                      >
                        Resend
                      </Button>
                    </span>
                  </div>
                  <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs sm:flex sm:flex-wrap sm:gap-x-6">
                    <div className="contents sm:flex sm:gap-1.5">
                      <dt className="text-slate-500">Attempts</dt>
                      <dd className="tabular-nums text-slate-900">{d.attempts}</dd>
                    </div>
                    <div className="contents sm:flex sm:gap-1.5">
                      <dt className="text-slate-500">Last response</dt>
                      <dd className="font-mono tabular-nums text-slate-900" data-testid="delivery-status-code">
                        {d.lastStatusCode ?? "—"}
                      </dd>
                    </div>
                    {d.state === "pending" && d.nextAttemptAt && (
                      <div className="contents sm:flex sm:gap-1.5">
                        <dt className="text-slate-500">Next attempt</dt>
                        <dd className="text-slate-900">{formatDateTime(d.nextAttemptAt)}</dd>
                      </div>
                    )}
                    {d.lastError && (
                      <div className="contents sm:flex sm:gap-1.5">
                        <dt className="text-slate-500">Error</dt>
                        <dd className="text-rose-700 [overflow-wrap:anywhere]">{d.lastError}</dd>
                      </div>
                    )}
                  </dl>
                  {expanded && (
                    <div id={`delivery-${d.id}`} className="mt-3 rounded-lg bg-slate-50 p-3">
                      <DeliveryDetail deliveryId={d.id} />
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {log.hasNextPage && (
          <div className="mt-4 text-center">
            <Button variant="secondary" disabled={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
              {log.isFetchingNextPage ? "Loading…" : "Show older deliveries"}
            </Button>
          </div>
        )}
      </SettingsSection>
    </div>
  );
}
