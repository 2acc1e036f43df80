import { type Executor, perspectives, strategicObjectives, strategyLinks } from "@meridian/db";
import { findOrgRow } from "./org-rows";

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

export function findPerspective(tx: Executor, organizationId: string, perspectiveId: string) {
  return findOrgRow(tx, perspectives, perspectiveColumns, organizationId, perspectiveId, "No such perspective.");
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
export function findStrategicObjective(tx: Executor, organizationId: string, strategicObjectiveId: string) {
  return findOrgRow(
    tx,
    strategicObjectives,
    strategicObjectiveColumns,
    organizationId,
    strategicObjectiveId,
    "No such strategic objective.",
  );
}

export const strategyLinkColumns = {
  id: strategyLinks.id,
  causeId: strategyLinks.causeId,
  effectId: strategyLinks.effectId,
};

export function findStrategyLink(tx: Executor, organizationId: string, linkId: string) {
  return findOrgRow(
    tx,
    strategyLinks,
    strategyLinkColumns,
    organizationId,
    linkId,
    "No such link on the strategy map.",
  );
}
