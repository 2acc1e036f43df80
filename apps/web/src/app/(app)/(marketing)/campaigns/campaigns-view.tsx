"use client";

import {
  CAMPAIGN_CHANNEL_LABELS,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUSES,
} from "@meridian/domain";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import {
  CALENDAR_VIEWS,
  type CalendarState,
  calendarQuery,
  filtersOf,
  readCalendarState,
  shiftDate,
  windowOf,
} from "~/components/campaigns/campaign-filters";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, PageHeader } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { ui } from "~/components/ui/styles";
import { useInvalidate } from "~/components/ui/use-invalidate";
import { useTRPC } from "~/trpc/react";
import { CalendarFeed } from "./_components/calendar-feed";
import { type CalendarCampaign, CampaignCalendar } from "./_components/campaign-calendar";
import { QuarterTimeline } from "./_components/quarter-timeline";

const VIEW_LABELS = { month: "Month", week: "Week", quarter: "Quarter" } as const;

function title(state: CalendarState, window: { from: string; to: string }) {
  const d = new Date(`${state.date}T00:00:00Z`);
  if (state.view === "month") return d.toLocaleDateString("en", { month: "long", year: "numeric", timeZone: "UTC" });
  if (state.view === "quarter") return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
  return `Week of ${new Date(`${window.from}T00:00:00Z`).toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}`;
}

/** The campaign calendar: month, week and quarter views, filters in the URL, drags versioned. */
export function CampaignsView({ today }: { today: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const state = readCalendarState(new URLSearchParams(params.toString()), today);
  const window = windowOf(state.view, state.date);
  const set = (change: Partial<CalendarState>) => {
    const next = { ...state, ...change };
    for (const key of ["channel", "status", "teamId"] as const)
      if (next[key] === undefined || next[key] === "") delete next[key];
    router.replace(`${pathname}${calendarQuery(next as CalendarState, today)}`, { scroll: false });
  };
  const me = useQuery(trpc.me.get.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const calendar = useQuery({
    ...trpc.campaigns.calendar.queryOptions({ ...filtersOf(state), ...window }),
    placeholderData: keepPreviousData,
  });
  const invalidate = useInvalidate("campaigns", "kpis", "scorecard");
  const [notice, setNotice] = useState<{ tone: "warning" | "success"; text: string } | null>(null);
  const move = useMutation(trpc.campaigns.move.mutationOptions());
  const canWrite = me.data?.permissions.includes("campaign.write") ?? false;

  const onMove = async (campaign: CalendarCampaign, startsOn: string, endsOn: string) => {
    setNotice(null);
    try {
      await move.mutateAsync({ campaignId: campaign.id, version: campaign.version, startsOn, endsOn });
      setNotice({ tone: "success", text: `${campaign.name} now runs ${startsOn} to ${endsOn}.` });
    } catch (error) {
      setNotice({ tone: "warning", text: error instanceof Error ? error.message : "The campaign could not be moved." });
    } finally {
      await invalidate();
    }
  };
  const campaigns = calendar.data?.campaigns ?? [];

  return (
    <div className="space-y-6">
      <PageHeader kicker="Marketing" title="Campaign calendar">
        <div className="flex flex-wrap items-center gap-2">
          <Link href="/marketing" className={buttonClass("secondary")}>
            Marketing dashboard
          </Link>
          {canWrite && (
            <Link href="/campaigns/import" className={buttonClass("secondary")}>
              Import results
            </Link>
          )}
          {canWrite && (
            <Link href="/campaigns/new" className={buttonClass()}>
              New campaign
            </Link>
          )}
        </div>
      </PageHeader>

      <section className={`${ui.card} space-y-4`} aria-label="Calendar">
        <div className="flex flex-wrap items-end gap-3">
          <fieldset className="flex items-center gap-1">
            <legend className="sr-only">View</legend>
            {CALENDAR_VIEWS.map((v) => (
              <Button
                key={v}
                size="sm"
                variant={state.view === v ? "primary" : "secondary"}
                aria-pressed={state.view === v}
                onClick={() => set({ view: v })}
              >
                {VIEW_LABELS[v]}
              </Button>
            ))}
          </fieldset>
          <div className="flex items-center gap-1">
            <Button
              size="sm"
              variant="secondary"
              aria-label="Previous"
              onClick={() => set({ date: shiftDate(state.view, state.date, -1) })}
            >
              ‹
            </Button>
            <Button size="sm" variant="secondary" onClick={() => set({ date: today })}>
              Today
            </Button>
            <Button
              size="sm"
              variant="secondary"
              aria-label="Next"
              onClick={() => set({ date: shiftDate(state.view, state.date, 1) })}
            >
              ›
            </Button>
          </div>
          <h2 className="text-lg font-semibold text-slate-900" aria-live="polite">
            {title(state, window)}
          </h2>
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Channel" className="text-sm text-slate-600">
            {(id) => (
              <Select
                id={id}
                value={state.channel ?? ""}
                onChange={(e) => set({ channel: (e.target.value || undefined) as CalendarState["channel"] })}
              >
                <option value="">All channels</option>
                {CAMPAIGN_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CAMPAIGN_CHANNEL_LABELS[c]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Team" className="text-sm text-slate-600">
            {(id) => (
              <Select id={id} value={state.teamId ?? ""} onChange={(e) => set({ teamId: e.target.value || undefined })}>
                <option value="">All teams</option>
                {teams.data?.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Status" className="text-sm text-slate-600">
            {(id) => (
              <Select
                id={id}
                value={state.status ?? ""}
                onChange={(e) => set({ status: (e.target.value || undefined) as CalendarState["status"] })}
              >
                <option value="">Any status</option>
                {CAMPAIGN_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {CAMPAIGN_STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {state.view === "quarter" && (
            <Field label="Lanes" className="text-sm text-slate-600">
              {(id) => (
                <Select
                  id={id}
                  value={state.lanes}
                  onChange={(e) => set({ lanes: e.target.value as "channel" | "team" })}
                >
                  <option value="channel">By channel</option>
                  <option value="team">By team</option>
                </Select>
              )}
            </Field>
          )}
        </div>
        {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
        {calendar.error && <Alert tone="error">{calendar.error.message}</Alert>}
        {calendar.data?.truncated && (
          <Alert tone="warning">
            This window holds more campaigns than the calendar shows: filter by channel or team.
          </Alert>
        )}
        {state.view === "quarter" ? (
          <QuarterTimeline campaigns={campaigns} from={window.from} to={window.to} lanes={state.lanes} />
        ) : (
          <CampaignCalendar
            campaigns={campaigns}
            view={state.view}
            date={state.date}
            onNavigate={(date) => set({ date })}
            onMove={onMove}
          />
        )}
        {canWrite && (
          <p className="text-xs text-slate-500">
            Drag a campaign to move it; on a keyboard, open it and type its new dates.
          </p>
        )}
      </section>

      <section className={`${ui.card} space-y-2`} aria-labelledby="campaign-list-title">
        <h2 id="campaign-list-title" className="text-base font-semibold text-slate-900">
          In this {state.view}
        </h2>
        {campaigns.length === 0 ? (
          <p className="text-sm text-slate-600">{calendar.isPending ? "Loading…" : "No campaigns here."}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {campaigns.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/campaigns/${c.id}`} className="font-medium text-indigo-700 hover:underline">
                  {c.name}
                </Link>
                <span className="text-slate-600">
                  {CAMPAIGN_CHANNEL_LABELS[c.channel]} · {CAMPAIGN_STATUS_LABELS[c.status]} · {c.startsOn} → {c.endsOn}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <CalendarFeed />
    </div>
  );
}
