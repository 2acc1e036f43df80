import {
  type CampaignChannel,
  type CampaignStatus,
  type Period,
  periodContaining,
  quarterContaining,
} from "@meridian/domain";
import type { Executor } from "../client";
import { campaignResults, campaigns } from "../schema";

interface DemoCampaign {
  name: string;
  channel: CampaignChannel;
  owner: string;
  team: string | null;
  /** Days after the quarter's first day it starts, and how many days it runs. */
  offset: number;
  days: number;
  /** Euros; null for no budget. */
  budget: number | null;
  /** Spend as a share of the budget once the campaign has ended (above 1 is over budget). */
  burn: number;
  /** Revenue per euro spent, and euros spent per conversion. */
  roas: number;
  costPerConversion: number;
  utm: [string, string, string];
  cancelled?: boolean;
}

/** A quarter of campaigns across channels; "Paid search: brand terms" ends over budget. */
const DEMO_CAMPAIGNS: DemoCampaign[] = [
  {
    name: "Spring newsletter series",
    channel: "email",
    owner: "member",
    team: "marketing",
    offset: 3,
    days: 60,
    budget: 4_000,
    burn: 0.9,
    roas: 6.5,
    costPerConversion: 18,
    utm: ["newsletter", "email", "spring-series"],
  },
  {
    name: "Paid search: brand terms",
    channel: "paid_search",
    owner: "manager",
    team: "marketing",
    offset: 0,
    days: 30,
    budget: 12_000,
    burn: 1.3,
    roas: 3.1,
    costPerConversion: 42,
    utm: ["google", "cpc", "brand-terms"],
  },
  {
    name: "LinkedIn lead ads",
    channel: "paid_social",
    owner: "manager",
    team: "marketing",
    offset: 14,
    days: 45,
    budget: 9_000,
    burn: 0.95,
    roas: 1.4,
    costPerConversion: 75,
    utm: ["linkedin", "paid-social", "lead-ads"],
  },
  {
    name: "Customer stories on social",
    channel: "organic_social",
    owner: "member",
    team: "marketing",
    offset: 20,
    days: 50,
    budget: 800,
    burn: 0.7,
    roas: 4.0,
    costPerConversion: 12,
    utm: ["linkedin", "social", "customer-stories"],
  },
  {
    name: "Category report (gated)",
    channel: "content",
    owner: "member",
    team: "marketing",
    offset: 30,
    days: 40,
    budget: 5_000,
    burn: 0.8,
    roas: 2.2,
    costPerConversion: 35,
    utm: ["website", "content", "category-report"],
  },
  {
    name: "Summit booth",
    channel: "events",
    owner: "manager",
    team: "marketing",
    offset: 45,
    days: 3,
    budget: 15_000,
    burn: 1.0,
    roas: 2.6,
    costPerConversion: 150,
    utm: ["summit", "event", "booth"],
  },
  {
    name: "Reseller co-marketing",
    channel: "partnerships",
    owner: "sales",
    team: "sales",
    offset: 35,
    days: 55,
    budget: 6_000,
    burn: 0.85,
    roas: 3.8,
    costPerConversion: 60,
    utm: ["partner", "referral", "co-marketing"],
  },
  {
    name: "Podcast sponsorship",
    channel: "other",
    owner: "manager",
    team: null,
    offset: 60,
    days: 28,
    budget: 3_000,
    burn: 0,
    roas: 0,
    costPerConversion: 1,
    utm: ["podcast", "audio", "sponsorship"],
    cancelled: true,
  },
];

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const at = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Every month with a day in [start, end]. */
function monthsTouching(start: string, end: string): Period[] {
  const out: Period[] = [];
  for (
    let m = periodContaining(start, "monthly");
    m.start <= end;
    m = periodContaining(iso(at(m.end) + DAY_MS), "monthly")
  ) {
    out.push(m);
  }
  return out;
}

/**
 * The demo's campaigns for the quarter of `now`, with spend and results per
 * month for the days already run (so a campaign halfway through has spent
 * about half its budget).
 */
export async function seedDemoCampaigns(
  tx: Executor,
  options: { organizationId: string; userId: Map<string, string>; teamId: Map<string, string>; now: Date },
): Promise<void> {
  const quarter = quarterContaining(options.now.toISOString().slice(0, 10));
  const today = options.now.toISOString().slice(0, 10);
  for (const c of DEMO_CAMPAIGNS) {
    const startsOn = iso(at(quarter.start) + c.offset * DAY_MS);
    const endsOn = iso(at(startsOn) + (c.days - 1) * DAY_MS);
    const status: CampaignStatus = c.cancelled
      ? "cancelled"
      : endsOn < today
        ? "done"
        : startsOn <= today
          ? "live"
          : "planned";
    const [row] = await tx
      .insert(campaigns)
      .values({
        organizationId: options.organizationId,
        name: c.name,
        channel: c.channel,
        ownerId: options.userId.get(c.owner) ?? "",
        teamId: c.team ? (options.teamId.get(c.team) ?? null) : null,
        status,
        startsOn,
        endsOn,
        budget: c.budget === null ? null : c.budget * 100,
        currency: "EUR",
        utmSource: c.utm[0],
        utmMedium: c.utm[1],
        utmCampaign: c.utm[2],
        landingUrl: `https://northwind.example/${c.utm[2]}`,
      })
      .returning({ id: campaigns.id });
    if (!row || c.cancelled || c.budget === null) continue;
    const results = monthsTouching(startsOn, endsOn).flatMap((month) => {
      const from = [month.start, startsOn].sort()[1] as string;
      const to = [month.end, endsOn, today].sort()[0] as string;
      if (to < from) return [];
      const share = ((at(to) - at(from)) / DAY_MS + 1) / c.days;
      const spend = Math.round((c.budget as number) * c.burn * share * 100);
      return [
        {
          organizationId: options.organizationId,
          campaignId: row.id,
          periodStart: month.start,
          spend,
          conversions: Math.round(spend / 100 / c.costPerConversion),
          revenue: Math.round(spend * c.roas),
        },
      ];
    });
    if (results.length) await tx.insert(campaignResults).values(results);
  }
}
