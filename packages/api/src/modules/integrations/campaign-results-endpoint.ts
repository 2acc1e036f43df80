import type { Database } from "@meridian/db";
import { campaignLookup, markDuplicateResults, readResultEntry, ZIngestCampaignResultsSchema } from "@meridian/domain";
import type { z } from "zod";
import { loadResultsCampaigns } from "../campaigns/campaign-results.commands";
import { upsertCampaignResults } from "../campaigns/upsert-campaign-results";
import { type IngestToken, ingestEndpoint, json } from "./ingest-request";

/**
 * POST /api/ingest/campaign-results: spend and results of campaigns pushed by
 * another system (an ad platform, a CRM) with an organization's API token.
 * Money is in integer minor units (125050 is 1,250.50) in the campaign's own
 * currency, named on every item. One bad item refuses the whole push; values
 * are upserted per campaign and period, so a repeated push changes nothing.
 */
export const handleIngestCampaignResults = ingestEndpoint({
  path: "/api/ingest/campaign-results",
  what: "campaign results",
  scope: "marketing:write",
  schema: ZIngestCampaignResultsSchema,
  apply: ingest,
});

async function ingest(
  db: Database,
  token: IngestToken,
  data: z.output<typeof ZIngestCampaignResultsSchema>,
): Promise<Response> {
  // Only this token's organization's campaigns exist here: another's id reads as unknown.
  const lookup = campaignLookup(await loadResultsCampaigns(db, token.organizationId));
  const entries = data.results.map((item) => readResultEntry(item, lookup, "minor"));
  markDuplicateResults(entries, (i) => `item ${i}`);
  const bad = entries.flatMap((entry, index) => (entry.errors.length ? [{ index, errors: entry.errors }] : []));
  if (bad.length) {
    return json(400, {
      error: `${bad.length} of ${entries.length} results have errors, so nothing was written. Fix them and push again.`,
      errors: bad.map(({ index, errors }) => ({ path: `results.${index}`, message: errors.join(" ") })),
    });
  }
  const counts = await db.transaction(async (tx) => {
    const result = await upsertCampaignResults(tx, {
      organizationId: token.organizationId,
      source: "api",
      actorId: null,
      writes: entries.flatMap((e) =>
        e.campaign && e.periodStart
          ? [
              {
                campaignId: e.campaign.id,
                periodStart: e.periodStart,
                spend: e.spend,
                conversions: e.conversions,
                revenue: e.revenue,
              },
            ]
          : [],
      ),
      activity: { action: "campaign.results.pushed", details: { token: token.prefix, tokenName: token.name } },
    });
    return result;
  });
  return json(200, { created: counts.created, updated: counts.updated, unchanged: counts.unchanged });
}
