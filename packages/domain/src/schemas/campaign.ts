// Zod input schemas for campaigns and their results, shared by the API and the forms.
import { z } from "zod";
import { CAMPAIGN_CHANNELS, CAMPAIGN_STATUSES, CURRENCIES, toMinorUnits } from "../campaigns/campaign-definition";
import { isLandingUrl, normaliseUtmValue } from "../campaigns/utm";
import { ZCursor, ZId, ZIsoDate, ZName, ZVersion, zPageSize, zText } from "./common";

/** The largest amount of money we hold, in minor units: 100 billion in a two-decimal currency. */
export const MAX_MINOR_AMOUNT = 10_000_000_000_000;
/** The most conversions one period may report. */
export const MAX_CONVERSIONS = 1_000_000_000;

/** An amount of money in integer minor units (cents), never negative. */
export const zMinorAmount = (what: string) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be whole minor units (cents).`)
    .min(0, `${what} cannot be negative.`)
    .max(MAX_MINOR_AMOUNT, `${what} is out of range.`);

export const zConversions = z
  .number({ error: "Conversions must be a number." })
  .int("Conversions must be a whole number.")
  .min(0, "Conversions cannot be negative.")
  .max(MAX_CONVERSIONS, "Conversions are out of range.");

export const ZCurrency = z.enum(CURRENCIES, { error: `Choose a currency: ${CURRENCIES.join(", ")}.` });
export const ZCampaignChannel = z.enum(CAMPAIGN_CHANNELS, { error: "Choose a channel." });
export const ZCampaignStatus = z.enum(CAMPAIGN_STATUSES, { error: "Choose planned, live, done or cancelled." });

const zUtm = (what: string) =>
  zText()
    .max(100, `Keep the ${what} under 100 characters.`)
    .transform(normaliseUtmValue)
    .refine((v) => /^[a-z0-9._~+-]*$/.test(v), `Use letters, digits, "-", "_", "." or "+" in the ${what}.`);

const ZLandingUrl = zText()
  .trim()
  .max(2000, "Keep the landing URL under 2000 characters.")
  .refine((v) => v === "" || isLandingUrl(v), "Enter a full http(s) address, like https://example.com/spring.");

const campaignFields = {
  name: ZName("campaign name"),
  channel: ZCampaignChannel,
  ownerId: ZId,
  teamId: ZId.nullable().default(null),
  status: ZCampaignStatus.default("planned"),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
  budget: zMinorAmount("Budget").nullable().default(null),
  currency: ZCurrency,
  utmSource: zUtm("UTM source").default(""),
  utmMedium: zUtm("UTM medium").default(""),
  utmCampaign: zUtm("UTM campaign").default(""),
  landingUrl: ZLandingUrl.default(""),
  objectiveId: ZId.nullable().default(null),
  keyResultId: ZId.nullable().default(null),
  strategicObjectiveId: ZId.nullable().default(null),
};

/** The message when a campaign would end before it starts; the API checks merged edits with it too. */
export const END_BEFORE_START = "The end date cannot be before the start date.";

function checkDates(v: { startsOn?: string; endsOn?: string }, ctx: z.RefinementCtx) {
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: END_BEFORE_START });
  }
}

export const ZCampaignCreateSchema = z.object(campaignFields).superRefine(checkDates);
export type TCampaignCreate = z.infer<typeof ZCampaignCreateSchema>;
export type TCampaignCreateInput = z.input<typeof ZCampaignCreateSchema>;

/**
 * The campaign form: the same fields, with the budget typed in major units ("2500.50", blank for none)
 * and turned into minor units for the API, so the form and the API share every rule.
 */
export const ZCampaignFormSchema = z
  .object({ ...campaignFields, budget: zText().trim().max(20, "Write the budget as a number, like 2500.50.") })
  .superRefine((v, ctx) => {
    checkDates(v, ctx);
    if (v.budget === "") return;
    const minor = /^\d+(\.\d+)?$/.test(v.budget) ? toMinorUnits(Number(v.budget), v.currency) : null;
    if (minor === null) {
      ctx.addIssue({
        code: "custom",
        path: ["budget"],
        message: v.budget.startsWith("-")
          ? "Budget cannot be negative."
          : `Write the budget as a number in ${v.currency}, like 2500.50.`,
      });
    } else if (minor > MAX_MINOR_AMOUNT)
      ctx.addIssue({ code: "custom", path: ["budget"], message: "Budget is out of range." });
  })
  .transform((v) => ({
    ...v,
    budget: v.budget === "" ? null : (toMinorUnits(Number(v.budget), v.currency) as number),
  }));
export type TCampaignFormInput = z.input<typeof ZCampaignFormSchema>;

/** Changes to a campaign: any subset of its fields, against the version read. */
export const ZCampaignUpdateSchema = z
  .object({
    campaignId: ZId,
    version: ZVersion,
    name: campaignFields.name.optional(),
    channel: ZCampaignChannel.optional(),
    ownerId: ZId.optional(),
    teamId: ZId.nullable().optional(),
    status: ZCampaignStatus.optional(),
    startsOn: ZIsoDate.optional(),
    endsOn: ZIsoDate.optional(),
    budget: zMinorAmount("Budget").nullable().optional(),
    currency: ZCurrency.optional(),
    utmSource: zUtm("UTM source").optional(),
    utmMedium: zUtm("UTM medium").optional(),
    utmCampaign: zUtm("UTM campaign").optional(),
    landingUrl: ZLandingUrl.optional(),
    objectiveId: ZId.nullable().optional(),
    keyResultId: ZId.nullable().optional(),
    strategicObjectiveId: ZId.nullable().optional(),
  })
  .superRefine(checkDates);
export type TCampaignUpdate = z.infer<typeof ZCampaignUpdateSchema>;
export type TCampaignUpdateInput = z.input<typeof ZCampaignUpdateSchema>;

/** A drag on the calendar: new dates against the version the calendar showed. */
export const ZCampaignMoveSchema = z
  .object({ campaignId: ZId, version: ZVersion, startsOn: ZIsoDate, endsOn: ZIsoDate })
  .superRefine(checkDates);
export type TCampaignMove = z.infer<typeof ZCampaignMoveSchema>;

export const ZCampaignGetSchema = z.object({ campaignId: ZId });

/** Filters shared by the list, the calendar and the dashboard (and their URLs). */
const campaignFilters = {
  channel: ZCampaignChannel.optional(),
  teamId: ZId.optional(),
  ownerId: ZId.optional(),
  status: ZCampaignStatus.optional(),
};
export type TCampaignFilters = {
  channel?: (typeof CAMPAIGN_CHANNELS)[number];
  teamId?: string;
  ownerId?: string;
  status?: (typeof CAMPAIGN_STATUSES)[number];
};

export const CAMPAIGN_PAGE_SIZE = 50;

export const ZCampaignListSchema = z
  .object({
    ...campaignFilters,
    /** Only campaigns running on some day from `from` to `to` (either may be left out). */
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    cursor: ZCursor,
    limit: zPageSize(100, CAMPAIGN_PAGE_SIZE),
  })
  .default({ limit: CAMPAIGN_PAGE_SIZE });
export type TCampaignList = z.infer<typeof ZCampaignListSchema>;

/** The most campaigns one calendar window shows; a busier window asks to be filtered. */
export const MAX_CALENDAR_CAMPAIGNS = 500;

/** The campaigns overlapping a window of dates (a month, a week, a quarter). */
export const ZCampaignCalendarSchema = z
  .object({ ...campaignFilters, from: ZIsoDate, to: ZIsoDate })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: "custom", path: ["to"], message: "The window ends before it starts." });
    const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
    if (days > 400) ctx.addIssue({ code: "custom", path: ["to"], message: "Show at most 400 days at once." });
  });
export type TCampaignCalendar = z.infer<typeof ZCampaignCalendarSchema>;

export const ZMarketingDashboardSchema = z
  .object({ ...campaignFilters, period: ZIsoDate.optional(), currency: ZCurrency.optional() })
  .default({});
export type TMarketingDashboard = z.infer<typeof ZMarketingDashboardSchema>;

/** One period's spend and results of a campaign; a blank field is not entered (not zero). */
export const ZCampaignResultValue = z.object({
  periodStart: ZIsoDate,
  spend: zMinorAmount("Spend").nullable(),
  conversions: zConversions.nullable(),
  revenue: zMinorAmount("Revenue").nullable(),
});

/** Many periods of one campaign at once (the results grid); the currency must be the campaign's. */
export const ZCampaignResultsSaveSchema = z.object({
  campaignId: ZId,
  currency: ZCurrency,
  values: z
    .array(ZCampaignResultValue, { error: "Values must be a list." })
    .min(1, "Enter at least one period.")
    .max(500, "Save at most 500 periods at once."),
});
export type TCampaignResultsSave = z.infer<typeof ZCampaignResultsSaveSchema>;

export const CAMPAIGN_RESULTS_CSV_MAX_CHARS = 2 * 1024 * 1024;
export const ZCampaignResultsImportSchema = z.object({
  csv: zText().max(CAMPAIGN_RESULTS_CSV_MAX_CHARS, "The CSV is too large (at most 2 MB)."),
});
export type TCampaignResultsImport = z.infer<typeof ZCampaignResultsImportSchema>;

export const MAX_INGEST_CAMPAIGN_RESULTS = 1000;

/** One pushed item: a campaign (name or id), a period, the currency, and any of the three figures. */
export const ZIngestCampaignResultItem = z.object(
  {
    campaign: zText().max(200, "A campaign name or id is under 200 characters."),
    period: zText().max(20, "Write the period like 2026-07-01 or 2026-07."),
    currency: zText().max(3, "Write the currency as its code, like EUR."),
    spend: z.number({ error: "Spend must be a number." }).nullish(),
    conversions: z.number({ error: "Conversions must be a number." }).nullish(),
    revenue: z.number({ error: "Revenue must be a number." }).nullish(),
  },
  { error: "Each item is an object with campaign, period, currency and spend, conversions or revenue." },
);

export const ZIngestCampaignResultsSchema = z.object(
  {
    results: z
      .array(ZIngestCampaignResultItem, { error: "results must be a list." })
      .min(1, "Send at least one result.")
      .max(MAX_INGEST_CAMPAIGN_RESULTS, `Send at most ${MAX_INGEST_CAMPAIGN_RESULTS} results per request.`),
  },
  {
    error:
      'The body must be a JSON object like {"results": [{"campaign": "Spring launch", "period": "2026-07", "currency": "EUR", "spend": 125000}]}.',
  },
);
export type TIngestCampaignResults = z.infer<typeof ZIngestCampaignResultsSchema>;

/** Nothing to choose: the caller's own calendar feed. */
export const ZCalendarFeedSchema = z.object({}).default({});
