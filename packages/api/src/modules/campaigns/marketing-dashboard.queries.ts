import { and, asc, campaignResults, campaigns, eq, inArray, sql } from "@meridian/db";
import {
  budgetWithin,
  CAMPAIGN_CHANNELS,
  type CampaignChannel,
  CURRENCIES,
  type Currency,
  campaignFigures,
  periodContaining,
  periodsWithin,
  quarterContaining,
  quarterLabel,
  sumOrBlank,
  type TMarketingDashboard,
  todayIso,
} from "@meridian/domain";
import type { ViewerScope } from "../../lib/scope";
import { campaignFilters, sqlOverlap } from "./campaigns.queries";

/** The most campaigns of one quarter the dashboard reads; a busier quarter is filtered first. */
export const MAX_DASHBOARD_CAMPAIGNS = 5000;

const monthLabel = (start: string) =>
  new Date(`${start}T00:00:00Z`).toLocaleDateString("en", { month: "short", year: "numeric", timeZone: "UTC" });

/**
 * The marketing dashboard of a quarter, in one currency: spend against budget
 * by month, ROI and ROAS by channel, and the campaigns running this week. A
 * fixed three statements, whatever the number of campaigns.
 */
export async function marketingDashboard(scope: ViewerScope, input: TMarketingDashboard) {
  const today = todayIso();
  const quarter = quarterContaining(input.period ?? today);
  const months = periodsWithin(quarter, "monthly");
  const week = periodContaining(today, "weekly");
  const filters = campaignFilters(scope.org.id, input);

  const inQuarter = await scope.db
    .select({
      id: campaigns.id,
      name: campaigns.name,
      channel: campaigns.channel,
      status: campaigns.status,
      startsOn: campaigns.startsOn,
      endsOn: campaigns.endsOn,
      budget: campaigns.budget,
      currency: campaigns.currency,
    })
    .from(campaigns)
    .where(and(...filters, sqlOverlap(quarter.start, quarter.end)))
    .orderBy(asc(campaigns.startsOn), asc(campaigns.id))
    .limit(MAX_DASHBOARD_CAMPAIGNS + 1);

  // One currency at a time: the one asked for, else the one most of the quarter's campaigns use.
  const used = new Map<string, number>();
  for (const c of inQuarter) used.set(c.currency, (used.get(c.currency) ?? 0) + 1);
  const currencies = [...used.keys()].filter((c): c is Currency => (CURRENCIES as readonly string[]).includes(c));
  const currency: Currency =
    input.currency ?? ([...used.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as Currency | undefined) ?? "EUR";
  const chosen = inQuarter.slice(0, MAX_DASHBOARD_CAMPAIGNS).filter((c) => c.currency === currency);
  const ids = chosen.map((c) => c.id);
  // A cancelled campaign's budget is no longer planned; what it spent before still counts.
  const budgeted = chosen.filter((c) => c.status !== "cancelled");

  const sums = ids.length
    ? await scope.db
        .select({
          month: sql<string>`to_char(date_trunc('month', ${campaignResults.periodStart}), 'YYYY-MM-DD')`,
          channel: campaigns.channel,
          spend: sql<number | null>`sum(${campaignResults.spend})::float8`.mapWith(Number),
          conversions: sql<number | null>`sum(${campaignResults.conversions})::float8`.mapWith(Number),
          revenue: sql<number | null>`sum(${campaignResults.revenue})::float8`.mapWith(Number),
        })
        .from(campaignResults)
        .innerJoin(
          campaigns,
          and(
            eq(campaigns.organizationId, campaignResults.organizationId),
            eq(campaigns.id, campaignResults.campaignId),
          ),
        )
        .where(
          and(
            eq(campaignResults.organizationId, scope.org.id),
            inArray(campaignResults.campaignId, ids),
            sql`${campaignResults.periodStart} between ${quarter.start}::date and ${quarter.end}::date`,
          ),
        )
        .groupBy(sql`1`, campaigns.channel)
    : [];

  const monthRows = months.map((m) => {
    const here = sums.filter((s) => s.month === m.start);
    return {
      start: m.start,
      end: m.end,
      label: monthLabel(m.start),
      budget: sumOrBlank(budgeted.map((c) => budgetWithin(c, m))),
      spend: sumOrBlank(here.map((s) => s.spend)),
    };
  });
  const channelRows = CAMPAIGN_CHANNELS.flatMap((channel: CampaignChannel) => {
    const campaignsHere = chosen.filter((c) => c.channel === channel);
    if (!campaignsHere.length) return [];
    const here = sums.filter((s) => s.channel === channel);
    const totals = {
      budget: sumOrBlank(campaignsHere.filter((c) => c.status !== "cancelled").map((c) => budgetWithin(c, quarter))),
      spend: sumOrBlank(here.map((s) => s.spend)),
      conversions: sumOrBlank(here.map((s) => s.conversions)),
      revenue: sumOrBlank(here.map((s) => s.revenue)),
    };
    return [{ channel, campaigns: campaignsHere.length, ...totals, figures: campaignFigures(totals) }];
  });
  const totals = {
    budget: sumOrBlank(budgeted.map((c) => budgetWithin(c, quarter))),
    spend: sumOrBlank(sums.map((s) => s.spend)),
    conversions: sumOrBlank(sums.map((s) => s.conversions)),
    revenue: sumOrBlank(sums.map((s) => s.revenue)),
  };
  const liveThisWeek = inQuarter
    .filter((c) => c.startsOn <= week.end && c.endsOn >= week.start && (c.status === "live" || c.status === "planned"))
    .slice(0, 50)
    .map(({ budget: _, ...c }) => c);

  return {
    quarter: { ...quarter, label: quarterLabel(quarter) },
    week,
    currency,
    currencies: currencies.length ? currencies : [currency],
    otherCurrencyCampaigns: inQuarter.length - chosen.length,
    truncated: inQuarter.length > MAX_DASHBOARD_CAMPAIGNS,
    months: monthRows,
    channels: channelRows,
    totals: { ...totals, figures: campaignFigures(totals) },
    liveThisWeek,
  };
}
