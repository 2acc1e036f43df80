import { and, asc, type Database, eq, inArray, isNull, keyResults, objectives, teams, users } from "@meridian/db";
import {
  canCheckInOnKeyResult,
  canSeeObjective,
  countsTowardRollup,
  expectedByNow,
  type KeyResultType,
  type KeyResultUnit,
  keyResultProgress,
  type ObjectiveLevel,
  type ObjectiveStatus,
  type ProgressSource,
  type ProgressStatus,
  progressStatus,
  rollupObjectives,
  type Viewer,
  type Visibility,
} from "@meridian/domain";
import type { CycleView } from "./cycles.queries";

export interface KeyResultView {
  id: string;
  objectiveId: string;
  version: number;
  title: string;
  type: KeyResultType;
  startValue: number;
  targetValue: number;
  currentValue: number | null;
  currentConfidence: number | null;
  lastCheckInAt: Date | null;
  unit: KeyResultUnit;
  unitLabel: string;
  weight: number;
  owner: { id: string; name: string };
  progress: number;
  hasData: boolean;
  status: ProgressStatus;
  canCheckIn: boolean;
  gradeOverride: number | null;
  gradeReason: string;
}

export interface ObjectiveNode {
  id: string;
  cycleId: string;
  title: string;
  description: string;
  level: ObjectiveLevel;
  status: ObjectiveStatus;
  visibility: Visibility;
  progressSource: ProgressSource;
  weight: number;
  version: number;
  owner: { id: string; name: string };
  team: { id: string; name: string } | null;
  parentId: string | null;
  progress: number;
  hasData: boolean;
  progressStatus: ProgressStatus;
  keyResults: KeyResultView[];
  children: ObjectiveNode[];
}

export interface Dashboard {
  cycle: CycleView;
  expected: number;
  /** Objectives with no visible parent, each with the visible objectives aligned under it. */
  roots: ObjectiveNode[];
  totals: Record<ProgressStatus, number>;
}

/**
 * The objectives of one cycle that `viewer` may see, with key results, rolled-up
 * progress and status. Two queries (objectives, key results) whatever the number of objectives.
 */
export async function loadDashboard(
  db: Database,
  organizationId: string,
  viewer: Viewer,
  cycle: CycleView,
  now: Date,
): Promise<Dashboard> {
  const objectiveRows = await db
    .select({
      id: objectives.id,
      cycleId: objectives.cycleId,
      title: objectives.title,
      description: objectives.description,
      version: objectives.version,
      level: objectives.level,
      status: objectives.status,
      visibility: objectives.visibility,
      progressSource: objectives.progressSource,
      weight: objectives.weight,
      parentId: objectives.parentId,
      ownerId: objectives.ownerId,
      ownerName: users.name,
      teamId: objectives.teamId,
      teamName: teams.name,
    })
    .from(objectives)
    .innerJoin(users, eq(users.id, objectives.ownerId))
    .leftJoin(teams, eq(teams.id, objectives.teamId))
    .where(and(eq(objectives.organizationId, organizationId), eq(objectives.cycleId, cycle.id)))
    .orderBy(asc(objectives.createdAt), asc(objectives.id));
  const live = objectiveRows.filter((o) => o.status !== "archived");

  const krRows = live.length
    ? await db
        .select({
          id: keyResults.id,
          objectiveId: keyResults.objectiveId,
          version: keyResults.version,
          gradeOverride: keyResults.gradeOverride,
          gradeReason: keyResults.gradeReason,
          title: keyResults.title,
          type: keyResults.type,
          startValue: keyResults.startValue,
          targetValue: keyResults.targetValue,
          currentValue: keyResults.currentValue,
          currentConfidence: keyResults.currentConfidence,
          lastCheckInAt: keyResults.lastCheckInAt,
          unit: keyResults.unit,
          unitLabel: keyResults.unitLabel,
          weight: keyResults.weight,
          ownerId: keyResults.ownerId,
          ownerName: users.name,
        })
        .from(keyResults)
        .innerJoin(users, eq(users.id, keyResults.ownerId))
        .where(
          and(
            eq(keyResults.organizationId, organizationId),
            inArray(
              keyResults.objectiveId,
              live.map((o) => o.id),
            ),
            isNull(keyResults.archivedAt),
          ),
        )
        // Created together in one statement, key results share a timestamp: the id keeps the order stable.
        .orderBy(asc(keyResults.createdAt), asc(keyResults.id))
    : [];

  const expected = expectedByNow(cycle.start, cycle.end, now);
  const objectiveById = new Map(live.map((o) => [o.id, o]));
  const cycleIsOpen = cycle.status === "open";

  const krsByObjective = new Map<string, KeyResultView[]>();
  for (const kr of krRows) {
    const objective = objectiveById.get(kr.objectiveId);
    const p = keyResultProgress(kr, kr.currentValue);
    const view: KeyResultView = {
      id: kr.id,
      objectiveId: kr.objectiveId,
      version: kr.version,
      gradeOverride: kr.gradeOverride,
      gradeReason: kr.gradeReason,
      title: kr.title,
      type: kr.type,
      startValue: kr.startValue,
      targetValue: kr.targetValue,
      currentValue: kr.currentValue,
      currentConfidence: kr.currentConfidence,
      lastCheckInAt: kr.lastCheckInAt,
      unit: kr.unit,
      unitLabel: kr.unitLabel,
      weight: kr.weight,
      owner: { id: kr.ownerId, name: kr.ownerName },
      progress: p.progress,
      hasData: p.hasData,
      status: progressStatus(p, expected, kr.currentConfidence),
      canCheckIn:
        cycleIsOpen &&
        objective?.status === "active" &&
        canCheckInOnKeyResult({
          role: viewer.role,
          userId: viewer.userId,
          keyResultOwnerId: kr.ownerId,
          leadsObjectiveTeam: objective.teamId !== null && viewer.ledTeamIds.has(objective.teamId),
        }),
    };
    const list = krsByObjective.get(kr.objectiveId) ?? [];
    list.push(view);
    krsByObjective.set(kr.objectiveId, list);
  }

  // Progress is the same for everyone: computed over every counting objective, visible or not.
  const rollup = rollupObjectives(
    live
      .filter((o) => countsTowardRollup(o.status))
      .map((o) => ({
        id: o.id,
        parentId: o.parentId,
        weight: o.weight,
        progressSource: o.progressSource,
        keyResults: krsByObjective.get(o.id) ?? [],
      })),
  );

  const visible = live.filter((o) =>
    canSeeObjective(viewer, { ownerId: o.ownerId, teamId: o.teamId, visibility: o.visibility, status: o.status }),
  );
  const visibleIds = new Set(visible.map((o) => o.id));
  const nodes = new Map<string, ObjectiveNode>();
  for (const o of visible) {
    const p = rollup.get(o.id) ?? { progress: 0, hasData: false };
    const lowestConfidence = minConfidence(krsByObjective.get(o.id) ?? []);
    nodes.set(o.id, {
      id: o.id,
      cycleId: o.cycleId,
      title: o.title,
      description: o.description,
      version: o.version,
      level: o.level,
      status: o.status,
      visibility: o.visibility,
      progressSource: o.progressSource,
      weight: o.weight,
      owner: { id: o.ownerId, name: o.ownerName },
      team: o.teamId && o.teamName ? { id: o.teamId, name: o.teamName } : null,
      // A parent the viewer may not see is not named, not even by id.
      parentId: o.parentId && visibleIds.has(o.parentId) ? o.parentId : null,
      progress: p.progress,
      hasData: p.hasData,
      progressStatus: progressStatus(p, expected, lowestConfidence),
      keyResults: krsByObjective.get(o.id) ?? [],
      children: [],
    });
  }
  const roots: ObjectiveNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }

  const totals: Record<ProgressStatus, number> = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const node of nodes.values()) totals[node.progressStatus]++;

  return { cycle, expected, roots: sortRoots(roots), totals };
}

function minConfidence(krs: readonly KeyResultView[]): number | null {
  const values = krs.map((k) => k.currentConfidence).filter((c): c is number => c !== null);
  return values.length ? Math.min(...values) : null;
}

const LEVEL_ORDER: Record<ObjectiveLevel, number> = { company: 0, team: 1, personal: 2 };
function sortRoots(roots: ObjectiveNode[]): ObjectiveNode[] {
  return [...roots].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}
