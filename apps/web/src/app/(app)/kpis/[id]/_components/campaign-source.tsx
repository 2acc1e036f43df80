import { campaignSourceLabel } from "@meridian/domain";
import Link from "next/link";
import { calendarQuery } from "~/components/campaigns/campaign-filters";
import type { KpiDetail } from "~/components/kpi/types";

/** The campaign calendar's quarter the KPI's numbers come from, filtered to its channel. */
export function campaignCalendarHref(detail: KpiDetail): string | null {
  const source = detail.kpi.campaignSource;
  if (!source) return null;
  const query = calendarQuery(
    {
      view: "quarter",
      date: detail.quarter.start,
      lanes: "channel",
      ...(source.channel && { channel: source.channel }),
    },
    detail.today,
  );
  return `/campaigns${query}`;
}

/** Where a campaign-fed KPI's numbers come from, with a link to those campaigns on the calendar. */
export function CampaignSource({ detail }: { detail: KpiDetail }) {
  const source = detail.kpi.campaignSource;
  const href = campaignCalendarHref(detail);
  if (!source || !href) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="campaign-source">
      {campaignSourceLabel(source)}, per{" "}
      {detail.kpi.frequency === "weekly" ? "week" : detail.kpi.frequency === "quarterly" ? "quarter" : "month"}, read
      from the campaigns' results as they stand
      {source.currency ? `; campaigns in other currencies are left out` : ""}.{" "}
      <Link href={href} className="font-medium text-indigo-600 underline">
        See these campaigns on the calendar
      </Link>
    </p>
  );
}
