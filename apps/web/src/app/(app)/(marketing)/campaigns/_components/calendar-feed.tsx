"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ui } from "~/components/ui/styles";
import { useTRPC } from "~/trpc/react";

/** The person's secret iCalendar URL: made (or replaced) on request, shown once. */
export function CalendarFeed() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.calendarFeed.status.queryOptions());
  const rotate = useMutation(trpc.calendarFeed.rotate.mutationOptions());
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = async () => {
    const { path } = await rotate.mutateAsync();
    setUrl(`${window.location.origin}${path}`);
    setCopied(false);
    await queryClient.invalidateQueries(trpc.calendarFeed.pathFilter());
  };
  return (
    <section className={`${ui.card} space-y-3`} aria-labelledby="feed-title">
      <h2 id="feed-title" className="text-base font-semibold text-slate-900">
        In your own calendar
      </h2>
      <p className="text-sm text-slate-600">
        Subscribe to your private feed URL in Google Calendar, Outlook or Apple Calendar. Anyone with the URL sees the
        campaigns, so keep it to yourself; a new URL ends the old one.
      </p>
      {url ? (
        <div className="flex flex-wrap items-center gap-2">
          <input
            readOnly
            value={url}
            aria-label="Your calendar feed URL"
            className={`${ui.input} flex-1 font-mono text-xs`}
          />
          <Button
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard?.writeText(url);
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" disabled={rotate.isPending} onClick={make}>
          {status.data?.exists ? "Make a new feed URL" : "Get my feed URL"}
        </Button>
      )}
    </section>
  );
}
