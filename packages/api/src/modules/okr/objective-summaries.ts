import {
  alias,
  and,
  asc,
  eq,
  keyResults,
  objectives,
  type SelectedFields,
  type SelectResultFields,
  type SQL,
  sql,
  teams,
  users,
} from "@meridian/db";
import {
  canCheckInOnKeyResult,
  effectiveGrade,
  type KeyResultType,
  type KeyResultUnit,
  keyResultGrade,
  keyResultProgress,
  type ObjectiveLevel,
  type ObjectiveStatus,
  objectiveGrade,
  type ProgressSource,
  type ProgressStatus,
  progressStatus,
  suggestedGrade,
  type Viewer,
  type Visibility,
} from "@meridian/domain";
import { jsonObject } from "../../lib/json-object";
import type { ViewerScope } from "../../lib/scope";
import { sqlArray } from "../../lib/sql-array";
import type { CycleView } from "./cycles.queries";
import { afterCursor, cursorKeyColumns, encodeCursor, OBJECTIVE_ORDER } from "./objective-cursor";
import { type ViewerPlaceholders, visibleTo } from "./objective-filters";

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
  /** What Meridian suggests at close: the progress clamped to 0–1 (`suggestedGrade`). */
  suggestedGrade: number;
  /** The grade that counts: the owner's override, else the suggestion (`effectiveGrade`). */
  grade: number;
}

/** What a list, the dashboard or a branch shows of an objective: its stored rollup, no key results. */
export interface ObjectiveSummary {
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
  /** The objective it aligns to, when the viewer may see it (same cycle, not archived); else null. */
  parentId: string | null;
  progress: number;
  hasData: boolean;
  progressStatus: ProgressStatus;
  keyResultCount: number;
  /** Objectives aligned under it that the viewer may see. */
  alignedCount: number;
}

/** A summary with its key results: what a page that shows them reads. */
export interface ObjectiveNode extends ObjectiveSummary {
  keyResults: KeyResultView[];
  /** The weighted mean of its key results' grades (`objectiveGrade`); null with nothing to grade. */
  grade: number | null;
}

/** An objective's grade from its key results as served: computed once, by the domain. */
export const gradeOf = (keyResults: readonly KeyResultView[]): number | null =>
  objectiveGrade(keyResults.map(keyResultGrade));

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * One page of the objectives matching `where` that the viewer may see, each
 * with its stored rollup, its visible parent and how many visible objectives
 * align under it: one statement, whatever the size of the cycle.
 */
export async function summaryPage(
  scope: ViewerScope,
  expected: number,
  where: SQL | undefined,
  /** `limit: null` reads every match: for a review's snapshot, never for a page. */
  page: { cursor?: string | null; limit: number | null },
): Promise<Page<ObjectiveSummary>> {
  const { rows, nextCursor } = await summaryRows(scope, where, page, false);
  return { items: rows.map((r) => toSummary(r, expected)), nextCursor };
}

/**
 * As summaryPage, each objective with its active key results, nested in the same statement:
 * a list that shows key results costs one round trip, not two.
 */
export async function nodePage(
  scope: ViewerScope,
  cycle: Pick<CycleView, "status">,
  expected: number,
  where: SQL | undefined,
  page: { cursor?: string | null; limit: number },
): Promise<Page<ObjectiveNode>> {
  const { rows, nextCursor } = await summaryRows(scope, where, page, true);
  return { items: rows.map((r) => toNode(scope.viewer, cycle, expected, r)), nextCursor };
}

/** A summary row read with its key results (nodePage, summaryRowsJson), as the viewer sees it. */
export function toNode(
  viewer: Viewer,
  cycle: Pick<CycleView, "status">,
  expected: number,
  r: SummaryRow,
): ObjectiveNode {
  const summary = toSummary(r, expected);
  const objective = { status: summary.status, teamId: summary.team?.id ?? null };
  const krs = toKeyResultViews(viewer, cycle, expected, objective, r.keyResults ?? []);
  return { ...summary, keyResults: krs, grade: gradeOf(krs) };
}

/** An active key result as the page statement nests it (JSON: instants arrive as strings). */
export type KeyResultJson = Omit<KeyResultRow, "lastCheckInAt"> & { lastCheckInAt: string | null };

async function summaryRows(
  scope: ViewerScope,
  where: SQL | undefined,
  page: { cursor?: string | null; limit: number | null },
  nestKeyResults: boolean,
) {
  const query = summarySelect(scope, summaryFields(scope.viewer, nestKeyResults), where, page.cursor);
  const rows = (page.limit === null ? await query : await query.limit(page.limit + 1)) as SummaryRow[];
  return pageOf(rows, page.limit);
}

/** The rows of a page (one more was read to know whether there is a next one) and its cursor. */
export function pageOf<T extends { id: string; cursorLevel: ObjectiveLevel; cursorCreatedAt: string }>(
  rows: T[],
  limit: number | null,
): { rows: T[]; nextCursor: string | null } {
  const more = limit !== null && rows.length > limit;
  const shown = more ? rows.slice(0, limit ?? undefined) : rows;
  const last = shown.at(-1);
  return { rows: shown, nextCursor: more && last ? encodeCursor(last) : null };
}

/** What a summary reads of an objective, its owner, team, visible parent and aligned children. */
function summaryFields(viewer: Viewer | ViewerPlaceholders, nestKeyResults: boolean) {
  const child = alias(objectives, "child");
  return {
    id: objectives.id,
    cycleId: objectives.cycleId,
    title: objectives.title,
    description: objectives.description,
    level: objectives.level,
    status: objectives.status,
    visibility: objectives.visibility,
    progressSource: objectives.progressSource,
    weight: objectives.weight,
    version: objectives.version,
    ownerId: objectives.ownerId,
    ownerName: users.name,
    teamId: objectives.teamId,
    teamName: teams.name,
    visibleParentId: SUMMARY_PARENT.id,
    progress: objectives.progress,
    hasData: objectives.progressHasData,
    lowestConfidence: objectives.lowestConfidence,
    keyResultCount: objectives.keyResultCount,
    alignedCount: sql<number>`(
        select count(*)::int from "objectives" ${child}
        where ${child.organizationId} = ${objectives.organizationId} and ${child.parentId} = ${objectives.id}
          and ${child.cycleId} = ${objectives.cycleId} and ${child.status} <> 'archived' and ${visibleTo(viewer, child)}
      )`,
    keyResults: nestKeyResults ? nestedKeyResults() : sql<null>`null`,
    ...cursorKeyColumns,
  };
}

const SUMMARY_PARENT = alias(objectives, "parent");

/**
 * The objectives matching `where` (after the cursor) that the viewer may see, in page order, with
 * their owner, team and visible parent joined: the rows `fields` are read from.
 */
function summarySelect(
  scope: SqlScope,
  fields: SelectedFields,
  where: SQL | undefined,
  cursor: string | null | undefined,
) {
  const parent = SUMMARY_PARENT;
  return scope.db
    .select(fields)
    .from(objectives)
    .innerJoin(users, eq(users.id, objectives.ownerId))
    .leftJoin(teams, and(eq(teams.organizationId, objectives.organizationId), eq(teams.id, objectives.teamId)))
    .leftJoin(
      parent,
      and(
        eq(parent.organizationId, objectives.organizationId),
        eq(parent.id, objectives.parentId),
        eq(parent.cycleId, objectives.cycleId),
        // Constants are written into the SQL, not bound: a bound one could equal a runShaped value.
        sql`${parent.status} <> 'archived'`,
        visibleTo(scope.viewer, parent),
      ),
    )
    .where(
      and(
        eq(objectives.organizationId, scope.org.id),
        sql`${objectives.status} <> 'archived'`,
        visibleTo(scope.viewer, objectives),
        where,
        afterCursor(cursor),
      ),
    )
    .orderBy(...OBJECTIVE_ORDER.map((c) => asc(c)));
}

/**
 * As summaryRows, as SQL that yields the page as one JSON array of summary rows (one more than
 * `limit`, in page order), for a statement that reads a page beside other things (an objective's page).
 */
export function summaryRowsJson(
  scope: SqlScope,
  where: SQL | undefined,
  /** A placeholder `limit` is the number of rows to read: one more than the page. */
  page: { cursor?: string | null; limit: number | ReturnType<typeof sql.placeholder> },
  nestKeyResults: boolean,
): SQL<SummaryRowJson[]> {
  const fields = summaryFields(scope.viewer, nestKeyResults);
  const rows = summarySelect(
    scope,
    {
      j: jsonObject(fields).as("j"),
      n: sql<number>`row_number() over (order by ${sql.join([...OBJECTIVE_ORDER], sql`, `)})`.as("n"),
    },
    where,
    page.cursor,
  ).limit(typeof page.limit === "number" ? page.limit + 1 : page.limit);
  return sql<SummaryRowJson[]>`(select coalesce(json_agg(page.j order by page.n), '[]'::json) from (${rows}) page)`;
}

/**
 * What a summary statement is scoped by: a request's scope, or (for runShaped) one whose
 * organization and viewer are placeholders.
 */
export interface SqlScope {
  db: ViewerScope["db"];
  org: { id: string | ReturnType<typeof sql.placeholder> };
  viewer: Viewer | ViewerPlaceholders;
}

/** The scope with its organization and viewer as placeholders (org; viewerValues), for runShaped. */
export function boundScope(scope: ViewerScope): SqlScope {
  return { db: scope.db, org: { id: sql.placeholder("org") }, viewer: { role: scope.viewer.role, placeholders: true } };
}

/** A summary row as summaryRowsJson nests it (its key results too, as nodePage reads them). */
export type SummaryRowJson = SummaryRow;

type SummaryRow = SelectResultFields<ReturnType<typeof summaryFields>>;

export function toSummary(r: SummaryRow, expected: number): ObjectiveSummary {
  return {
    id: r.id,
    cycleId: r.cycleId,
    title: r.title,
    description: r.description,
    level: r.level,
    status: r.status,
    visibility: r.visibility,
    progressSource: r.progressSource,
    weight: r.weight,
    version: r.version,
    owner: { id: r.ownerId, name: r.ownerName },
    team: r.teamId && r.teamName ? { id: r.teamId, name: r.teamName } : null,
    parentId: r.visibleParentId,
    progress: r.progress,
    hasData: r.hasData,
    progressStatus: progressStatus({ progress: r.progress, hasData: r.hasData }, expected, r.lowestConfidence),
    keyResultCount: r.keyResultCount,
    alignedCount: r.alignedCount,
  };
}

/**
 * The active key results of the objective in the enclosing query's row (`objectives`, unaliased),
 * as a JSON array in keyResultViews' order; map with toKeyResultViews.
 */
export function nestedKeyResults() {
  const kr = alias(keyResults, "kr");
  const owner = alias(users, "kr_owner");
  return sql<KeyResultJson[]>`(
    select coalesce(json_agg(json_build_object(
      'id', ${kr.id}, 'objectiveId', ${kr.objectiveId}, 'version', ${kr.version},
      'gradeOverride', ${kr.gradeOverride}, 'gradeReason', ${kr.gradeReason}, 'title', ${kr.title},
      'type', ${kr.type}, 'startValue', ${kr.startValue}, 'targetValue', ${kr.targetValue},
      'currentValue', ${kr.currentValue}, 'currentConfidence', ${kr.currentConfidence},
      'lastCheckInAt', ${kr.lastCheckInAt}, 'unit', ${kr.unit}, 'unitLabel', ${kr.unitLabel},
      'weight', ${kr.weight}, 'ownerId', ${kr.ownerId}, 'ownerName', ${owner.name}
    ) order by ${kr.position}, ${kr.createdAt}, ${kr.id}), '[]')
    from "key_results" ${kr} join "users" ${owner} on ${owner.id} = ${kr.ownerId}
    where ${kr.organizationId} = ${objectives.organizationId} and ${kr.objectiveId} = ${objectives.id}
      and ${kr.archivedAt} is null
  )`;
}

/** The active key results of these objectives, in their order, as the viewer sees them. */
export async function keyResultViews(
  scope: ViewerScope,
  cycle: Pick<CycleView, "status">,
  expected: number,
  owners: readonly { id: string; status: ObjectiveStatus; teamId: string | null }[],
): Promise<Map<string, KeyResultView[]>> {
  const byObjective = new Map<string, KeyResultView[]>(owners.map((o) => [o.id, []]));
  if (!owners.length) return byObjective;
  const rows = await scope.db
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
        eq(keyResults.organizationId, scope.org.id),
        sql`${keyResults.objectiveId} = any(${sqlArray(
          owners.map((o) => o.id),
          "uuid",
        )})`,
        sql`${keyResults.archivedAt} is null`,
      ),
    )
    // The order they were written in (position), as nestedKeyResults orders them; created_at and id break
    // ties between rows written before positions were kept (and bulk loads that leave them 0).
    .orderBy(asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  for (const kr of rows) {
    const objective = ownerById.get(kr.objectiveId);
    const list = byObjective.get(kr.objectiveId);
    if (!objective || !list) continue;
    list.push(toKeyResultView(scope.viewer, cycle, expected, objective, kr));
  }
  return byObjective;
}

/** Key results as nestedKeyResults reads them, as the viewer sees them (an objective's branch). */
export function toKeyResultViews(
  viewer: Viewer,
  cycle: Pick<CycleView, "status">,
  expected: number,
  objective: { status: ObjectiveStatus; teamId: string | null },
  rows: readonly KeyResultJson[],
): KeyResultView[] {
  return rows.map((kr) =>
    keyResultView(
      viewer,
      cycle,
      expected,
      objective,
      kr,
      kr.lastCheckInAt === null ? null : new Date(kr.lastCheckInAt),
    ),
  );
}

/** A key result as read, before its progress and grades are worked out: the view's stored fields. */
export type KeyResultRow = Omit<
  KeyResultView,
  "owner" | "progress" | "hasData" | "status" | "canCheckIn" | "suggestedGrade" | "grade"
> & { ownerId: string; ownerName: string };

export function toKeyResultView(
  viewer: Viewer,
  cycle: Pick<CycleView, "status">,
  expected: number,
  objective: { status: ObjectiveStatus; teamId: string | null },
  kr: KeyResultRow,
): KeyResultView {
  return keyResultView(viewer, cycle, expected, objective, kr, kr.lastCheckInAt);
}

/**
 * toKeyResultView, its fields named one by one: a page of 50 objectives maps some 200 key results,
 * and copying them with object rest and spread cost more than everything else the mapping does.
 */
function keyResultView(
  viewer: Viewer,
  cycle: Pick<CycleView, "status">,
  expected: number,
  objective: { status: ObjectiveStatus; teamId: string | null },
  kr: Omit<KeyResultRow, "lastCheckInAt">,
  lastCheckInAt: Date | null,
): KeyResultView {
  const p = keyResultProgress(kr, kr.currentValue);
  return {
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
    lastCheckInAt,
    unit: kr.unit,
    unitLabel: kr.unitLabel,
    weight: kr.weight,
    owner: { id: kr.ownerId, name: kr.ownerName },
    progress: p.progress,
    hasData: p.hasData,
    suggestedGrade: suggestedGrade(p.progress),
    grade: effectiveGrade(
      keyResultGrade({
        progress: p.progress,
        weight: kr.weight,
        gradeOverride: kr.gradeOverride,
        gradeReason: kr.gradeReason,
      }),
    ),
    status: progressStatus(p, expected, kr.currentConfidence),
    canCheckIn: canCheckIn(viewer, cycle, objective, kr.ownerId),
  };
}

function canCheckIn(
  viewer: Viewer,
  cycle: Pick<CycleView, "status">,
  objective: { status: ObjectiveStatus; teamId: string | null },
  keyResultOwnerId: string,
): boolean {
  return (
    cycle.status === "open" &&
    objective.status === "active" &&
    canCheckInOnKeyResult({
      role: viewer.role,
      userId: viewer.userId,
      keyResultOwnerId,
      leadsObjectiveTeam: objective.teamId !== null && viewer.ledTeamIds.has(objective.teamId),
    })
  );
}
