import { type AnyPgColumn, objectives, type SQL, sql } from "@meridian/db";
import { PROGRESS_STATUS_BOUNDS, type ProgressStatus, type Viewer } from "@meridian/domain";
import { sqlArray, sqlArrayLiteral } from "../../lib/sql-array";

/** The objectives table or an alias of it (a parent, a child). */
type ObjectiveColumns = Record<
  "ownerId" | "teamId" | "visibility" | "status" | "progress" | "progressHasData" | "lowestConfidence",
  AnyPgColumn
>;

/**
 * The viewer's facts as SQL placeholders, for a statement rendered once per shape (`runShaped`):
 * the role decides the shape, `viewerValues` fills them per request.
 */
export interface ViewerPlaceholders {
  role: Viewer["role"];
  placeholders: true;
}

/** The values of a viewer's placeholders (see ViewerPlaceholders). */
export function viewerValues(viewer: Viewer) {
  return {
    viewerId: viewer.userId,
    viewerLed: sqlArrayLiteral([...viewer.ledTeamIds]),
    viewerTeams: sqlArrayLiteral([...viewer.teamIds]),
  };
}

/**
 * `canSeeObjective` as a condition, so visibility is applied by the query that
 * pages, counts and searches (tested against the domain rule). Private: owner,
 * leads of its team, admins. Draft: its team, owner, admins. Otherwise everyone.
 */
export function visibleTo(viewer: Viewer | ViewerPlaceholders, o: ObjectiveColumns = objectives): SQL {
  if (viewer.role === "admin") return sql`true`;
  const bound = "placeholders" in viewer;
  const userId = bound ? sql.placeholder("viewerId") : viewer.userId;
  const led = bound ? sql`${sql.placeholder("viewerLed")}::uuid[]` : sqlArray([...viewer.ledTeamIds], "uuid");
  const member = bound ? sql`${sql.placeholder("viewerTeams")}::uuid[]` : sqlArray([...viewer.teamIds], "uuid");
  return sql`(${o.ownerId} = ${userId} or case
    when ${o.visibility} = 'private' then coalesce(${o.teamId} = any(${led}), false)
    when ${o.status} = 'draft' then coalesce(${o.teamId} = any(${member}), false)
    else true end)`;
}

/** `progressStatus` of an objective's stored rollup, as an expression (tested against the domain rule). */
export function progressStatusOf(
  expected: number | ReturnType<typeof sql.placeholder>,
  o: ObjectiveColumns = objectives,
): SQL<ProgressStatus> {
  const gap = sql`(${o.progress} - ${expected}::float8)`;
  return sql<ProgressStatus>`case
    when not ${o.progressHasData} then 'no_data'
    when ${gap} > ${PROGRESS_STATUS_BOUNDS.onTrackAbove}::float8 then
      case when ${o.lowestConfidence} <= ${PROGRESS_STATUS_BOUNDS.lowConfidence} then 'at_risk' else 'on_track' end
    when ${gap} >= ${PROGRESS_STATUS_BOUNDS.atRiskFrom}::float8 then 'at_risk'
    else 'off_track' end`;
}
