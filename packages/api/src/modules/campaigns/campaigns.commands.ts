import { and, campaignResults, campaigns, type Executor, eq, type PgUpdateSetSource } from "@meridian/db";
import { END_BEFORE_START, type TCampaignCreate, type TCampaignMove, type TCampaignUpdate } from "@meridian/domain";
import { requireActiveOwner } from "../../lib/active-owner";
import { activityBy, recordActivity } from "../../lib/activity";
import { editConflict, invalidInput } from "../../lib/errors";
import type { ViewerScope } from "../../lib/scope";
import { auditedUpdate } from "../../lib/versioned-update";
import {
  type CampaignRow,
  findCampaign,
  findManageableCampaign,
  requireLinks,
  requireManageable,
} from "./campaign-rows";

const returning = {
  id: campaigns.id,
  version: campaigns.version,
  startsOn: campaigns.startsOn,
  endsOn: campaigns.endsOn,
};

export async function createCampaign(scope: ViewerScope, input: TCampaignCreate) {
  requireManageable(scope, input.teamId);
  return scope.db.transaction(async (tx) => {
    await requireActiveOwner(tx, scope.org.id, input.ownerId);
    await requireLinks(tx, scope.org.id, input);
    const [created] = await tx
      .insert(campaigns)
      .values({ organizationId: scope.org.id, ...input })
      .returning({ id: campaigns.id, name: campaigns.name, version: campaigns.version });
    if (!created) throw new Error("Campaign was not created");
    await recordActivity(tx, activityBy(scope, "campaign", created.id, "campaign.created", input));
    return created;
  });
}

/** The campaign at the version the caller read: a stale version is a conflict, with what it holds now. */
async function findCampaignAt(tx: Executor, scope: ViewerScope, campaignId: string, version: number) {
  const campaign = await findManageableCampaign(tx, scope, campaignId);
  if (campaign.version !== version) throw editConflict("campaign", campaign);
  return campaign;
}

function updateCampaign(
  tx: Executor,
  scope: ViewerScope,
  campaign: CampaignRow,
  set: PgUpdateSetSource<typeof campaigns>,
  action: string,
  details: Record<string, unknown>,
) {
  return auditedUpdate(tx, {
    table: campaigns,
    id: campaign.id,
    version: campaign.version,
    set,
    returning,
    conflict: { what: "campaign", current: () => findCampaign(tx, scope.org.id, campaign.id) },
    activity: activityBy(scope, "campaign", campaign.id, action, details),
  });
}

/** Changes a campaign's fields; the caller names the version they read. */
export async function updateCampaignDetails(scope: ViewerScope, input: TCampaignUpdate) {
  return scope.db.transaction(async (tx) => {
    const campaign = await findCampaignAt(tx, scope, input.campaignId, input.version);
    const { campaignId: _, version: __, ...changes } = input;
    const given = Object.fromEntries(
      Object.entries(changes).filter(([, v]) => v !== undefined),
    ) as Partial<CampaignRow>;
    const merged = { ...campaign, ...given };
    if (merged.endsOn < merged.startsOn) throw invalidInput("endsOn", END_BEFORE_START);
    // Moving a campaign to another team needs the right to manage campaigns of that team too.
    if (given.teamId !== undefined && given.teamId !== campaign.teamId) requireManageable(scope, merged.teamId);
    if (given.ownerId !== undefined && given.ownerId !== campaign.ownerId) {
      await requireActiveOwner(tx, scope.org.id, given.ownerId);
    }
    if (given.currency !== undefined && given.currency !== campaign.currency) {
      const [entered] = await tx
        .select({ id: campaignResults.id })
        .from(campaignResults)
        .where(and(eq(campaignResults.organizationId, scope.org.id), eq(campaignResults.campaignId, campaign.id)))
        .limit(1);
      if (entered) {
        throw invalidInput(
          "currency",
          `Results are entered in ${campaign.currency}; the currency can no longer change.`,
        );
      }
    }
    await requireLinks(tx, scope.org.id, given);
    return updateCampaign(tx, scope, campaign, given, "campaign.updated", {
      before: Object.fromEntries(Object.keys(given).map((k) => [k, campaign[k as keyof CampaignRow]])),
      after: given,
    });
  });
}

/** A drag on the calendar (or new dates typed in the form): versioned like every edit. */
export async function moveCampaign(scope: ViewerScope, input: TCampaignMove) {
  return scope.db.transaction(async (tx) => {
    const campaign = await findCampaignAt(tx, scope, input.campaignId, input.version);
    return updateCampaign(tx, scope, campaign, { startsOn: input.startsOn, endsOn: input.endsOn }, "campaign.moved", {
      before: { startsOn: campaign.startsOn, endsOn: campaign.endsOn },
      after: { startsOn: input.startsOn, endsOn: input.endsOn },
    });
  });
}
