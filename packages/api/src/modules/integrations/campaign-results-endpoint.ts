import { and, apiTokens, type Database, eq, isDatabaseUnavailable, sql } from "@meridian/db";
import { campaignLookup, markDuplicateResults, readResultEntry, ZIngestCampaignResultsSchema } from "@meridian/domain";
import { loadResultsCampaigns } from "../campaigns/campaign-results.commands";
import { upsertCampaignResults } from "../campaigns/upsert-campaign-results";
import { authenticate, json, readJsonBody } from "./ingest-request";

/**
 * POST /api/ingest/campaign-results: spend and results of campaigns pushed by
 * another system (an ad platform, a CRM) with an organization's API token.
 * Money is in integer minor units (125050 is 1,250.50) in the campaign's own
 * currency, named on every item. One bad item refuses the whole push; values
 * are upserted per campaign and period, so a repeated push changes nothing.
 */
export async function handleIngestCampaignResults(request: Request, db: Database): Promise<Response> {
  try {
    return await ingest(request, db);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    console.error("POST /api/ingest/campaign-results failed", error);
    return json(500, { error: "Something went wrong on our side. Try again later." });
  }
}

async function ingest(request: Request, db: Database): Promise<Response> {
  if (request.method !== "POST") return json(405, { error: "Use POST to push campaign results." }, { allow: "POST" });
  const token = await authenticate(request, db);
  if (token instanceof Response) return token;
  const read = await readJsonBody(request);
  if (read instanceof Response) return read;

  const parsed = ZIngestCampaignResultsSchema.safeParse(read.body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return json(400, { error: errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join(" "), errors });
  }
  // Only this token's organization's campaigns exist here: another's id reads as unknown.
  const lookup = campaignLookup(await loadResultsCampaigns(db, token.organizationId));
  const entries = parsed.data.results.map((item) => readResultEntry(item, lookup, "minor"));
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
    await tx
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiTokens.id, token.id), eq(apiTokens.organizationId, token.organizationId)));
    return result;
  });
  return json(200, { created: counts.created, updated: counts.updated, unchanged: counts.unchanged });
}
