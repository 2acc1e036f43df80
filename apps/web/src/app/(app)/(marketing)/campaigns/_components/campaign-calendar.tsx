"use client";

import { CAMPAIGN_CHANNEL_LABELS, type CampaignChannel } from "@meridian/domain";
import dayjs from "dayjs";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Calendar, dayjsLocalizer, type View } from "react-big-calendar";
import withDragAndDrop, { type EventInteractionArgs } from "react-big-calendar/lib/addons/dragAndDrop";
import "react-big-calendar/lib/css/react-big-calendar.css";
import "react-big-calendar/lib/addons/dragAndDrop/styles.css";
import "./calendar-overrides.css";
import { addDays } from "~/components/campaigns/campaign-filters";
import { CHANNEL_COLORS } from "./channel-colors";

const localizer = dayjsLocalizer(dayjs);

export interface CalendarCampaign {
  id: string;
  name: string;
  channel: CampaignChannel;
  status: string;
  startsOn: string;
  endsOn: string;
  version: number;
  canManage: boolean;
}

interface CalendarEvent {
  title: string;
  start: Date;
  end: Date;
  allDay: true;
  campaign: CalendarCampaign;
}

const DragAndDropCalendar = withDragAndDrop<CalendarEvent>(Calendar);
const localDay = (day: string) => dayjs(day).startOf("day").toDate();

/**
 * The month and week views (react-big-calendar). Campaigns are all-day events
 * whose end is exclusive (the day after the last); a drag moves a campaign the
 * caller may manage, keeping its length, against the version shown.
 */
export function CampaignCalendar({
  campaigns,
  view,
  date,
  onNavigate,
  onMove,
}: {
  campaigns: readonly CalendarCampaign[];
  view: "month" | "week";
  date: string;
  onNavigate: (date: string) => void;
  onMove: (campaign: CalendarCampaign, startsOn: string, endsOn: string) => void;
}) {
  const router = useRouter();
  const events = useMemo(
    () =>
      campaigns.map(
        (c): CalendarEvent => ({
          title: `${c.name} · ${CAMPAIGN_CHANNEL_LABELS[c.channel]}`,
          start: localDay(c.startsOn),
          end: localDay(addDays(c.endsOn, 1)),
          allDay: true,
          campaign: c,
        }),
      ),
    [campaigns],
  );
  const drop = ({ event, start }: EventInteractionArgs<CalendarEvent>) => {
    const startsOn = dayjs(start).format("YYYY-MM-DD");
    const length = Math.round(dayjs(event.campaign.endsOn).diff(dayjs(event.campaign.startsOn), "day"));
    if (startsOn === event.campaign.startsOn) return;
    onMove(event.campaign, startsOn, addDays(startsOn, length));
  };
  return (
    <div className="h-[680px] rounded-xl bg-white text-sm">
      <DragAndDropCalendar
        localizer={localizer}
        events={events}
        view={view as View}
        views={["month", "week"]}
        toolbar={false}
        date={localDay(date)}
        onNavigate={(d) => onNavigate(dayjs(d).format("YYYY-MM-DD"))}
        onView={() => {}}
        draggableAccessor={(e) => e.campaign.canManage}
        resizable={false}
        onEventDrop={drop}
        onSelectEvent={(e) => router.push(`/campaigns/${e.campaign.id}`)}
        popup
        eventPropGetter={(e) => ({
          className: "campaign-event",
          style: {
            backgroundColor: CHANNEL_COLORS[e.campaign.channel],
            opacity: e.campaign.status === "cancelled" ? 0.5 : 1,
            border: 0,
          },
        })}
        tooltipAccessor={(e) => `${e.campaign.name}: ${e.campaign.startsOn} to ${e.campaign.endsOn}`}
      />
    </div>
  );
}
