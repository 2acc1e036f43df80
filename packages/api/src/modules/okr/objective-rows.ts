import { and, cycles, type Executor, eq, isNull, objectives, teams } from "@meridian/db";
import { canSeeObjective, type Viewer } from "@meridian/domain";
import { notFound, preconditionFailed } from "../../lib/errors";
import { findActiveMember } from "../admin/members";
import { cycleColumns } from "./cycles.queries";

export const objectiveColumns = {
  id: objectives.id,
  cycleId: objectives.cycleId,
  level: objectives.level,
  title: objectives.title,
  description: objectives.description,
  ownerId: objectives.ownerId,
  teamId: objectives.teamId,
  parentId: objectives.parentId,
  strategicObjectiveId: objectives.strategicObjectiveId,
  status: objectives.status,
  visibility: objectives.visibility,
  progressSource: objectives.progressSource,
  weight: objectives.weight,
  version: objectives.version,
};

export type ObjectiveRow = Awaited<ReturnType<typeof findVisibleObjective>>;

/**
 * An objective of this organization the viewer may see. Anything else —
 * another organization's, someone's private one — is NOT_FOUND, never FORBIDDEN.
 */
export async function findVisibleObjective(tx: Executor, organizationId: string, viewer: Viewer, objectiveId: string) {
  const [row] = await tx
    .select(objectiveColumns)
    .from(objectives)
    .where(and(eq(objectives.id, objectiveId), eq(objectives.organizationId, organizationId)))
    .limit(1);
  return visibleOrNotFound(viewer, row);
}

/** As findVisibleObjective, with its cycle read in the same statement (an objective's page needs both). */
export async function findVisibleObjectiveAndCycle(
  tx: Executor,
  organizationId: string,
  viewer: Viewer,
  objectiveId: string,
) {
  const [found] = await tx
    .select({ objective: objectiveColumns, cycle: cycleColumns })
    .from(objectives)
    .innerJoin(cycles, and(eq(cycles.organizationId, objectives.organizationId), eq(cycles.id, objectives.cycleId)))
    .where(and(eq(objectives.id, objectiveId), eq(objectives.organizationId, organizationId)))
    .limit(1);
  return { objective: visibleOrNotFound(viewer, found?.objective), cycle: found?.cycle };
}

export function visibleOrNotFound<T extends Parameters<typeof canSeeObjective>[1]>(
  viewer: Viewer,
  row: T | undefined,
): T {
  if (!row || !canSeeObjective(viewer, row)) throw notFound("No such objective.");
  return row;
}

export async function findCycle(tx: Executor, organizationId: string, cycleId: string) {
  const [cycle] = await tx
    .select(cycleColumns)
    .from(cycles)
    .where(and(eq(cycles.id, cycleId), eq(cycles.organizationId, organizationId)))
    .limit(1);
  if (!cycle) throw notFound("No such cycle.");
  return cycle;
}

export async function requireActiveTeam(tx: Executor, organizationId: string, teamId: string) {
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organizationId, organizationId), isNull(teams.archivedAt)))
    .limit(1);
  if (!team) throw notFound("No such team.");
}

/** An active member of this organization, or NOT_FOUND. */
export async function requireActivePerson(tx: Executor, organizationId: string, userId: string) {
  await findActiveMember(tx, organizationId, userId);
}

/** Objectives are planned in cycles that have not closed; closing freezes them. */
export function requireOpenForPlanning(cycle: { status: string }) {
  if (cycle.status === "closed") {
    throw preconditionFailed("This cycle is closed: its objectives are frozen.");
  }
}

/** Closed and archived objectives keep what they hold, key results included. */
export function requireChangeable(objective: { status: string }) {
  if (objective.status === "closed" || objective.status === "archived") {
    throw preconditionFailed("A closed or archived objective cannot change.");
  }
}
