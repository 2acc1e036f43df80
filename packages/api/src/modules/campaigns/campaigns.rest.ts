import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_STATUSES,
  CURRENCIES,
  EXPERIMENT_DECISIONS,
  EXPERIMENT_STATUSES,
  ZCampaignGetSchema,
  ZCampaignListSchema,
} from "@meridian/domain";
import { z } from "zod";
import { apiProcedure } from "../../rest/rest-procedure";
import { restPage, ZPersonRef, ZTeamRef, zDate } from "../../rest/rest-schemas";
import { router } from "../../trpc";
import { type CampaignView, getCampaign, listCampaigns } from "./campaigns.queries";

const minor = (description: string) =>
  z
    .number()
    .int()
    .nullable()
    .meta({ description: `${description}, in integer minor units of the currency.` });

const ZRestCampaignFigures = z
  .object({
    roi: z
      .number()
      .nullable()
      .meta({ description: "(revenue − spend) ÷ spend; null when either is blank or spend 0." }),
    roas: z.number().nullable().meta({ description: "revenue ÷ spend." }),
    costPerConversion: z
      .number()
      .nullable()
      .meta({ description: "spend ÷ conversions, in minor units (may be fractional)." }),
    budgetUsed: z.number().nullable().meta({ description: "spend ÷ budget: 1.2 is 20 % over budget." }),
    budgetRemaining: minor("budget − spend; negative when over budget"),
    overBudget: z.boolean(),
  })
  .meta({ id: "CampaignFigures" });

const campaignFields = {
  id: z.string(),
  name: z.string(),
  channel: z.enum(CAMPAIGN_CHANNELS),
  status: z.enum(CAMPAIGN_STATUSES),
  startsOn: zDate(),
  endsOn: zDate(),
  currency: z.enum(CURRENCIES),
  budget: minor("The budget"),
  spend: minor("Spend summed over its results; null when none was entered"),
  revenue: minor("Attributed revenue summed over its results"),
  conversions: z.number().int().nullable(),
  figures: ZRestCampaignFigures,
  owner: ZPersonRef,
  team: ZTeamRef.nullable(),
  utm: z.object({ source: z.string(), medium: z.string(), campaign: z.string() }),
  landingUrl: z.string(),
  objectiveId: z.string().nullable(),
  keyResultId: z.string().nullable(),
  strategicObjectiveId: z.string().nullable(),
};

const ZRestCampaign = z.object(campaignFields).meta({ id: "Campaign" });

const ZRestCampaignResult = z
  .object({
    period: zDate().meta({ description: "The first day of the period the figures are for." }),
    spend: minor("Spend"),
    conversions: z.number().int().nullable(),
    revenue: minor("Attributed revenue"),
    source: z.string().meta({ description: "How the figures came in: manual, csv or api." }),
  })
  .meta({ id: "CampaignResult" });

const ZRestCampaignDetail = z
  .object({
    ...campaignFields,
    objective: z.object({ id: z.string(), name: z.string() }).nullable(),
    keyResult: z.object({ id: z.string(), name: z.string(), objectiveId: z.string() }).nullable(),
    strategicObjective: z.object({ id: z.string(), name: z.string() }).nullable(),
    taggedLink: z.string().nullable().meta({ description: "The landing URL with its UTM parameters." }),
    results: z.array(ZRestCampaignResult).meta({ description: "Its figures per period, oldest first." }),
    experiments: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          status: z.enum(EXPERIMENT_STATUSES),
          decision: z.enum(EXPERIMENT_DECISIONS).nullable(),
        }),
      )
      .meta({ description: "The experiments run within it, newest first (at most 50)." }),
  })
  .meta({ id: "CampaignDetail" });

const toRestCampaign = (c: CampaignView): z.output<typeof ZRestCampaign> => ({
  id: c.id,
  name: c.name,
  channel: c.channel,
  status: c.status,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  currency: c.currency,
  budget: c.budget,
  spend: c.spend,
  revenue: c.revenue,
  conversions: c.conversions,
  figures: c.figures,
  owner: c.owner,
  team: c.team,
  utm: { source: c.utmSource, medium: c.utmMedium, campaign: c.utmCampaign },
  landingUrl: c.landingUrl,
  objectiveId: c.objectiveId,
  keyResultId: c.keyResultId,
  strategicObjectiveId: c.strategicObjectiveId,
});

const read = apiProcedure("marketing:read", "campaign.read");

export const campaignsRest = router({
  list: read
    .meta({
      openapi: {
        method: "GET",
        path: "/campaigns",
        tags: ["Marketing"],
        summary: "List campaigns with their budget, spend, revenue and figures",
        description:
          "A page of campaigns, newest start first, filtered by channel, team, owner, status, and the window of days they run in (`from`, `to`: a campaign running on any day of it). Money is in integer minor units of the campaign's currency.",
        protect: true,
      },
    })
    .input(ZCampaignListSchema.unwrap().strict())
    .output(restPage(ZRestCampaign))
    .query(async ({ ctx, input }) => {
      const page = await listCampaigns(ctx, input);
      return { items: page.campaigns.map(toRestCampaign), nextCursor: page.nextCursor };
    }),
  get: read
    .meta({
      openapi: {
        method: "GET",
        path: "/campaigns/{campaignId}",
        tags: ["Marketing"],
        summary: "One campaign with its results per period and its experiments",
        protect: true,
      },
    })
    .input(ZCampaignGetSchema.strict())
    .output(ZRestCampaignDetail)
    .query(async ({ ctx, input }) => {
      const c = await getCampaign(ctx, input.campaignId);
      return {
        ...toRestCampaign(c),
        objective: c.objective,
        keyResult: c.keyResult,
        strategicObjective: c.strategicObjective,
        taggedLink: c.taggedLink,
        results: c.results.map((r) => ({
          period: r.periodStart,
          spend: r.spend,
          conversions: r.conversions,
          revenue: r.revenue,
          source: r.source,
        })),
        experiments: c.experiments,
      };
    }),
});
