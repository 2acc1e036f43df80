import { and, type Executor, eq, perspectives, strategicObjectives, strategyLinks } from "@meridian/db";
import { notFound } from "../../lib/errors";

/**
 * Row lookups of the strategy, each scoped by organization: a row of another
 * organization is NOT_FOUND, exactly like one that does not exist.
 */

export const perspectiveColumns = {
  id: perspectives.id,
  name: perspectives.name,
  position: perspectives.position,
  weight: perspectives.weight,
  version: perspectives.version,
};

export async function findPerspective(tx: Executor, organizationId: string, perspectiveId: string) {
  const [row] = await tx
    .select(perspectiveColumns)
    .from(perspectives)
    .where(and(eq(perspectives.id, perspectiveId), eq(perspectives.organizationId, organizationId)))
    .limit(1);
  if (!row) throw notFound("No such perspective.");
  return row;
}

export const strategicObjectiveColumns = {
  id: strategicObjectives.id,
  perspectiveId: strategicObjectives.perspectiveId,
  name: strategicObjectives.name,
  description: strategicObjectives.description,
  ownerId: strategicObjectives.ownerId,
  weight: strategicObjectives.weight,
  version: strategicObjectives.version,
};

/** A strategic objective of this organization (also what KPIs and OKR objectives align to). */
export async function findStrategicObjective(tx: Executor, organizationId: string, strategicObjectiveId: string) {
  const [row] = await tx
    .select(strategicObjectiveColumns)
    .from(strategicObjectives)
    .where(
      and(eq(strategicObjectives.id, strategicObjectiveId), eq(strategicObjectives.organizationId, organizationId)),
    )
    .limit(1);
  if (!row) throw notFound("No such strategic objective.");
  return row;
}

export async function findStrategyLink(tx: Executor, organizationId: string, linkId: string) {
  const [row] = await tx
    .select({ id: strategyLinks.id, causeId: strategyLinks.causeId, effectId: strategyLinks.effectId })
    .from(strategyLinks)
    .where(and(eq(strategyLinks.id, linkId), eq(strategyLinks.organizationId, organizationId)))
    .limit(1);
  if (!row) throw notFound("No such link on the strategy map.");
  return row;
}
