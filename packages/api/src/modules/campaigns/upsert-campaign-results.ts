import { and, campaignResults, chunk, type Executor, eq, inArray, sql } from "@meridian/db";
import { recordActivity } from "../../lib/activity";

/** One period's figures of a campaign; all three blank removes the period. */
export interface ResultWrite {
  campaignId: string;
  periodStart: string;
  spend: number | null;
  conversions: number | null;
  revenue: number | null;
}

export interface UpsertResultsInput {
  organizationId: string;
  source: "manual" | "csv" | "api";
  actorId: string | null;
  writes: readonly ResultWrite[];
  activity: { action: string; details?: Record<string, unknown> };
}

export interface UpsertResultsResult {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

const CHUNK = 500;
const keyOf = (w: { campaignId: string; periodStart: string }) => `${w.campaignId}|${w.periodStart}`;
const blankRow = (w: ResultWrite) => w.spend === null && w.conversions === null && w.revenue === null;

/** What the named campaigns' periods hold now, keyed "campaignId|periodStart". */
export async function currentResults(db: Executor, organizationId: string, campaignIds: readonly string[]) {
  const out = new Map<string, ResultWrite>();
  for (const ids of chunk([...new Set(campaignIds)], CHUNK)) {
    const rows = await db
      .select({
        campaignId: campaignResults.campaignId,
        periodStart: campaignResults.periodStart,
        spend: campaignResults.spend,
        conversions: campaignResults.conversions,
        revenue: campaignResults.revenue,
      })
      .from(campaignResults)
      .where(and(eq(campaignResults.organizationId, organizationId), inArray(campaignResults.campaignId, ids)));
    for (const row of rows) out.set(keyOf(row), row);
  }
  return out;
}

/**
 * The one place campaign results are written, by hand, CSV or API: upserted
 * per (organization, campaign, period) and replaced only when they differ, so
 * the same writes again change nothing and record no activity.
 */
export async function upsertCampaignResults(tx: Executor, input: UpsertResultsInput): Promise<UpsertResultsResult> {
  const writes = [...new Map(input.writes.map((w) => [keyOf(w), w])).values()];
  const campaignIds = [...new Set(writes.map((w) => w.campaignId))];
  const result: UpsertResultsResult = { created: 0, updated: 0, unchanged: 0, deleted: 0 };

  for (const part of chunk(
    writes.filter((w) => !blankRow(w)),
    CHUNK,
  )) {
    const written = await tx
      .insert(campaignResults)
      .values(
        part.map((w) => ({
          organizationId: input.organizationId,
          ...w,
          source: input.source,
          updatedById: input.actorId,
        })),
      )
      .onConflictDoUpdate({
        target: [campaignResults.organizationId, campaignResults.campaignId, campaignResults.periodStart],
        set: {
          spend: sql`excluded.spend`,
          conversions: sql`excluded.conversions`,
          revenue: sql`excluded.revenue`,
          source: sql`excluded.source`,
          updatedById: sql`excluded.updated_by_id`,
          updatedAt: sql`now()`,
        },
        setWhere: sql`(${campaignResults.spend}, ${campaignResults.conversions}, ${campaignResults.revenue}) is distinct from (excluded.spend, excluded.conversions, excluded.revenue)`,
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const created = written.filter((r) => r.inserted).length;
    result.created += created;
    result.updated += written.length - created;
    result.unchanged += part.length - written.length;
  }

  for (const part of chunk(writes.filter(blankRow), CHUNK)) {
    const deleted = await tx
      .delete(campaignResults)
      .where(
        and(
          eq(campaignResults.organizationId, input.organizationId),
          sql`(${campaignResults.campaignId}, ${campaignResults.periodStart}) in (${sql.join(
            part.map((w) => sql`(${w.campaignId}::uuid, ${w.periodStart}::date)`),
            sql`, `,
          )})`,
        ),
      )
      .returning({ id: campaignResults.id });
    result.deleted += deleted.length;
    result.unchanged += part.length - deleted.length;
  }

  const [first] = campaignIds;
  if (first && result.created + result.updated + result.deleted > 0) {
    await recordActivity(tx, {
      organizationId: input.organizationId,
      actorId: input.actorId,
      entityType: "campaign",
      entityId: first,
      action: input.activity.action,
      details: { ...input.activity.details, source: input.source, campaignIds, ...result },
    });
  }
  return result;
}
