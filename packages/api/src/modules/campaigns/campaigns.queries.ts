import {
  and,
  asc,
  campaignResults,
  campaigns,
  desc,
  eq,
  experiments,
  keyResults,
  objectives,
  type SQL,
  sql,
  strategicObjectives,
  teams,
  users,
} from "@meridian/db";
import {
  campaignFigures,
  canManageCampaign,
  MAX_CALENDAR_CAMPAIGNS,
  type TCampaignCalendar,
  type TCampaignFilters,
  type TCampaignList,
  taggedLink,
} from "@meridian/domain";
import { invalidInput } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { afterCampaignCursor, encodeCampaignCursor } from "./campaign-cursor";
import { type CampaignRow, campaignColumns, findCampaign, managerOf } from "./campaign-rows";

/** The filters every campaign read shares, in SQL. */
export function campaignFilters(organizationId: string, input: TCampaignFilters): SQL[] {
  const filters: SQL[] = [eq(campaigns.organizationId, organizationId)];
  if (input.channel) filters.push(eq(campaigns.channel, input.channel));
  if (input.teamId) filters.push(eq(campaigns.teamId, input.teamId));
  if (input.ownerId) filters.push(eq(campaigns.ownerId, input.ownerId));
  if (input.status) filters.push(eq(campaigns.status, input.status));
  return filters;
}

const withNames = { campaign: campaignColumns, ownerName: users.name, teamName: teams.name };

/** A campaign as lists and the calendar show it: its row, names, figures and whether the caller may change it. */
function present(scope: ViewerScope, row: { campaign: unknown; ownerName: string; teamName: string | null }) {
  const c = row.campaign as CampaignRow;
  return {
    ...c,
    owner: { id: c.ownerId, name: row.ownerName },
    team: c.teamId && row.teamName !== null ? { id: c.teamId, name: row.teamName } : null,
    figures: campaignFigures(c),
    canManage: canManageCampaign({ ...managerOf(scope), campaignTeamId: c.teamId }),
  };
}
export type CampaignView = ReturnType<typeof present>;

function selectCampaigns(scope: ViewerScope) {
  return scope.db
    .select(withNames)
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .leftJoin(teams, and(eq(teams.organizationId, campaigns.organizationId), eq(teams.id, campaigns.teamId)));
}

/** One page of campaigns, newest first; filters and paging in SQL. */
export async function listCampaigns(scope: ViewerScope, input: TCampaignList) {
  const filters = campaignFilters(scope.org.id, input);
  if (input.from && input.to && input.to < input.from) throw invalidInput("to", "The window ends before it starts.");
  if (input.to) filters.push(sql`${campaigns.startsOn} <= ${input.to}::date`);
  if (input.from) filters.push(sql`${campaigns.endsOn} >= ${input.from}::date`);
  const after = afterCampaignCursor(input.cursor);
  if (after) filters.push(after);
  const rows = await selectCampaigns(scope)
    .where(and(...filters))
    .orderBy(desc(campaigns.startsOn), desc(campaigns.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit).map((r) => present(scope, r));
  const last = page.at(-1);
  return { campaigns: page, nextCursor: rows.length > input.limit && last ? encodeCampaignCursor(last) : null };
}

/** The campaigns overlapping a window of dates, by start; at most MAX_CALENDAR_CAMPAIGNS (then `truncated`). */
export async function calendarCampaigns(scope: ViewerScope, input: TCampaignCalendar) {
  const filters = campaignFilters(scope.org.id, input);
  filters.push(sqlOverlap(input.from, input.to));
  const rows = await selectCampaigns(scope)
    .where(and(...filters))
    .orderBy(asc(campaigns.startsOn), asc(campaigns.id))
    .limit(MAX_CALENDAR_CAMPAIGNS + 1);
  return {
    campaigns: rows.slice(0, MAX_CALENDAR_CAMPAIGNS).map((r) => present(scope, r)),
    truncated: rows.length > MAX_CALENDAR_CAMPAIGNS,
  };
}

/** Campaigns running on any day of [from, to]. */
export const sqlOverlap = (from: string, to: string) =>
  sql`${campaigns.startsOn} <= ${to}::date and ${campaigns.endsOn} >= ${from}::date`;

/** Everything a campaign's page shows: the campaign, its links' names, its results per period and its tagged link. */
export async function getCampaign(scope: ViewerScope, campaignId: string) {
  const c = await findCampaign(scope.db, scope.org.id, campaignId);
  const [names] = await scope.db
    .select({
      ownerName: users.name,
      teamName: teams.name,
      objectiveTitle: objectives.title,
      keyResultTitle: keyResults.title,
      keyResultObjectiveId: keyResults.objectiveId,
      strategicObjectiveName: strategicObjectives.name,
    })
    .from(campaigns)
    .innerJoin(users, eq(users.id, campaigns.ownerId))
    .leftJoin(teams, and(eq(teams.organizationId, campaigns.organizationId), eq(teams.id, campaigns.teamId)))
    .leftJoin(
      objectives,
      and(eq(objectives.organizationId, campaigns.organizationId), eq(objectives.id, campaigns.objectiveId)),
    )
    .leftJoin(
      keyResults,
      and(eq(keyResults.organizationId, campaigns.organizationId), eq(keyResults.id, campaigns.keyResultId)),
    )
    .leftJoin(
      strategicObjectives,
      and(
        eq(strategicObjectives.organizationId, campaigns.organizationId),
        eq(strategicObjectives.id, campaigns.strategicObjectiveId),
      ),
    )
    .where(and(eq(campaigns.organizationId, scope.org.id), eq(campaigns.id, campaignId)))
    .limit(1);
  const results = await scope.db
    .select({
      periodStart: campaignResults.periodStart,
      spend: campaignResults.spend,
      conversions: campaignResults.conversions,
      revenue: campaignResults.revenue,
      source: campaignResults.source,
    })
    .from(campaignResults)
    .where(and(eq(campaignResults.organizationId, scope.org.id), eq(campaignResults.campaignId, campaignId)))
    .orderBy(asc(campaignResults.periodStart));
  // The experiments run within it (a landing page, a subject line), newest first.
  const serving = await scope.db
    .select({
      id: experiments.id,
      name: experiments.name,
      status: experiments.status,
      decision: experiments.decision,
    })
    .from(experiments)
    .where(and(eq(experiments.organizationId, scope.org.id), eq(experiments.campaignId, campaignId)))
    .orderBy(desc(experiments.createdAt), desc(experiments.id))
    .limit(50);
  const named = (id: string | null, name: string | null | undefined) => (id && name ? { id, name } : null);
  return {
    ...present(scope, { campaign: c, ownerName: names?.ownerName ?? "", teamName: names?.teamName ?? null }),
    objective: named(c.objectiveId, names?.objectiveTitle),
    keyResult:
      c.keyResultId && names?.keyResultTitle && names.keyResultObjectiveId
        ? { id: c.keyResultId, name: names.keyResultTitle, objectiveId: names.keyResultObjectiveId }
        : null,
    strategicObjective: named(c.strategicObjectiveId, names?.strategicObjectiveName),
    taggedLink: taggedLink(c.landingUrl, { source: c.utmSource, medium: c.utmMedium, campaign: c.utmCampaign }),
    results,
    experiments: serving,
  };
}
