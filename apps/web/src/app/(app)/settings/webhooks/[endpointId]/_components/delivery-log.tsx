"use client";

import { useInfiniteQuery, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useState } from "react";
import { SettingsSection } from "~/components/settings/settings-section";
import { useActionFeedback } from "~/components/settings/use-action-feedback";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { formatDateTime } from "~/components/ui/format";
import { ScrollBox } from "~/components/ui/scroll-box";
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
        <div className="mt-3 space-y-2">
          <Alert>{failure ?? log.error?.message}</Alert>
          {resent && <Alert tone="success">{resent}</Alert>}
        </div>
        {deliveries.length === 0 && !log.isPending ? (
          <p className="mt-3 text-sm text-slate-500">
            No deliveries yet. Send a test event from the endpoint list to see one here.
          </p>
        ) : (
          <ScrollBox label="Webhook deliveries" className="mt-2">
            <table className="w-full min-w-[46rem] text-left text-sm">
              <caption className="sr-only">Deliveries to this endpoint, newest first</caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  <th scope="col" className="py-2 font-medium">
                    Time
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Event
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    State
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Attempts
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Response
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    Error
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Actions
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {deliveries.map((d) => {
                  const when = formatDateTime(d.lastAttemptAt ?? d.createdAt);
                  const expanded = open === d.id;
                  return (
                    <Fragment key={d.id}>
                      <tr aria-label={`Delivery of ${d.eventType} at ${when}`}>
                        <td className="py-2.5 pr-3 text-xs whitespace-nowrap text-slate-700">{when}</td>
                        <td className="py-2.5 pr-3">
                          <span className="block text-slate-900">{eventLabel(d.eventType)}</span>
                          <code className="font-mono text-xs text-slate-500">{d.eventType}</code>
                          {d.resendOf && <span className="ml-1 text-xs text-slate-500">· resent</span>}
                        </td>
                        <td className="py-2.5 pr-3">
                          <DeliveryStateBadge state={d.state} />
                          {d.state === "pending" && d.nextAttemptAt && (
                            <span className="mt-0.5 block text-xs text-slate-500">
                              next {formatDateTime(d.nextAttemptAt)}
                            </span>
                          )}
                        </td>
                        <td className="py-2.5 pr-3 tabular-nums">{d.attempts}</td>
                        <td className="py-2.5 pr-3 font-mono tabular-nums" data-testid="delivery-status-code">
                          {d.lastStatusCode ?? "—"}
                        </td>
                        <td className="max-w-56 py-2.5 pr-3 text-xs break-words text-slate-700">{d.lastError ?? ""}</td>
                        <td className="py-2.5 text-right whitespace-nowrap">
                          <span className="inline-flex gap-1.5">
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
                        </td>
                      </tr>
                      {expanded && (
                        <tr id={`delivery-${d.id}`}>
                          <td colSpan={7} className="bg-slate-50 px-3 py-3">
                            <DeliveryDetail deliveryId={d.id} />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </ScrollBox>
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
