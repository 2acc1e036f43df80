import { and, campaignResults, campaigns, eq, sql } from "@meridian/db";
import {
  budgetWithin,
  CAMPAIGN_CHANNELS,
  type CampaignChannel,
  type CampaignStatus,
  CURRENCIES,
  type Currency,
  campaignFigures,
  dateTimeFormat,
  type Period,
  periodContaining,
  periodsWithin,
  quarterContaining,
  quarterLabel,
  sumOrBlank,
  type TMarketingDashboard,
  todayIso,
} from "@meridian/domain";
import type { ViewerScope } from "../../lib/scope";
import { runShaped } from "../../lib/shaped-statement";

/** The most campaigns of one quarter the dashboard reads; a busier quarter is filtered first. */
export const MAX_DASHBOARD_CAMPAIGNS = 5000;

const monthLabel = (start: string) =>
  dateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${start}T00:00:00Z`));

interface QuarterCampaign {
  id: string;
  name: string;
  channel: CampaignChannel;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
  budget: number | null;
  currency: string;
}
interface MonthSums {
  month: string;
  channel: CampaignChannel;
  currency: string;
  spend: number | null;
  conversions: number | null;
  revenue: number | null;
}

/** The filters of a dashboard request, as placeholders: the statement's text depends only on which are given. */
const FILTERS = ["channel", "teamId", "ownerId", "status"] as const;

/**
 * The quarter's campaigns (the first MAX_DASHBOARD_CAMPAIGNS + 1 by start) and, in the same statement,
 * the spend, conversions and revenue of the first MAX_DASHBOARD_CAMPAIGNS per month, channel and
 * currency: one round trip, rendered once per set of filters (runShaped), where the ids of a busy
 * quarter's campaigns used to travel back as one bound parameter each.
 */
async function quarterCampaigns(scope: ViewerScope, input: TMarketingDashboard, quarter: Period) {
  const given = FILTERS.filter((f) => input[f] !== undefined);
  const [row] = await runShaped<{ campaigns: QuarterCampaign[]; sums: MonthSums[] }>(
    scope.db,
    `marketing-dashboard:${given.join(",")}`,
    () => {
      const org = sql.placeholder("org");
      const from = sql.placeholder("from");
      const to = sql.placeholder("to");
      const column = {
        channel: campaigns.channel,
        teamId: campaigns.teamId,
        ownerId: campaigns.ownerId,
        status: campaigns.status,
      };
      const where = and(
        eq(campaigns.organizationId, org),
        ...given.map((f) => eq(column[f], sql.placeholder(f))),
        sql`${campaigns.startsOn} <= ${to}::date and ${campaigns.endsOn} >= ${from}::date`,
      );
      const q = sql.raw("q");
      return sql`with ${q} as (
          select ${campaigns.id} as id, ${campaigns.name} as name, ${campaigns.channel} as channel,
            ${campaigns.status} as status, ${campaigns.startsOn} as starts_on, ${campaigns.endsOn} as ends_on,
            ${campaigns.budget} as budget, ${campaigns.currency} as currency
          from ${campaigns} where ${where}
          order by ${campaigns.startsOn}, ${campaigns.id}
          limit ${MAX_DASHBOARD_CAMPAIGNS + 1}
        )
        select
          coalesce((select json_agg(json_build_object('id', q.id, 'name', q.name, 'channel', q.channel,
              'status', q.status, 'startsOn', q.starts_on, 'endsOn', q.ends_on, 'budget', q.budget,
              'currency', q.currency) order by q.starts_on, q.id) from q), '[]') as campaigns,
          coalesce((select json_agg(s) from (
            select to_char(date_trunc('month', ${campaignResults.periodStart}), 'YYYY-MM-DD') as month,
              c.channel, c.currency, sum(${campaignResults.spend})::float8 as spend,
              sum(${campaignResults.conversions})::float8 as conversions, sum(${campaignResults.revenue})::float8 as revenue
            from (select id, channel, currency from q order by starts_on, id limit ${MAX_DASHBOARD_CAMPAIGNS}) c
            join ${campaignResults} on ${campaignResults.organizationId} = ${org} and ${campaignResults.campaignId} = c.id
            where ${campaignResults.periodStart} between ${from}::date and ${to}::date
            group by 1, c.channel, c.currency
          ) s), '[]') as sums`;
    },
    {
      org: scope.org.id,
      from: quarter.start,
      to: quarter.end,
      ...Object.fromEntries(given.map((f) => [f, input[f] as string])),
    },
  );
  return { inQuarter: row?.campaigns ?? [], sums: row?.sums ?? [] };
}

/**
 * The marketing dashboard of a quarter, in one currency: spend against budget
 * by month, ROI and ROAS by channel, and the campaigns running this week. Two
 * statements (the membership, then the quarter's campaigns with their sums),
 * whatever the number of campaigns.
 */
export async function marketingDashboard(scope: ViewerScope, input: TMarketingDashboard) {
  const today = todayIso();
  const quarter = quarterContaining(input.period ?? today);
  const months = periodsWithin(quarter, "monthly");
  const week = periodContaining(today, "weekly");
  const { inQuarter, sums: allSums } = await quarterCampaigns(scope, input, quarter);

  // One currency at a time: the one asked for, else the one most of the quarter's campaigns use.
  const used = new Map<string, number>();
  for (const c of inQuarter) used.set(c.currency, (used.get(c.currency) ?? 0) + 1);
  const currencies = [...used.keys()].filter((c): c is Currency => (CURRENCIES as readonly string[]).includes(c));
  const currency: Currency =
    input.currency ?? ([...used.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as Currency | undefined) ?? "EUR";
  const chosen = inQuarter.slice(0, MAX_DASHBOARD_CAMPAIGNS).filter((c) => c.currency === currency);
  // A cancelled campaign's budget is no longer planned; what it spent before still counts.
  const budgeted = chosen.filter((c) => c.status !== "cancelled");
  const sums = allSums.filter((s) => s.currency === currency);

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
