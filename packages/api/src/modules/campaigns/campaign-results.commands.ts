import { campaigns, type Executor, eq } from "@meridian/db";
import {
  type Currency,
  canManageCampaign,
  parseCampaignResultsCsv,
  type TCampaignResultsImport,
  type TCampaignResultsSave,
} from "@meridian/domain";
import { invalidInput, invalidInputs } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { findManageableCampaign, managerOf, NOT_YOUR_TEAM } from "./campaign-rows";
import { currentResults, type ResultWrite, upsertCampaignResults } from "./upsert-campaign-results";

/** Many periods of one campaign (the results grid); the currency must be the campaign's. */
export async function saveCampaignResults(scope: ViewerScope, input: TCampaignResultsSave) {
  return scope.db.transaction(async (tx) => {
    const campaign = await findManageableCampaign(tx, scope, input.campaignId);
    if (input.currency !== campaign.currency) {
      throw invalidInput(
        "currency",
        `${campaign.name} is budgeted in ${campaign.currency}, not ${input.currency}: enter the amounts in ${campaign.currency}.`,
      );
    }
    return upsertCampaignResults(tx, {
      organizationId: scope.org.id,
      source: "manual",
      actorId: scope.user.id,
      writes: input.values.map((v) => ({ campaignId: campaign.id, ...v })),
      activity: { action: "campaign.results.saved" },
    });
  });
}

/** The organization's campaigns, as the results reader needs them. */
export async function loadResultsCampaigns(db: Executor, organizationId: string) {
  const rows = await db
    .select({ id: campaigns.id, name: campaigns.name, currency: campaigns.currency, teamId: campaigns.teamId })
    .from(campaigns)
    .where(eq(campaigns.organizationId, organizationId));
  return rows.map((r) => ({ ...r, currency: r.currency as Currency }));
}

export type ResultsRowStatus = "new" | "update" | "unchanged" | "error";

const sameFigures = (a: ResultWrite | undefined, b: ResultWrite) =>
  a !== undefined && a.spend === b.spend && a.conversions === b.conversions && a.revenue === b.revenue;

/** What importing this CSV would do, row by row; a problem with the whole file is a 400. Writes nothing. */
export async function previewCampaignResultsImport(scope: ViewerScope, input: TCampaignResultsImport) {
  const { rows, counts } = await evaluate(scope.db, scope, input.csv);
  return { rows, counts };
}

async function evaluate(db: Executor, scope: ViewerScope, csv: string) {
  const parsed = parseCampaignResultsCsv(csv, await loadResultsCampaigns(db, scope.org.id));
  if (!parsed.ok) throw invalidInput("csv", parsed.error);
  const allowed = (teamId: string | null) => canManageCampaign({ ...managerOf(scope), campaignTeamId: teamId });
  const current = await currentResults(
    db,
    scope.org.id,
    parsed.rows.flatMap((r) => (r.campaign && allowed(r.campaign.teamId) ? [r.campaign.id] : [])),
  );
  const counts: Record<ResultsRowStatus, number> = { new: 0, update: 0, unchanged: 0, error: 0 };
  const rows = parsed.rows.map((row) => {
    const errors = [...row.errors];
    if (row.campaign && !allowed(row.campaign.teamId)) errors.push(`${row.campaign.name}: ${NOT_YOUR_TEAM}`);
    const write: ResultWrite | null =
      row.campaign && row.periodStart
        ? { campaignId: row.campaign.id, periodStart: row.periodStart, ...pick(row) }
        : null;
    const previous = write ? current.get(`${write.campaignId}|${write.periodStart}`) : undefined;
    const status: ResultsRowStatus = errors.length
      ? "error"
      : !previous
        ? "new"
        : write && sameFigures(previous, write)
          ? "unchanged"
          : "update";
    counts[status] += 1;
    return {
      line: row.line,
      campaign: row.campaign ? { id: row.campaign.id, name: row.campaign.name } : null,
      periodStart: row.periodStart,
      currency: row.campaign?.currency ?? null,
      spend: row.spend,
      conversions: row.conversions,
      revenue: row.revenue,
      cells: row.cells,
      previous: previous ? pick(previous) : null,
      status,
      errors,
      write: errors.length ? null : write,
    };
  });
  return { rows: rows.map(({ write: _, ...r }) => r), counts, writes: rows.flatMap((r) => (r.write ? [r.write] : [])) };
}

const pick = (r: { spend: number | null; conversions: number | null; revenue: number | null }) => ({
  spend: r.spend,
  conversions: r.conversions,
  revenue: r.revenue,
});

/** Imports a CSV of results: every row or none; the same file again changes nothing. */
export async function importCampaignResults(scope: ViewerScope, input: TCampaignResultsImport) {
  return scope.db.transaction(async (tx) => {
    const preview = await evaluate(tx, scope, input.csv);
    const bad = preview.rows.filter((r) => r.status === "error");
    if (bad.length) {
      throw invalidInputs(
        "csv",
        `${bad.length} of ${preview.rows.length} rows have errors, so nothing was imported.`,
        bad.slice(0, 20).map((r) => `Line ${r.line}: ${r.errors.join(" ")}`),
      );
    }
    return upsertCampaignResults(tx, {
      organizationId: scope.org.id,
      source: "csv",
      actorId: scope.user.id,
      writes: preview.writes,
      activity: { action: "campaign.results.imported" },
    });
  });
}
