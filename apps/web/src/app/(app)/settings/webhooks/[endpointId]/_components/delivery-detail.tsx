"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "~/components/ui/alert";
import { formatDateTime } from "~/components/ui/format";
import { useTRPC } from "~/trpc/react";

/** A delivery's every attempt (what the receiver answered, how long it took) and the body that was sent. */
export function DeliveryDetail({ deliveryId }: { deliveryId: string }) {
  const trpc = useTRPC();
  const { data, error, isPending } = useQuery(trpc.webhooks.delivery.queryOptions({ deliveryId }));
  if (isPending) return <p className="text-xs text-slate-500">Loading the attempts…</p>;
  if (error || !data) return <Alert>{error?.message ?? "The delivery could not be read."}</Alert>;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-xs text-slate-600">
        Event id <code className="font-mono text-slate-900">{data.eventId}</code> (the{" "}
        <code className="font-mono">webhook-id</code> header; a resend keeps it)
        {data.deliveredAt && <> · delivered {formatDateTime(data.deliveredAt)}</>}
      </p>
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Attempts</h3>
        {data.attempts.length === 0 ? (
          <p className="mt-1 text-xs text-slate-600">Not attempted yet.</p>
        ) : (
          <ol aria-label="Attempts" className="mt-1 space-y-2">
            {data.attempts.map((a) => (
              <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-2.5">
                <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
                  <span className="font-semibold text-slate-900">Attempt {a.attempt}</span>
                  <span className="text-slate-600">{formatDateTime(a.createdAt)}</span>
                  <span className={a.succeeded ? "text-emerald-700" : "text-rose-700"}>
                    {a.statusCode !== null ? `answered ${a.statusCode}` : "no answer"}
                    {a.succeeded ? " · succeeded" : " · failed"}
                  </span>
                  <span className="text-slate-600">{a.durationMs} ms</span>
                </p>
                {a.error && <p className="mt-1 text-xs text-rose-700 [overflow-wrap:anywhere]">{a.error}</p>}
                {a.responseExcerpt && (
                  <pre className="mt-1 font-mono text-xs whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">
                    {a.responseExcerpt}
                  </pre>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div>
        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Body sent</h3>
        <pre className="mt-1 rounded-lg bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap text-slate-100 [overflow-wrap:anywhere]">
          {JSON.stringify(data.payload, null, 2)}
        </pre>
      </div>
    </div>
  );
}
