import {
  and,
  type Executor,
  eq,
  inArray,
  isNotNull,
  kpis,
  objectives,
  strategicObjectives,
  teamMembers,
} from "@meridian/db";
import type { ScorecardPartSelection } from "@meridian/domain";
import { byIds } from "./review-rows";

/**
 * What of the scorecard a team review shows (ADR 0022), for the team and its
 * sub-teams: the strategic objectives their people own or the review's OKR
 * objectives align to, and the KPIs their people own. Three small reads, each
 * bounded by the team's people or the review's objectives.
 */
export async function teamScorecardSelection(
  db: Executor,
  organizationId: string,
  teamIds: readonly string[],
  okrIds: readonly string[],
): Promise<ScorecardPartSelection> {
  const people = await db
    .selectDistinct({ id: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, organizationId), inArray(teamMembers.teamId, [...teamIds])));
  const personIds = people.map((p) => p.id);
  const [ownedKpis, ownedObjectives, aligned] = await Promise.all([
    personIds.length
      ? db
          .select({ id: kpis.id })
          .from(kpis)
          .where(and(eq(kpis.organizationId, organizationId), inArray(kpis.ownerId, personIds)))
      : Promise.resolve([]),
    personIds.length
      ? db
          .select({ id: strategicObjectives.id })
          .from(strategicObjectives)
          .where(
            and(
              eq(strategicObjectives.organizationId, organizationId),
              inArray(strategicObjectives.ownerId, personIds),
            ),
          )
      : Promise.resolve([]),
    byIds(okrIds, (ids) =>
      db
        .select({ id: objectives.id, strategicObjectiveId: objectives.strategicObjectiveId })
        .from(objectives)
        .where(
          and(
            eq(objectives.organizationId, organizationId),
            inArray(objectives.id, ids),
            isNotNull(objectives.strategicObjectiveId),
          ),
        ),
    ),
  ]);
  return {
    objectiveIds: new Set([
      ...ownedObjectives.map((o) => o.id),
      ...[...aligned.values()].flatMap((o) => (o.strategicObjectiveId ? [o.strategicObjectiveId] : [])),
    ]),
    kpiIds: new Set(ownedKpis.map((k) => k.id)),
  };
}
