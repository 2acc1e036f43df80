import {
  ZCalendarFeedSchema,
  ZCampaignCalendarSchema,
  ZCampaignCreateSchema,
  ZCampaignGetSchema,
  ZCampaignListSchema,
  ZCampaignMoveSchema,
  ZCampaignResultsImportSchema,
  ZCampaignResultsSaveSchema,
  ZCampaignUpdateSchema,
  ZMarketingDashboardSchema,
} from "@meridian/domain";
import { orgProcedure, router, viewerProcedure } from "../../trpc";
import { calendarFeedStatus, revokeCalendarFeed, rotateCalendarFeed } from "./calendar-feed";
import { importCampaignResults, previewCampaignResultsImport, saveCampaignResults } from "./campaign-results.commands";
import { createCampaign, moveCampaign, updateCampaignDetails } from "./campaigns.commands";
import { calendarCampaigns, getCampaign, listCampaigns } from "./campaigns.queries";
import { marketingDashboard } from "./marketing-dashboard.queries";

const read = viewerProcedure("campaign.read");
const write = viewerProcedure("campaign.write");

export const campaignsRouter = router({
  /** One page of campaigns, newest first, filtered by channel, team, owner and status. */
  list: read.input(ZCampaignListSchema).query(({ ctx, input }) => listCampaigns(ctx, input)),
  /** The campaigns overlapping a window of dates: the month, week and quarter views. */
  calendar: read.input(ZCampaignCalendarSchema).query(({ ctx, input }) => calendarCampaigns(ctx, input)),
  /** A campaign's page: fields, figures, links, results per period, tagged link. */
  get: read.input(ZCampaignGetSchema).query(({ ctx, input }) => getCampaign(ctx, input.campaignId)),
  /** Spend against budget by month, ROI and ROAS by channel, the campaigns live this week. */
  dashboard: read.input(ZMarketingDashboardSchema).query(({ ctx, input }) => marketingDashboard(ctx, input)),
  create: write.input(ZCampaignCreateSchema).mutation(({ ctx, input }) => createCampaign(ctx, input)),
  /** Changes a campaign's fields; the caller names the version they read. */
  update: write.input(ZCampaignUpdateSchema).mutation(({ ctx, input }) => updateCampaignDetails(ctx, input)),
  /** New dates (a drag on the calendar), against the version the calendar showed. */
  move: write.input(ZCampaignMoveSchema).mutation(({ ctx, input }) => moveCampaign(ctx, input)),
  /** Spend and results of one campaign for many periods; the same values again change nothing. */
  saveResults: write.input(ZCampaignResultsSaveSchema).mutation(({ ctx, input }) => saveCampaignResults(ctx, input)),
  /** What importing this CSV of results would do, row by row; writes nothing. */
  previewImport: write
    .input(ZCampaignResultsImportSchema)
    .mutation(({ ctx, input }) => previewCampaignResultsImport(ctx, input)),
  /** Imports a CSV of results: every row or none; the same file again changes nothing. */
  import: write.input(ZCampaignResultsImportSchema).mutation(({ ctx, input }) => importCampaignResults(ctx, input)),
});

const feed = orgProcedure("campaign.read");

/** The caller's own secret iCalendar feed of the campaigns. */
export const calendarFeedRouter = router({
  status: feed.input(ZCalendarFeedSchema).query(({ ctx }) => calendarFeedStatus(ctx)),
  rotate: feed.input(ZCalendarFeedSchema).mutation(({ ctx }) => rotateCalendarFeed(ctx)),
  revoke: feed.input(ZCalendarFeedSchema).mutation(({ ctx }) => revokeCalendarFeed(ctx)),
});
