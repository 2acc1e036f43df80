import {
  type AnyPgColumn,
  and,
  campaignResults,
  campaigns,
  type Executor,
  eq,
  keyResults,
  objectives,
  type PgTable,
  type SQL,
  sql,
  strategicObjectives,
  teams,
} from "@meridian/db";
import { type CampaignStatus, type Currency, canManageCampaign } from "@meridian/domain";
import { forbidden, invalidInput, notFound } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";

/** A money or count sum of the campaign's results; blank when nothing was entered (sum of no values). */
const resultSum = (column: "spend" | "conversions" | "revenue"): SQL<number | null> =>
  // Qualified by hand: Drizzle leaves the table name off the columns of a one-table select, and here
  // "id" would then mean campaign_results.id.
  sql`(select sum(r.${sql.identifier(column)})::float8 from ${campaignResults} r where r.organization_id = "campaigns"."organization_id" and r.campaign_id = "campaigns"."id")`.mapWith(
    Number,
  ) as SQL<number | null>;

/** What every read of a campaign returns, with its totals summed from its results in the same statement. */
export const campaignColumns = {
  id: campaigns.id,
  name: campaigns.name,
  channel: campaigns.channel,
  ownerId: campaigns.ownerId,
  teamId: campaigns.teamId,
  status: campaigns.status,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
  budget: campaigns.budget,
  currency: sql<Currency>`${campaigns.currency}`,
  utmSource: campaigns.utmSource,
  utmMedium: campaigns.utmMedium,
  utmCampaign: campaigns.utmCampaign,
  landingUrl: campaigns.landingUrl,
  objectiveId: campaigns.objectiveId,
  keyResultId: campaigns.keyResultId,
  strategicObjectiveId: campaigns.strategicObjectiveId,
  version: campaigns.version,
  spend: resultSum("spend"),
  conversions: resultSum("conversions"),
  revenue: resultSum("revenue"),
};

export type CampaignRow = {
  id: string;
  name: string;
  channel: (typeof campaigns.$inferSelect)["channel"];
  ownerId: string;
  teamId: string | null;
  status: CampaignStatus;
  startsOn: string;
  endsOn: string;
  budget: number | null;
  currency: Currency;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  landingUrl: string;
  objectiveId: string | null;
  keyResultId: string | null;
  strategicObjectiveId: string | null;
  version: number;
  spend: number | null;
  conversions: number | null;
  revenue: number | null;
};

/** One campaign of the organization, with its totals. */
export async function findCampaign(db: Executor, organizationId: string, campaignId: string): Promise<CampaignRow> {
  const [row] = await db
    .select(campaignColumns)
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, organizationId), eq(campaigns.id, campaignId)))
    .limit(1);
  if (!row) throw notFound("This campaign does not exist in this organization.");
  return row as CampaignRow;
}

/** The caller's facts, as the campaign permission rule reads them. */
export const managerOf = (scope: ViewerScope) => ({ role: scope.org.role, teamIds: [...scope.viewer.teamIds] });

export const NOT_YOUR_TEAM = "Members manage only the campaigns of teams they belong to.";

/** Throws unless the caller may manage a campaign of `teamId`. */
export function requireManageable(scope: ViewerScope, teamId: string | null) {
  if (!canManageCampaign({ ...managerOf(scope), campaignTeamId: teamId })) {
    throw forbidden(
      scope.org.role === "member" && teamId === null
        ? "Choose one of your teams: members manage only the campaigns of their teams."
        : NOT_YOUR_TEAM,
    );
  }
}

/** A campaign the caller may manage. */
export async function findManageableCampaign(tx: Executor, scope: ViewerScope, campaignId: string) {
  const campaign = await findCampaign(tx, scope.org.id, campaignId);
  requireManageable(scope, campaign.teamId);
  return campaign;
}

/** The team, objective, key result and strategic objective a campaign names exist in this organization. */
export async function requireLinks(
  tx: Executor,
  organizationId: string,
  links: {
    teamId?: string | null;
    objectiveId?: string | null;
    keyResultId?: string | null;
    strategicObjectiveId?: string | null;
  },
) {
  const checks: [string, string | null | undefined, AnyPgColumn, AnyPgColumn, string][] = [
    ["teamId", links.teamId, teams.organizationId, teams.id, "Choose a team of this organization."],
    [
      "objectiveId",
      links.objectiveId,
      objectives.organizationId,
      objectives.id,
      "Choose an objective of this organization.",
    ],
    [
      "keyResultId",
      links.keyResultId,
      keyResults.organizationId,
      keyResults.id,
      "Choose a key result of this organization.",
    ],
    [
      "strategicObjectiveId",
      links.strategicObjectiveId,
      strategicObjectives.organizationId,
      strategicObjectives.id,
      "Choose a strategic objective of this organization.",
    ],
  ];
  for (const [field, id, orgColumn, idColumn, message] of checks) {
    if (!id) continue;
    const [found] = await tx
      .select({ id: idColumn })
      .from(orgColumn.table as PgTable)
      .where(and(eq(orgColumn, organizationId), eq(idColumn, id)))
      .limit(1);
    if (!found) throw invalidInput(field, message);
  }
}
